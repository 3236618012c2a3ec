/**
 * Keeps the screen on while a workshop runs (Screen Wake Lock API, where the browser has it). The
 * browser drops the lock whenever the page is hidden, so it is taken again when the page returns.
 */
export function keepScreenOn(): () => void {
	if (!('wakeLock' in navigator)) return () => {};
	let sentinel: WakeLockSentinel | null = null;
	let active = true;
	const acquire = async () => {
		if (!active || document.visibilityState !== 'visible') return;
		try {
			sentinel = await navigator.wakeLock.request('screen');
		} catch {
			// Refused (battery saver, no user gesture yet): the workshop works anyway.
		}
	};
	const onVisibility = () => void acquire();
	document.addEventListener('visibilitychange', onVisibility);
	void acquire();
	return () => {
		active = false;
		document.removeEventListener('visibilitychange', onVisibility);
		void sentinel?.release().catch(() => {});
	};
}
