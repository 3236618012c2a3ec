/**
 * A profiling aid, not a benchmark (run.ts only runs bench/*.ts): opens an N-note board with the CPU
 * throttled 4× under the DevTools protocol's sampling profiler and prints where the time went — the
 * self time of the heaviest functions and the browser's own layout/style/script totals — so a missed
 * target in `npm run bench -- boardframes` can be explained from a profile, not a guess.
 *
 *   node --import tsx bench/profile/open-board.ts [notes=1000] [open|drag|pan|zoom]
 * `KOHTAAMO_ROOT=<dir>` serves another build (a baseline) through the same server.
 * The raw profile is written to bench-results/open-board.cpuprofile (open it in DevTools).
 */
import { writeFile, mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../../tests/browser/support/chromium.ts';
import { startServer } from '../../tests/browser/support/server.ts';
import { bigBoardBackup, CHROMIUM_ARGS, percentile, recordFrames, restoredDevice } from '../support/big-board.ts';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
	hitCount?: number;
	children?: number[];
}

const notes = Number(process.argv[2] ?? 1000);
const gesture = process.argv[3] ?? 'open';
/** `PROFILE_REPEAT=6`: the gesture several times over (long enough to meet background work). */
const REPEAT = Number(process.env.PROFILE_REPEAT ?? 1);
const server = await startServer();
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
	const backup = bigBoardBackup(notes);
	const { context, page } = await restoredDevice(browser, server.url, backup);
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	await cdp.send('Performance.enable');
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
	const metrics = async () =>
		Object.fromEntries(
			((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.map(
				(m) => [m.name, m.value]
			)
		);
	await page.goto(`${server.url}/sessions/${backup.sessionId}/plan`);
	await page.waitForTimeout(1000);
	const before = await metrics();
	const open = () =>
		page.waitForFunction(
			(n) =>
				Number(document.querySelector('.canvas')?.getAttribute('data-notes-total')) >= n &&
				document.querySelector('.canvas [data-note-id]') !== null,
			notes,
			{ timeout: 300_000, polling: 100 }
		);
	if (gesture !== 'open') {
		await page.goto(`${server.url}/sessions/${backup.sessionId}/run`);
		await open();
		await page.waitForTimeout(3000);
	}
	// A trace beside the profile: how often the browser painted and rasterised, and for how long —
	// native rendering is one opaque "(program)" in a CPU profile.
	const traceEvents: { name: string; ph: string; dur?: number; tid: number }[] = [];
	cdp.on('Tracing.dataCollected', ({ value }) => void traceEvents.push(...(value as unknown as typeof traceEvents)));
	const traceDone = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
	await cdp.send('Tracing.start', {
		transferMode: 'ReportEvents',
		traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'cc', 'blink'] }
	});
	await cdp.send('Profiler.start');
	const started = Date.now();
	const stopFrames = gesture === 'open' ? null : await recordFrames(page);
	for (let round = 0; round < REPEAT; round++)
		if (gesture === 'open') {
			await page.goto(`${server.url}/sessions/${backup.sessionId}/run`);
			await open();
		} else if (gesture === 'drag') {
			// The benchmark's note drag: a visible part of a note on screen.
			const at = await page.evaluate(() => {
				const c = document.querySelector('.canvas')!.getBoundingClientRect();
				for (const el of document.querySelectorAll('.canvas [data-note-id]')) {
					const r = el.getBoundingClientRect();
					for (let fy = 0.15; fy < 1; fy += 0.2)
						for (let fx = 0.15; fx < 1; fx += 0.2) {
							const p = { x: r.x + r.width * fx, y: r.y + r.height * fy };
							if (
								p.x < c.left + 60 ||
								p.y < c.top + 60 ||
								p.x > c.right - 10 ||
								p.y > Math.min(c.bottom, innerHeight) - 10
							)
								continue;
							if (document.elementFromPoint(p.x, p.y)?.closest('[data-note-id]') === el) return p;
						}
				}
				throw new Error('no note on screen');
			});
			await page.mouse.move(at.x, at.y);
			await page.mouse.down();
			for (let i = 1; i <= 40; i++) await page.mouse.move(at.x - i * 4, at.y - i * 2);
			await page.mouse.up();
			await page.waitForTimeout(500);
		} else if (gesture === 'pan') {
			// The benchmark's pointer pan, from the board's background (a 200-note board has some on screen).
			const at = await page.evaluate(() => {
				const c = document.querySelector('.canvas')!.getBoundingClientRect();
				for (let y = Math.min(c.bottom, innerHeight) - 10; y > c.top; y -= 15)
					for (let x = c.right - 10; x > c.left; x -= 15) {
						const hit = document.elementFromPoint(x, y);
						if (hit?.closest('.canvas') && !hit.closest('[data-note-id], button')) return { x, y };
					}
				throw new Error('no background on screen');
			});
			await page.mouse.move(at.x, at.y);
			await page.mouse.down();
			for (let i = 1; i <= 40; i++) await page.mouse.move(at.x - i * 4, at.y - i * 2);
			await page.mouse.up();
			await page.waitForTimeout(500);
		} else {
			// The benchmark's wheel zoom, over the middle of the board's visible part.
			const at = await page.evaluate(() => {
				const c = document.querySelector('.canvas')!.getBoundingClientRect();
				return { x: c.left + c.width / 2, y: (c.top + Math.min(c.bottom, innerHeight)) / 2 };
			});
			await page.mouse.move(at.x, at.y);
			for (let i = 0; i < 20; i++) await page.mouse.wheel(0, i < 10 ? -60 : 60);
			await page.waitForTimeout(500);
		}
	const openMs = Date.now() - started;
	const frames = stopFrames ? await stopFrames() : [];
	const { profile } = (await cdp.send('Profiler.stop')) as {
		profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };
	};
	const after = await metrics();
	await cdp.send('Tracing.end');
	await traceDone;
	const traced = new Map<string, { count: number; ms: number }>();
	for (const e of traceEvents) {
		if (e.ph !== 'X' || e.dur === undefined) continue;
		const entry = traced.get(e.name) ?? { count: 0, ms: 0 };
		entry.count++;
		entry.ms += e.dur / 1000;
		traced.set(e.name, entry);
	}
	const inPage = await page.locator('.canvas [data-note-id]').count();
	const marks = await page.evaluate(() =>
		performance
			.getEntriesByType('navigation')
			.map((e) => e.toJSON())
			.concat(performance.getEntriesByType('paint').map((e) => e.toJSON()))
	);
	console.log(
		`${gesture}${REPEAT > 1 ? ` ×${REPEAT}` : ''}, ${notes} notes at 4×: ${openMs} ms, ${inPage} notes in the page`
	);
	if (frames.length)
		console.log(
			`  frames: ${frames.length}, p50 ${percentile(frames, 50).toFixed(0)} ms, p95 ${percentile(frames, 95).toFixed(0)} ms, worst ${Math.max(...frames).toFixed(0)} ms`
		);
	console.log(
		JSON.stringify(
			marks.map((m) => ({
				name: m.name,
				startTime: m.startTime,
				dcl: m.domContentLoadedEventEnd,
				load: m.loadEventEnd
			}))
		)
	);
	for (const k of [
		'TaskDuration',
		'ScriptDuration',
		'LayoutDuration',
		'RecalcStyleDuration',
		'LayoutCount',
		'RecalcStyleCount',
		'Nodes',
		'JSHeapUsedSize'
	])
		console.log(
			`  ${k}: ${k.endsWith('Duration') ? ((after[k] - before[k]) * 1000).toFixed(0) + ' ms' : `${before[k]} → ${after[k]}`}`
		);

	// Self time per function, and total (inclusive) time per function.
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const self = new Map<number, number>();
	profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
	const parent = new Map<number, number>();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const key = (n: ProfileNode) =>
		`${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/_app\/immutable\//, '')}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;
	const selfBy = new Map<string, number>();
	const totalBy = new Map<string, number>();
	for (const [id, ms] of self) {
		const n = byId.get(id)!;
		selfBy.set(key(n), (selfBy.get(key(n)) ?? 0) + ms);
		const seen = new Set<string>();
		for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
			const k = key(byId.get(at)!);
			if (seen.has(k)) continue;
			seen.add(k);
			totalBy.set(k, (totalBy.get(k) ?? 0) + ms);
		}
	}
	const top = (m: Map<string, number>, n: number) =>
		[...m]
			.sort((a, b) => b[1] - a[1])
			.slice(0, n)
			.map(([k, v]) => `  ${v.toFixed(0).padStart(6)} ms  ${k}`)
			.join('\n');
	console.log(
		'trace (count, total ms):\n' +
			[
				'Paint',
				'PaintImage',
				'RasterTask',
				'Layout',
				'UpdateLayoutTree',
				'PrePaint',
				'Layerize',
				'UpdateLayer',
				'CompositeLayers',
				'FunctionCall',
				'EvaluateScript',
				'v8.compile',
				'MinorGC',
				'MajorGC'
			]
				.map((n) => `  ${n}: ${traced.get(n)?.count ?? 0}, ${(traced.get(n)?.ms ?? 0).toFixed(0)} ms`)
				.join('\n')
	);
	console.log('self time:\n' + top(selfBy, 30));
	console.log('total time:\n' + top(totalBy, 60));
	await mkdir('bench-results', { recursive: true });
	await writeFile('bench-results/open-board.cpuprofile', JSON.stringify(profile));
	await context.close();
} finally {
	await browser.close();
	await server.stop();
}
