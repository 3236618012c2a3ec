/**
 * Waiting in tests for something to become true, instead of sleeping for a guessed time.
 */

/** Polls `condition` until it returns (or resolves to) true; throws with `what` after `timeoutMs`. */
export async function waitFor(
	condition: () => boolean | Promise<boolean>,
	what: string,
	timeoutMs = 10_000,
	intervalMs = 20
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (await condition()) return;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}

/** Lets pending timers and I/O run for `ms` (for asserting that something does *not* happen). */
export function settle(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
