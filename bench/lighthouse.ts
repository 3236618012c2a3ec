/**
 * Lighthouse's mobile performance score for the join route — the page every participant's phone
 * opens first — served by the real workshop server from the production build (issue 12, point 4:
 * target ≥ 0.9). Lighthouse 12.2.3 (the last line for Node 20) with its default mobile profile:
 * a mid-range phone, simulated slow 4G and 4× CPU slowdown, on Debian's Chromium.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { buildIsStale, runBuild } from '../server/build.ts';
import { chromiumInstalled, chromiumPath } from '../tests/browser/support/chromium.ts';
import { startServer } from '../tests/browser/support/server.ts';
import { planSession, startRun } from '../tests/browser/support/workshop.ts';
import type { Figure } from './run.ts';

const PROJECT = new URL('../', import.meta.url).pathname;

export async function benchLighthouse(): Promise<Figure[]> {
	if (!chromiumInstalled())
		return [{ name: 'Lighthouse', value: 0, unit: 'score', notes: `skipped: no browser at ${chromiumPath()}` }];
	if (buildIsStale(PROJECT, `${PROJECT}build`)) runBuild(PROJECT);
	const server = await startServer();
	const playwright = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
	try {
		// A real join link, so that the page shows the join form a participant sees.
		const facilitator = await playwright.newPage({ locale: 'en-GB' });
		const id = await planSession(facilitator, server.url, { title: 'Bench', methods: ['Dot voting'] });
		const link = await startRun(facilitator, server.url, id);

		const chrome = await launch({
			chromePath: chromiumPath(),
			chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run']
		});
		try {
			const result = await lighthouse(link, {
				port: chrome.port,
				onlyCategories: ['performance'],
				output: 'json',
				logLevel: 'error'
			});
			if (!result) throw new Error('Lighthouse returned no result');
			const { lhr } = result;
			// The whole report, for the reasons behind the score (main-thread work, what blocks).
			await mkdir(new URL('../bench-results/', import.meta.url), { recursive: true });
			await writeFile(new URL('../bench-results/lighthouse-join.json', import.meta.url), JSON.stringify(lhr));
			const audit = (id: string) => lhr.audits[id];
			const ms = (id: string) => audit(id)?.numericValue ?? 0;
			const compression = audit('uses-text-compression')?.details as { overallSavingsBytes?: number } | undefined;
			return [
				{
					name: 'Lighthouse mobile performance score, join route',
					value: lhr.categories.performance.score ?? 0,
					unit: 'score',
					target: { min: 0.9 },
					notes: `Lighthouse ${lhr.lighthouseVersion}, ${lhr.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}, simulated slow 4G and 4× CPU; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores during the run`
				},
				{ name: 'Lighthouse join route: First Contentful Paint', value: ms('first-contentful-paint'), unit: 'ms' },
				{ name: 'Lighthouse join route: Largest Contentful Paint', value: ms('largest-contentful-paint'), unit: 'ms' },
				{ name: 'Lighthouse join route: Total Blocking Time', value: ms('total-blocking-time'), unit: 'ms' },
				{
					name: 'Lighthouse join route: total byte weight',
					value: ms('total-byte-weight') / 1000,
					unit: 'kB',
					notes: `text compression would save ${((compression?.overallSavingsBytes ?? 0) / 1000).toFixed(0)} kB`
				}
			];
		} finally {
			chrome.kill();
		}
	} finally {
		await playwright.close();
		await server.stop();
	}
}
