/**
 * A profiling aid, not a benchmark (run.ts only runs bench/*.ts): the first PDF summary export of
 * a 500-note session in a fresh Chromium page with the CPU throttled 4×, under the DevTools
 * protocol's sampling profiler, as `npm run bench -- pdf` times it cold — so that the cold figure's
 * gap to its target is explained from a profile, not a guess. Prints the heaviest functions by self
 * and by total time; the bundle is not minified, so the names are the sources'.
 *
 *   node --import tsx bench/profile/pdf-export.ts [runs=1]
 * The raw profile of the first export is written to bench-results/pdf-export.cpuprofile (open it in
 * DevTools); with runs > 1 the later (warm) exports are timed too, unprofiled.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../../tests/browser/support/chromium.ts';
import { build } from 'vite';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
	children?: number[];
}
interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

const runs = Number(process.argv[2] ?? 1);
const bundle = await build({
	configFile: false,
	logLevel: 'silent',
	build: {
		write: false,
		minify: false,
		target: 'es2022',
		lib: { entry: new URL('../browser/pdf-entry.ts', import.meta.url).pathname, formats: ['es'], fileName: 'bench' },
		rolldownOptions: { output: { codeSplitting: false } }
	}
});
const outputs = (Array.isArray(bundle) ? bundle : [bundle]).flatMap((b) => ('output' in b ? b.output : []));
const script = outputs.find((o) => o.type === 'chunk');
if (!script || script.type !== 'chunk') throw new Error('bench bundle missing');
const lines = script.code.split('\n');
await mkdir('bench-results', { recursive: true });
await writeFile('bench-results/pdf-export.bundle.js', script.code);

/** Self and total time per function, within the export (`makeSummaryPdf`'s subtree). */
function summarise(profile: Profile): void {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const self = new Map<number, number>();
	profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
	// Minified library code is named by where it is and how it starts.
	const key = (n: ProfileNode) => {
		const { functionName, url, lineNumber, columnNumber } = n.callFrame;
		if (!url.endsWith('bench.js')) return `${functionName || '(anonymous)'} ${url}`;
		const snippet = (lines[lineNumber] ?? '').slice(columnNumber, columnNumber + 40).replace(/\s+/g, ' ');
		return `${functionName || '(anonymous)'} :${lineNumber + 1}  ${snippet}`;
	};
	const inExport = (id: number) => {
		for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
			if (byId.get(at)!.callFrame.functionName === 'makeSummaryPdf') return true;
		return false;
	};
	const selfBy = new Map<string, number>();
	const totalBy = new Map<string, number>();
	let all = 0;
	let exportMs = 0;
	const outside = new Map<string, number>();
	for (const [id, ms] of self) {
		all += ms;
		const n = byId.get(id)!;
		if (!inExport(id)) {
			outside.set(key(n), (outside.get(key(n)) ?? 0) + ms);
			continue;
		}
		exportMs += ms;
		selfBy.set(key(n), (selfBy.get(key(n)) ?? 0) + ms);
		const seen = new Set<string>();
		for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
			const k = key(byId.get(at)!);
			if (seen.has(k)) continue;
			seen.add(k);
			totalBy.set(k, (totalBy.get(k) ?? 0) + ms);
		}
	}
	const top = (m: Map<string, number>, count: number) =>
		[...m]
			.sort((a, b) => b[1] - a[1])
			.slice(0, count)
			.map(([k, v]) => `  ${v.toFixed(0).padStart(6)} ms  ${k}`)
			.join('\n');
	console.log(`profiled: ${all.toFixed(0)} ms, of which in makeSummaryPdf's stacks ${exportMs.toFixed(0)} ms`);
	console.log('outside the export (GC and compilation samples have no stack):\n' + top(outside, 8));
	console.log('self time in the export:\n' + top(selfBy, 45));
	console.log('total time in the export:\n' + top(totalBy, 90));
}

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
				body: readFileSync(new URL(`../../static${path}`, import.meta.url))
			});
		return route.fulfill({ status: 404 });
	});
	await page.goto('http://localhost/');
	await page.waitForFunction(() => 'kohtaamoPdfBench' in globalThis);
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
	type Bench = (e: number, r: number) => Promise<{ times: number[]; notes: number }>;
	const profiled = async (label: string) => {
		await cdp.send('Profiler.start');
		const result = await page.evaluate(() =>
			(globalThis as unknown as { kohtaamoPdfBench: Bench }).kohtaamoPdfBench(476, 1)
		);
		const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
		console.log(`\n=== ${label} export (profiled): ${result.times[0].toFixed(0)} ms, ${result.notes} notes`);
		summarise(profile);
		return profile;
	};
	const first = await profiled('first (cold)');
	await writeFile('bench-results/pdf-export.cpuprofile', JSON.stringify(first));
	for (let i = 1; i < runs; i++) await profiled(`later (warm) #${i}`);
} finally {
	await browser.close();
}
