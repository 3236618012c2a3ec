/**
 * Which signaling servers a device may use: the app's own origin (the workshop server's `/signal`)
 * and the services its build names (svelte.config.js, `KOHTAAMO_SIGNALING_URL` and
 * `KOHTAAMO_SIGNALING_ORIGINS`). The CSP blocks every other address anyway; checking here lets the
 * settings refuse one with a message instead of leaving a socket that silently never opens.
 */

/** `wss://host[:port]` of a ws:// or wss:// URL, or null when it is not one. */
export function wsOriginOf(url: string): string | null {
	let parsed: URL;
	try {
		parsed = new URL(url.trim());
	} catch {
		return null;
	}
	if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') return null;
	return `${parsed.protocol}//${parsed.host}`;
}

/** Whether `url` is on the page's own host (ws: or wss:, which CSP's 'self' allows) or on an allowed origin. */
export function signalingUrlAllowed(url: string, pageHost: string, allowed: readonly string[]): boolean {
	const origin = wsOriginOf(url);
	if (origin === null) return false;
	return new URL(origin).host === pageHost || allowed.includes(origin);
}
