/**
 * Note latency (issue 16, item 1): how long a note written on device A takes to appear in device
 * B's DOM, over 200 notes, directly (WebRTC) and through the workshop server's relay — beside the
 * real y-webrtc client on a bare page through the same server's `/signal`, in the same run.
 *
 * A (a participant's phone) and B (the facilitator's screen) run in two Chromium processes. Times
 * are taken inside the pages on the shared wall clock: on A, the Save click's input event and the
 * form submission that runs the note command; on B, a MutationObserver records when the text is in
 * the DOM. Playwright's own `click()` would add its actionability wait (about two frames), so the
 * Save button is clicked with raw mouse events and timed from the event's own timestamp.
 *
 * B's screen is phone-wide, where the board is its list view and every note is in the DOM: the
 * spatial board keeps only the notes near the screen in the page, so once the zone fills past the
 * screen's edge a DOM watch on a wide screen would see new notes never arrive (a first quiet run
 * "lost" 52 of 200 that way). The list reads the same document through the same view as the board.
 */
import { nodePolyfills } from 'vite-plugin-node-polyfills';
import type { Browser, Page } from 'playwright-core';
import { chromiumInstalled, chromiumPath } from '../tests/browser/support/chromium.ts';
import { startServer, type RunningServer } from '../tests/browser/support/server.ts';
import { openDevice, type Device } from '../tests/browser/support/workshop.ts';
import { connected, join, planSession, startRun } from './support/workshop-flow.ts';
import { closeAll, launchChromium, percentile } from './support/chromium.ts';
import { bundlePageScript, openOnServerOrigin } from './support/page-bundle.ts';
import type { Figure } from './run.ts';

const NOTES = Number(process.env.BENCH_LATENCY_NOTES) || 200;
/** A pause between notes, so that each note travels alone (no batching with the previous one). */
const GAP_MS = 30;
const ARRIVAL_TIMEOUT_MS = 5_000;
const TARGET_P95 = { direct: 20, relay: 60 };
const TARGET_RATIO = 1.2;

interface NoteTiming {
	expect(text: string): void;
	arrival(timeoutMs: number): Promise<number | null>;
	prepare(text: string): Promise<{ x: number; y: number } | null>;
	saved(): { click: number; command: number };
	begin(): number;
	wire(): { sent: number; received: number };
}
interface Baseline {
	start(signalingUrl: string, room: string): void;
	connected(): boolean;
	write(text: string): number;
	stop(): void;
}
const timing = (page: Page) => ({
	expect: (text: string) =>
		page.evaluate(
			(t) => (globalThis as unknown as { kohtaamoNoteTiming: NoteTiming }).kohtaamoNoteTiming.expect(t),
			text
		),
	arrival: () =>
		page.evaluate(
			(ms) => (globalThis as unknown as { kohtaamoNoteTiming: NoteTiming }).kohtaamoNoteTiming.arrival(ms),
			ARRIVAL_TIMEOUT_MS
		),
	prepare: (text: string) =>
		page.evaluate(
			(t) => (globalThis as unknown as { kohtaamoNoteTiming: NoteTiming }).kohtaamoNoteTiming.prepare(t),
			text
		),
	saved: () =>
		page.evaluate(() => (globalThis as unknown as { kohtaamoNoteTiming: NoteTiming }).kohtaamoNoteTiming.saved()),
	wire: () =>
		page.evaluate(() => (globalThis as unknown as { kohtaamoNoteTiming: NoteTiming }).kohtaamoNoteTiming.wire())
});

interface Samples {
	/** From the note command (the form submission) on A to the text in B's DOM. */
	command: number[];
	/** From the Save click's input event on A to the text in B's DOM. */
	click: number[];
	lost: number;
	/** Where the time went: the command until A sends, A's send until B receives, B's receive
	 * until the text is in its DOM. */
	parts: { send: number[]; wire: number[]; render: number[] };
}

const noSamples = (): Samples => ({ command: [], click: [], lost: 0, parts: { send: [], wire: [], render: [] } });

function addParts(samples: Samples, command: number, sent: number, received: number, arrived: number) {
	// A message sent before the command, or received before the send, is some other message
	// (a heartbeat): leave that note out of the breakdown.
	if (sent < command || received < sent || arrived < received) return;
	samples.parts.send.push(sent - command);
	samples.parts.wire.push(received - sent);
	samples.parts.render.push(arrived - received);
}

/** A note that never arrives at the start means the setup is broken, not slow: stop at once. */
function checkStart(samples: Samples, what: string, i: number) {
	if (i === 2 && samples.lost === 3) throw new Error(`${what}: none of the first notes arrived`);
	if ((i + 1) % 50 === 0) process.stderr.write(`  ${what}: ${i + 1} notes, ${samples.lost} lost\n`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const tag = () => Math.random().toString(36).slice(2, 8);

/** The app: B plans and runs a session, A joins it and writes the notes through the note dialog. */
async function measureApp(
	browsers: { a: Browser; b: Browser },
	server: RunningServer,
	timingScript: string,
	webRtc: boolean
): Promise<Samples> {
	const devices: Device[] = [];
	try {
		const wall = await openDevice(browsers.b, { webRtc });
		devices.push(wall);
		const phone = await openDevice(browsers.a, { webRtc, viewport: { width: 412, height: 860 } });
		devices.push(phone);
		for (const device of devices) await device.context.addInitScript({ content: timingScript });
		const id = await planSession(wall.page, server.url, 'Latency', ['Dot voting']);
		const link = await startRun(wall.page, server.url, id);
		// Planned at laptop size; the board chooses its list view when it opens at phone width.
		await wall.page.setViewportSize({ width: 412, height: 860 });
		await wall.page.reload();
		await join(phone.page, link, 'Pia');
		const transport = await connected(phone.page, 1);
		await connected(wall.page, 1);
		if (webRtc === /through the server/.test(transport)) throw new Error(`unexpected transport: ${transport}`);

		const writer = timing(phone.page);
		const reader = timing(wall.page);
		const samples = noSamples();
		const run = tag();
		for (let i = 0; i < NOTES; i++) {
			const text = `Note ${run} ${i}`;
			await reader.expect(text);
			const at = await writer.prepare(text);
			if (!at) throw new Error('the note dialog did not open');
			await phone.page.mouse.click(at.x, at.y);
			const arrived = await reader.arrival();
			const saved = await writer.saved();
			if (arrived === null) samples.lost++;
			else {
				samples.command.push(arrived - saved.command);
				samples.click.push(arrived - saved.click);
				addParts(samples, saved.command, (await writer.wire()).sent, (await reader.wire()).received, arrived);
			}
			checkStart(samples, webRtc ? 'direct' : 'relay', i);
			await sleep(GAP_MS);
		}
		return samples;
	} finally {
		await Promise.allSettled(devices.map((d) => d.context.close()));
	}
}

/** The baseline: the same 200 notes between two bare y-webrtc pages. */
async function measureBaseline(
	browsers: { a: Browser; b: Browser },
	server: RunningServer,
	timingScript: string,
	baselineScript: string
): Promise<Samples> {
	const contexts = await Promise.all([browsers.a.newContext(), browsers.b.newContext()]);
	try {
		const [writerPage, readerPage] = await Promise.all(contexts.map((c) => c.newPage()));
		const room = `bench-baseline-${tag()}${tag()}`;
		for (const page of [writerPage, readerPage]) {
			await page.addInitScript({ content: timingScript });
			await openOnServerOrigin(page, server.url, baselineScript);
			await page.waitForFunction(() => 'kohtaamoBaseline' in globalThis);
			await page.evaluate(
				([url, r]) => (globalThis as unknown as { kohtaamoBaseline: Baseline }).kohtaamoBaseline.start(url, r),
				[`${server.url.replace(/^http/, 'ws')}/signal`, room] as const
			);
		}
		for (const page of [writerPage, readerPage])
			await page.waitForFunction(
				() => (globalThis as unknown as { kohtaamoBaseline: Baseline }).kohtaamoBaseline.connected(),
				null,
				{
					timeout: 30_000
				}
			);
		const reader = timing(readerPage);
		const writer = timing(writerPage);
		const samples = noSamples();
		const run = tag();
		for (let i = 0; i < NOTES; i++) {
			const text = `Note ${run} ${i}`;
			await reader.expect(text);
			const wrote = await writerPage.evaluate((t) => {
				const g = globalThis as unknown as { kohtaamoBaseline: Baseline; kohtaamoNoteTiming: NoteTiming };
				g.kohtaamoNoteTiming.begin();
				return g.kohtaamoBaseline.write(t);
			}, text);
			const arrived = await reader.arrival();
			if (arrived === null) samples.lost++;
			else {
				samples.command.push(arrived - wrote);
				addParts(samples, wrote, (await writer.wire()).sent, (await reader.wire()).received, arrived);
			}
			checkStart(samples, 'y-webrtc', i);
			await sleep(GAP_MS);
		}
		await Promise.all(
			[writerPage, readerPage].map((p) =>
				p.evaluate(() => (globalThis as unknown as { kohtaamoBaseline: Baseline }).kohtaamoBaseline.stop())
			)
		);
		return samples;
	} finally {
		await Promise.allSettled(contexts.map((c) => c.close()));
	}
}

export async function benchLatency(): Promise<Figure[]> {
	if (!chromiumInstalled())
		return [{ name: 'Note latency', value: 0, unit: 'ms', notes: `skipped: no browser at ${chromiumPath()}` }];
	const [timingScript, baselineScript] = await Promise.all([
		bundlePageScript(new URL('./browser/note-timing-entry.ts', import.meta.url), { format: 'iife' }),
		// simple-peer, inside y-webrtc, expects Node's globals (process, Buffer) even in a browser.
		bundlePageScript(new URL('./browser/yjs-baseline-entry.ts', import.meta.url), { plugins: [nodePolyfills()] })
	]);
	const server = await startServer();
	let a: Browser | undefined;
	let b: Browser | undefined;
	try {
		a = await launchChromium();
		b = await launchChromium();
		const browsers = { a, b };
		const baseline = await measureBaseline(browsers, server, timingScript, baselineScript);
		const direct = await measureApp(browsers, server, timingScript, true);
		const relay = await measureApp(browsers, server, timingScript, false);

		const base = { p50: percentile(baseline.command, 50), p95: percentile(baseline.command, 95) };
		const lost = (s: Samples) => (s.lost > 0 ? `; ${s.lost} of ${NOTES} notes did not arrive within 5 s` : '');
		const parts = (s: Samples) =>
			`; medians of its parts (${s.parts.send.length} notes): A's command until A sends ${percentile(s.parts.send, 50).toFixed(1)} ms, on the way ${percentile(s.parts.wire, 50).toFixed(1)} ms, B's receive until the text is in B's DOM ${percentile(s.parts.render, 50).toFixed(1)} ms`;
		const where = `two Chromium ${a.version()} processes, one server, ${NOTES} notes one at a time`;
		const figures: Figure[] = [
			{
				name: 'Note latency, bare y-webrtc (baseline), p50',
				value: base.p50,
				unit: 'ms',
				notes: `Y.Array push on A to a rendered list item in B's DOM; ${where}${lost(baseline)}${parts(baseline)}`
			},
			{ name: 'Note latency, bare y-webrtc (baseline), p95', value: base.p95, unit: 'ms' }
		];
		for (const [path, samples] of [
			['direct', direct],
			['relay', relay]
		] as const) {
			const label = path === 'direct' ? 'direct (WebRTC)' : 'through the relay';
			for (const p of [50, 95] as const) {
				const value = percentile(samples.command, p);
				const ratio = value / base[`p${p}`];
				figures.push({
					name: `Note latency ${label}, from the note command, p${p}`,
					value,
					unit: 'ms',
					target: p === 95 ? { max: TARGET_P95[path] } : undefined,
					notes:
						path === 'direct'
							? `${ratio.toFixed(2)}× bare y-webrtc's p${p} (target ≤ ${TARGET_RATIO}×: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'})${p === 50 ? `; ${where}${lost(samples)}${parts(samples)}` : ''}`
							: `${ratio.toFixed(2)}× bare y-webrtc's direct p${p} (y-webrtc has no relay)${p === 50 ? `${lost(samples)}${parts(samples)}` : ''}`
				});
			}
			for (const p of [50, 95] as const)
				figures.push({
					name: `Note latency ${label}, from the Save click, p${p}`,
					value: percentile(samples.click, p),
					unit: 'ms',
					notes: p === 50 ? "from the click's input event: adds the browser's input handling" : undefined
				});
		}
		return figures;
	} finally {
		await closeAll([a, b]);
		await server.stop();
	}
}
