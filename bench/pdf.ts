/**
 * The PDF summary of a 500-note session: how long it takes in Node (the pure export, cold and
 * warm), and in Chromium with its CPU throttled 4× through the DevTools protocol — issue 12's
 * target was under 3 s there; issue 16 tightens the cold export to 1.5 s. Cold is the first export in a fresh process or page (module
 * evaluation and JIT included): what a facilitator waits for after opening the app.
 */
import { readFileSync } from 'node:fs';
import { build } from 'vite';
import { makeSummaryPdf } from '../src/lib/export/summary-pdf.ts';
import { diskFonts, readPdf } from '../src/lib/export/testing/pdf-reader.ts';
import { workshopFixture } from '../src/lib/export/testing/workshop-fixture.ts';
import { chromiumInstalled, chromiumPath } from '../tests/browser/support/chromium.ts';
import type { Figure } from './run.ts';

/** The fixture has 24 notes of its own; this many more makes 500. */
const EXTRA_NOTES = 476;
const WARM_RUNS = 5;
const THROTTLE = 4;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function benchPdf(): Promise<Figure[]> {
	const fixture = workshopFixture({ extraNotes: EXTRA_NOTES });
	const notes = [...fixture.texts.values()].flat().length;
	const fonts = diskFonts();
	const times: number[] = [];
	let bytes = new ArrayBuffer(0);
	for (let i = 0; i < 1 + WARM_RUNS; i++) {
		const start = performance.now();
		bytes = await makeSummaryPdf({ ...fixture, fonts, appVersion: 'bench', exportedAt: Date.now() });
		times.push(performance.now() - start);
	}
	const pages = (await readPdf(bytes)).pages.length;
	const figures: Figure[] = [
		{ name: `PDF summary, ${notes} notes, Node, cold`, value: times[0], unit: 'ms' },
		{
			name: `PDF summary, ${notes} notes, Node, warm (median of ${WARM_RUNS})`,
			value: median(times.slice(1)),
			unit: 'ms'
		},
		{ name: `PDF summary, ${notes} notes: size`, value: bytes.byteLength / 1024, unit: 'KiB', notes: `${pages} pages` }
	];
	if (chromiumInstalled()) figures.push(...(await inChromium()));
	else
		figures.push({
			name: 'PDF summary in Chromium',
			value: 0,
			unit: 'ms',
			notes: `skipped: no browser at ${chromiumPath()}`
		});
	return figures;
}

async function inChromium(): Promise<Figure[]> {
	const bundle = await build({
		configFile: false,
		logLevel: 'silent',
		build: {
			write: false,
			minify: true,
			target: 'es2022',
			lib: { entry: new URL('./browser/pdf-entry.ts', import.meta.url).pathname, formats: ['es'], fileName: 'bench' },
			rolldownOptions: { output: { codeSplitting: false } }
		}
	});
	const outputs = (Array.isArray(bundle) ? bundle : [bundle]).flatMap((b) => ('output' in b ? b.output : []));
	const script = outputs.find((o) => o.type === 'chunk');
	if (!script || script.type !== 'chunk') throw new Error('bench bundle missing');

	const { chromium } = await import('playwright-core');
	const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
	try {
		const page = await browser.newPage();
		await page.route('http://localhost/**', async (route) => {
			const path = new URL(route.request().url()).pathname;
			if (path === '/')
				return route.fulfill({
					contentType: 'text/html',
					body: '<!doctype html><script type="module" src="/bench.js"></script>'
				});
			if (path === '/bench.js') return route.fulfill({ contentType: 'text/javascript', body: script.code });
			if (path.startsWith('/fonts/'))
				return route.fulfill({
					contentType: 'font/ttf',
					body: readFileSync(new URL(`../static${path}`, import.meta.url))
				});
			return route.fulfill({ status: 404 });
		});
		// localhost is a secure context: the fixture's ids need crypto.randomUUID.
		await page.goto('http://localhost/');
		await page.waitForFunction(() => 'kohtaamoPdfBench' in globalThis);
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
		const result = await page.evaluate(
			([extra, runs]) =>
				(
					globalThis as unknown as {
						kohtaamoPdfBench: (e: number, r: number) => Promise<{ times: number[]; notes: number }>;
					}
				).kohtaamoPdfBench(extra, runs),
			[EXTRA_NOTES, 4] as const
		);
		const version = browser.version();
		return [
			{
				name: `PDF summary, ${result.notes} notes, Chromium ${THROTTLE}× CPU throttle, cold`,
				value: result.times[0],
				unit: 'ms',
				// Issue 16: cold at 4× within 1.5 s (issue 12 had asked for 3 s).
				target: { max: 1500 },
				notes: `Chromium ${version}`
			},
			{
				name: `PDF summary, ${result.notes} notes, Chromium ${THROTTLE}× CPU throttle, warm (median of 3)`,
				value: median(result.times.slice(1)),
				unit: 'ms',
				target: { max: 3000 }
			}
		];
	} finally {
		await browser.close();
	}
}
