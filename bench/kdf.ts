/**
 * Deriving the room key (PBKDF2-SHA-256, 200,000 rounds): once per page and room, before a device
 * can sync. A phone on plain HTTP has no WebCrypto and derives it in JavaScript (`@noble/hashes`),
 * which is slower: this shows by how much, in Node and in Chromium at 1× and with its CPU throttled
 * 4× (a cheap phone or tablet). The baseline in the same run is WebCrypto's native PBKDF2.
 */
import { deriveKeyBytes, PBKDF2_ITERATIONS } from '../src/lib/sync/room-crypto.ts';
import { chromiumInstalled, chromiumPath } from '../tests/browser/support/chromium.ts';
import type { Figure } from './run.ts';
import { launchChromium } from './support/chromium.ts';
import { bundlePageScript } from './support/page-bundle.ts';

const RUNS = 3;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function time(fn: () => Promise<unknown>, runs = RUNS): Promise<number> {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await fn();
		times.push(performance.now() - start);
	}
	return median(times);
}

export async function benchKdf(): Promise<Figure[]> {
	let i = 0;
	const web = await time(() => deriveKeyBytes(`s${i++}`, 'room', 'webcrypto'));
	const js = await time(() => deriveKeyBytes(`s${i++}`, 'room', 'javascript'));
	const figures: Figure[] = [
		{ name: `Room key, ${PBKDF2_ITERATIONS} PBKDF2 rounds, Node, WebCrypto (baseline)`, value: web, unit: 'ms' },
		{
			name: `Room key, Node, pure JavaScript`,
			value: js,
			unit: 'ms',
			notes: `${(js / web).toFixed(1)}× the WebCrypto baseline`
		}
	];
	if (chromiumInstalled()) figures.push(...(await inChromium()));
	else
		figures.push({
			name: 'Room key in Chromium',
			value: 0,
			unit: 'ms',
			notes: `skipped: no browser at ${chromiumPath()}`
		});
	return figures;
}

async function inChromium(): Promise<Figure[]> {
	const script = await bundlePageScript(new URL('./browser/kdf-entry.ts', import.meta.url));

	const browser = await launchChromium();
	try {
		const page = await browser.newPage();
		await page.route('http://localhost/**', async (route) => {
			const path = new URL(route.request().url()).pathname;
			if (path === '/')
				return route.fulfill({
					contentType: 'text/html',
					body: '<!doctype html><script type="module" src="/bench.js"></script>'
				});
			if (path === '/bench.js') return route.fulfill({ contentType: 'text/javascript', body: script });
			return route.fulfill({ status: 404 });
		});
		await page.goto('http://localhost/');
		await page.waitForFunction(() => 'kohtaamoKdfBench' in globalThis);
		const cdp = await page.context().newCDPSession(page);
		const figures: Figure[] = [];
		for (const rate of [1, 4]) {
			await cdp.send('Emulation.setCPUThrottlingRate', { rate });
			const run = (implementation: 'webcrypto' | 'javascript') =>
				page.evaluate(
					([impl, runs]) =>
						(
							globalThis as unknown as {
								kohtaamoKdfBench: (i: string, r: number) => Promise<number[]>;
							}
						).kohtaamoKdfBench(impl, runs),
					[implementation, RUNS] as const
				);
			const web = median(await run('webcrypto'));
			const js = median(await run('javascript'));
			figures.push(
				{ name: `Room key, Chromium ${rate}× CPU, WebCrypto (baseline)`, value: web, unit: 'ms' },
				{
					name: `Room key, Chromium ${rate}× CPU, pure JavaScript (a phone on plain HTTP)`,
					value: js,
					unit: 'ms',
					notes: `${(js / web).toFixed(1)}× the WebCrypto baseline; paid once per page and room`
				}
			);
		}
		return figures;
	} finally {
		await browser.close();
	}
}
