/**
 * Work that can wait until the browser is idle: it runs after the current update has been drawn,
 * not inside it. The run view mounts its board and its join panel in one update, and drawing the
 * panel's two QR codes (about a second with the CPU throttled 4×) held up the board's first paint.
 */

/** How long work waits for an idle moment at most: a busy page still gets it done. */
const IDLE_TIMEOUT_MS = 2000;

/** Runs `work` when the browser is idle (or after a short timeout where it has no idle callbacks).
 * Returns a function that cancels it if it has not run yet. */
export function whenIdle(work: () => void): () => void {
	if (typeof requestIdleCallback === 'function') {
		const handle = requestIdleCallback(() => work(), { timeout: IDLE_TIMEOUT_MS });
		return () => cancelIdleCallback(handle);
	}
	const handle = setTimeout(work, 0);
	return () => clearTimeout(handle);
}
