/**
 * A profiling aid, not a benchmark (run.ts only runs bench/*.ts): the note-latency run of
 * bench/latency.ts (A a participant phone, B the facilitator's run view at phone width, two
 * Chromium processes), traced with both browsers' sampling profilers, and the time inside each
 * note's windows explained — on A from the note command until A sends, on B from B's receive until
 * the text is in B's DOM. So a missed latency target is explained from a profile, not a guess.
 *
 *   node --import tsx bench/profile/latency.ts [direct|relay] [notes=60]
 *
 * Per window it prints where the main thread's samples went (self and total time per function,
 * resolved through the build's source maps when `vite build --sourcemap` made them), how much of
 * the window the thread was idle (waiting: a timer, another thread's crypto, the network), and the
 * browser's own work (style, layout). The raw traces go to bench-results/latency-{a,b}.json.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import type { Browser, Page } from 'playwright-core';
import { startServer } from '../../tests/browser/support/server.ts';
import { openDevice, type Device } from '../../tests/browser/support/workshop.ts';
import { connected, join, planSession, startRun } from '../support/workshop-flow.ts';
import { closeAll, launchChromium, percentile } from '../support/chromium.ts';
import { bundlePageScript } from '../support/page-bundle.ts';

const path = process.argv[2] === 'relay' ? 'relay' : 'direct';
const NOTES = Number(process.argv[3] ?? 60);
const CATEGORIES = [
	'toplevel',
	'devtools.timeline',
	'disabled-by-default-devtools.timeline',
	'blink.user_timing',
	'v8.execute',
	'disabled-by-default-v8.cpu_profiler',
	'disabled-by-default-v8.cpu_profiler.hires'
];

interface NoteTiming {
	expect(text: string): void;
	arrival(timeoutMs: number): Promise<number | null>;
	prepare(text: string): Promise<{ x: number; y: number } | null>;
	saved(): { click: number; command: number };
	wire(): { sent: number; received: number };
}
const call = <T>(page: Page, fn: (t: NoteTiming, arg: string) => T | Promise<T>, arg = '') =>
	page.evaluate(
		([source, a]) => {
			const t = (globalThis as unknown as { kohtaamoNoteTiming: NoteTiming }).kohtaamoNoteTiming;
			return (0, eval)(source)(t, a) as T;
		},
		[fn.toString(), arg] as const
	);

/** Wall clock (ms) ↔ trace clock (µs): a user-timing mark seen both ways. */
async function calibrate(page: Page): Promise<number> {
	return page.evaluate(() => {
		const mark = performance.mark('kohtaamo-calibration');
		return performance.timeOrigin + mark.startTime;
	});
}

interface Window {
	start: number;
	end: number;
}

async function run() {
	const server = await startServer();
	let a: Browser | undefined;
	let b: Browser | undefined;
	const devices: Device[] = [];
	try {
		const timingScript = await bundlePageScript(new URL('../browser/note-timing-entry.ts', import.meta.url), {
			format: 'iife'
		});
		a = await launchChromium();
		b = await launchChromium();
		const webRtc = path === 'direct';
		const wall = await openDevice(b, { webRtc });
		devices.push(wall);
		const phone = await openDevice(a, { webRtc, viewport: { width: 412, height: 860 } });
		devices.push(phone);
		for (const device of devices) await device.context.addInitScript({ content: timingScript });
		const id = await planSession(wall.page, server.url, 'Latency', ['Dot voting']);
		const link = await startRun(wall.page, server.url, id);
		await wall.page.setViewportSize({ width: 412, height: 860 });
		await wall.page.reload();
		await join(phone.page, link, 'Pia');
		const transport = await connected(phone.page, 1);
		await connected(wall.page, 1);
		console.log(`${path}: ${transport}`);

		// Warm up (the first notes compile code paths), then trace.
		const windows = { a: [] as Window[], b: [] as Window[] };
		const totals: number[] = [];
		const note = async (text: string) => {
			await call(wall.page, (t, s) => t.expect(s), text);
			const at = await call(phone.page, (t, s) => t.prepare(s), text);
			if (!at) throw new Error('the note dialog did not open');
			await phone.page.mouse.click(at.x, at.y);
			const arrived = await call(wall.page, (t) => t.arrival(5000));
			const saved = await call(phone.page, (t) => t.saved());
			const sent = (await call(phone.page, (t) => t.wire())).sent;
			const received = (await call(wall.page, (t) => t.wire())).received;
			await new Promise((resolve) => setTimeout(resolve, 30));
			return { arrived, command: saved.command, sent, received };
		};
		for (let i = 0; i < 10; i++) await note(`Warm ${i}`);
		await a.startTracing(undefined, { categories: CATEGORIES });
		await b.startTracing(undefined, { categories: CATEGORIES });
		const calA = await calibrate(phone.page);
		const calB = await calibrate(wall.page);
		for (let i = 0; i < NOTES; i++) {
			const t = await note(`Profiled ${i}`);
			if (t.arrived === null || t.sent < t.command || t.received < t.sent || t.arrived < t.received) continue;
			windows.a.push({ start: t.command, end: t.sent });
			windows.b.push({ start: t.received, end: t.arrived });
			totals.push(t.arrived - t.command);
		}
		const traceA = await a.stopTracing();
		const traceB = await b.stopTracing();
		await mkdir('bench-results', { recursive: true });
		await writeFile('bench-results/latency-a.json', traceA);
		await writeFile('bench-results/latency-b.json', traceB);
		await writeFile('bench-results/latency-windows.json', JSON.stringify({ calA, calB, windows }));
		console.log(
			`${windows.a.length} notes: total p50 ${percentile(totals, 50).toFixed(1)} ms, p95 ${percentile(totals, 95).toFixed(1)} ms`
		);
		await explain('A: note command → A sends', JSON.parse(String(traceA)), calA, windows.a);
		await explain("B: B's receive → text in B's DOM", JSON.parse(String(traceB)), calB, windows.b);
	} finally {
		await Promise.allSettled(devices.map((d) => d.context.close()));
		await closeAll([a, b]);
		await server.stop();
	}
}

interface TraceEvent {
	name: string;
	cat: string;
	ph: string;
	ts: number;
	dur?: number;
	pid: number;
	tid: number;
	id?: string;
	args?: { data?: Record<string, unknown> };
}
interface ProfileNode {
	id: number;
	parent?: number;
	callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

const maps = new Map<string, TraceMap | null>();
async function sourceOf(frame: ProfileNode['callFrame']): Promise<string> {
	const url = frame.url ?? '';
	const file = /\/_app\/immutable\/.*\.js$/.exec(url)?.[0];
	const short = url.replace(/^.*\/_app\/immutable\//, '');
	const raw = `${frame.functionName || '(anonymous)'} ${short}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
	if (!file) return url ? raw : frame.functionName || '(anonymous)';
	if (!maps.has(file)) {
		const mapFile = `build${file}.map`;
		maps.set(file, existsSync(mapFile) ? new TraceMap(await readFile(mapFile, 'utf8')) : null);
	}
	const map = maps.get(file);
	if (!map) return raw;
	const at = originalPositionFor(map, { line: frame.lineNumber + 1, column: frame.columnNumber });
	if (!at.source) return raw;
	const source = at.source.replace(/^(\.\.\/)+/, '').replace(/^node_modules\//, '');
	return `${frame.functionName || at.name || '(anonymous)'} ${source}:${at.line}`;
}

async function explain(title: string, trace: { traceEvents: TraceEvent[] }, calWall: number, windows: Window[]) {
	const events = trace.traceEvents;
	const cal = events.find((e) => e.name === 'kohtaamo-calibration');
	if (!cal) throw new Error('no calibration mark in the trace');
	const { pid, tid } = cal;
	// Trace µs of a wall-clock ms.
	const toTrace = (wall: number) => cal.ts + (wall - calWall) * 1000;
	const spans = windows.map((w) => ({ start: toTrace(w.start), end: toTrace(w.end) }));
	const windowMs = windows.reduce((sum, w) => sum + (w.end - w.start), 0);
	const inWindow = (ts: number) => spans.some((s) => ts >= s.start && ts < s.end);
	const overlap = (start: number, end: number) =>
		spans.reduce((sum, s) => sum + Math.max(0, Math.min(end, s.end) - Math.max(start, s.start)), 0);

	// The main thread's sampled profile.
	const profileId = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid)?.id;
	const nodes = new Map<number, ProfileNode>();
	const samples: { ts: number; node: number; dt: number }[] = [];
	let clock = Number(
		(events.find((e) => e.name === 'Profile' && e.id === profileId)?.args?.data as { startTime: number })?.startTime
	);
	for (const e of events) {
		if (e.name !== 'ProfileChunk' || e.id !== profileId || e.pid !== pid) continue;
		const data = e.args!.data as {
			cpuProfile: { nodes?: ProfileNode[]; samples?: number[] };
			timeDeltas?: number[];
		};
		for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
		(data.cpuProfile?.samples ?? []).forEach((node, i) => {
			const dt = data.timeDeltas?.[i] ?? 0;
			clock += dt;
			samples.push({ ts: clock, node, dt });
		});
	}
	const selfBy = new Map<string, number>();
	const totalBy = new Map<string, number>();
	let sampled = 0;
	for (let i = 0; i < samples.length; i++) {
		const s = samples[i];
		if (!inWindow(s.ts)) continue;
		// A sample stands for the time until the next one.
		const ms = ((samples[i + 1]?.ts ?? s.ts) - s.ts) / 1000;
		sampled += ms;
		const seen = new Set<string>();
		let first = true;
		for (let at: number | undefined = s.node; at !== undefined; at = nodes.get(at)?.parent) {
			const n = nodes.get(at);
			if (!n) break;
			const key = await sourceOf(n.callFrame);
			if (first) selfBy.set(key, (selfBy.get(key) ?? 0) + ms);
			first = false;
			if (seen.has(key) || key === '(root)') continue;
			seen.add(key);
			totalBy.set(key, (totalBy.get(key) ?? 0) + ms);
		}
	}
	const n = windows.length;
	const top = (m: Map<string, number>, count: number) =>
		[...m]
			.sort((x, y) => y[1] - x[1])
			.slice(0, count)
			.map(([k, v]) => `  ${(v / n).toFixed(2).padStart(7)} ms/note  ${k}`)
			.join('\n');
	console.log(`\n=== ${title}: ${n} notes, ${(windowMs / n).toFixed(2)} ms/note in the window ===`);
	console.log(`samples cover ${(sampled / n).toFixed(2)} ms/note`);

	// The browser's own slices on the main thread (complete events), by name, inside the windows.
	const byName = new Map<string, number>();
	for (const e of events) {
		if (e.pid !== pid || e.tid !== tid || e.ph !== 'X' || !e.dur) continue;
		const ms = overlap(e.ts, e.ts + e.dur) / 1000;
		if (ms > 0) byName.set(e.name, (byName.get(e.name) ?? 0) + ms);
	}
	console.log('main-thread trace slices (inclusive, overlapping):\n' + top(byName, 25));
	console.log('self time:\n' + top(selfBy, 30));
	console.log('total time:\n' + top(totalBy, 45));

	// One median note as a sequence of top-level tasks, to see gaps (waits) between them.
	const order = windows.map((w, i) => ({ i, ms: w.end - w.start })).sort((x, y) => x.ms - y.ms);
	const median = order[Math.floor(order.length / 2)].i;
	const span = spans[median];
	console.log(`median note (${(windows[median].end - windows[median].start).toFixed(1)} ms), tasks:`);
	const tasks = events
		.filter(
			(e) =>
				e.pid === pid &&
				e.tid === tid &&
				e.ph === 'X' &&
				e.dur &&
				e.ts < span.end &&
				e.ts + e.dur! > span.start &&
				e.dur >= 50
		)
		.sort((x, y) => x.ts - y.ts);
	for (const e of tasks.slice(0, 60)) {
		const data = e.args?.data as { url?: string; functionName?: string; type?: string } | undefined;
		console.log(
			`  +${((e.ts - span.start) / 1000).toFixed(2).padStart(6)} ms  ${(e.dur! / 1000).toFixed(2).padStart(6)} ms  ${e.name}${data?.type ? ` ${data.type}` : ''}${data?.functionName ? ` ${data.functionName}` : ''}`
		);
	}
}

if (process.argv[2] === 'analyze') {
	const { calA, calB, windows } = JSON.parse(await readFile('bench-results/latency-windows.json', 'utf8')) as {
		calA: number;
		calB: number;
		windows: { a: Window[]; b: Window[] };
	};
	const read = async (name: string) => JSON.parse(await readFile(name, 'utf8')) as { traceEvents: TraceEvent[] };
	await explain('A: note command → A sends', await read('bench-results/latency-a.json'), calA, windows.a);
	await explain("B: B's receive → text in B's DOM", await read('bench-results/latency-b.json'), calB, windows.b);
} else await run();
