/**
 * Debian's Chromium for the benchmarks, launched as the browser tests launch it, and the small
 * statistics every latency figure uses.
 */
import { chromium, type Browser } from 'playwright-core';
import { chromiumPath } from '../../tests/browser/support/chromium.ts';

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** One browser process. Each call starts another one: two devices in two processes share nothing. */
export function launchChromium(): Promise<Browser> {
	return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/** Closes every browser given, even when some of them fail to close. */
export async function closeAll(browsers: (Browser | undefined)[]): Promise<void> {
	await Promise.allSettled(browsers.map((b) => b?.close()));
}

/** The p-th percentile (0–100) by nearest rank. */
export function percentile(values: number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
