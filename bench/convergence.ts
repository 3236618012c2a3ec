/**
 * Room convergence (issue 16, item 2): a room of 60 devices where 20 browser devices — separate
 * Chromium contexts through the app's UI, no CPU throttle — and 40 Node devices with the project's
 * own provider (relay only) each write 25 notes at the same moment. Timed: from that moment until
 * every device holds all 1,500 notes (browsers: all drawn on their board; Node: in their document),
 * with the notes lost (must be 0) and the CPU time the Node devices and the server used.
 *
 * The server runs in a process of its own with raised connection limits: 60 devices on one
 * loopback address are more than its per-address default allows a single address.
 */
import type { Browser, Page } from 'playwright-core';
import { addNote } from '../src/lib/board/commands.ts';
import { actor } from '../src/lib/board/test-board.ts';
import { chromiumInstalled, chromiumPath } from '../tests/browser/support/chromium.ts';
import { openDevice, type Device } from '../tests/browser/support/workshop.ts';
import { join, planSession, startRun } from './support/workshop-flow.ts';
import { RAISED_LIMITS, startBenchServer } from './support/bench-server.ts';
import { closeAll, launchChromium } from './support/chromium.ts';
import { countingWebSocket, destroyAll, emptyTraffic, nodeDevice, type NodeDevice } from './support/node-devices.ts';
import type { Figure } from './run.ts';

const BROWSERS = 20;
const ROOM = 60;
const NOTES_EACH = 25;
const TOTAL = ROOM * NOTES_EACH;
const TARGET_MS = 3_000;
const TIMEOUT_MS = 120_000;
const MESH_TIMEOUT_MS = 90_000;
/** Participants join a few at a time, as they do when a facilitator shows the QR code. */
const JOIN_BATCH = 2;

/** How many devices this page says it is linked to; 0 while it shows no connection line (a page
 * still joining, or one that lost its session), so that one such page does not end the run. */
const linkCount = async (page: Page) => {
	const status = page.locator('[data-connection]').first();
	const text = await status.innerText({ timeout: 2_000 }).catch(() => '');
	return Number(/(\d+)/.exec(text)?.[1] ?? 0);
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * In a browser device: writes `count` notes through the note dialog as fast as the page lets a
 * person (one frame between steps), and from then on records (Date.now(), the clock Node shares)
 * when the board shows `total` notes. A string, so that it reaches the page exactly as written.
 */
const WRITE_AND_WATCH = `async ([count, total, tag]) => {
	const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
	const state = (window.__convergence = { done: 0, written: 0 });
	const timer = setInterval(() => {
		// Notes on the board (wide screens) or in the list (phones).
		const shown = Math.max(
			document.querySelectorAll('[data-note-id]').length,
			document.querySelectorAll('.note-item').length,
			// The spatial board puts only the notes near the screen in the page; it says how many it has.
			Number(document.querySelector('.canvas')?.getAttribute('data-notes-total') ?? 0)
		);
		if (shown >= total) {
			state.done = Date.now();
			clearInterval(timer);
		}
	}, 20);
	for (let i = 0; i < count; i++) {
		const add = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === '+ Add note');
		if (!add) break;
		add.click();
		await frame();
		const dialog = document.querySelector('dialog[open]');
		const field = dialog && dialog.querySelector('textarea');
		if (!field) break;
		field.value = tag + ' ' + i;
		field.dispatchEvent(new Event('input', { bubbles: true }));
		await frame();
		dialog.querySelector('button[type="submit"]').click();
		state.written++;
		await frame();
	}
	return state.written;
}`;

async function joinBrowsers(browser: Browser, serverUrl: string): Promise<{ devices: Device[]; link: string }> {
	const devices: Device[] = [];
	const facilitator = await openDevice(browser);
	devices.push(facilitator);
	const id = await planSession(facilitator.page, serverUrl, 'Convergence', ['Dot voting']);
	const link = await startRun(facilitator.page, serverUrl, id);
	for (let i = 1; i < BROWSERS; i += JOIN_BATCH) {
		const batch = await Promise.all(
			Array.from({ length: Math.min(JOIN_BATCH, BROWSERS - i) }, () =>
				openDevice(browser, { viewport: { width: 412, height: 860 } })
			)
		);
		devices.push(...batch);
		await Promise.all(batch.map((device, k) => join(device.page, link, `Osallistuja ${i + k}`)));
	}
	return { devices, link };
}

export async function benchConvergence(): Promise<Figure[]> {
	if (!chromiumInstalled())
		return [{ name: 'Room convergence', value: 0, unit: 'ms', notes: `skipped: no browser at ${chromiumPath()}` }];
	const server = await startBenchServer();
	let browser: Browser | undefined;
	const nodes: NodeDevice[] = [];
	try {
		browser = await launchChromium();
		const joinStart = performance.now();
		process.stderr.write(`  ${BROWSERS} browser devices joining…\n`);
		const { devices, link } = await joinBrowsers(browser, server.url);
		process.stderr.write(`  ${ROOM - BROWSERS} Node devices joining…\n`);
		const params = new URLSearchParams(new URL(link).hash.slice(1));
		const traffic = emptyTraffic();
		const WebSocket = countingWebSocket(traffic);
		for (let i = BROWSERS; i < ROOM; i++)
			nodes.push(
				nodeDevice({ signalUrl: server.signalUrl, room: params.get('r')!, secret: params.get('k')!, WebSocket })
			);
		// Wait for the full mesh, but write anyway if it does not form: how the room then fares is
		// the finding.
		const meshDeadline = Date.now() + MESH_TIMEOUT_MS;
		let browserLinks: number[] = [];
		for (;;) {
			browserLinks = await Promise.all(devices.map((d) => linkCount(d.page)));
			const nodesReady = nodes.every(
				(n) => n.sync.peers().length === ROOM - 1 && n.sync.state.synced && n.doc.getMap('run').get('activityId')
			);
			if ((browserLinks.every((n) => n >= ROOM - 1) && nodesReady) || Date.now() > meshDeadline) break;
			await sleep(500);
		}
		const nodeLinks = nodes.map((n) => n.sync.peers().length);
		// A page with no connection line is a finding, not a crash: say where it is and what it shows.
		const withoutStatus = await Promise.all(
			devices.map(async (d, i) =>
				(await d.page.locator('[data-connection]').count())
					? null
					: `device ${i} at ${new URL(d.page.url()).pathname}: “${(
							await d.page
								.locator('main')
								.first()
								.innerText({ timeout: 2_000 })
								.catch(() => '')
						).slice(0, 120)}”`
			)
		);
		const strays = withoutStatus.filter((l) => l !== null);
		if (strays.length) process.stderr.write(`  without a connection line: ${strays.join('; ')}\n`);
		const mesh = `fewest links: browser ${Math.min(...browserLinks)}, Node ${Math.min(...nodeLinks)} of ${ROOM - 1}${strays.length ? `; ${strays.length} browser devices showed no connection line` : ''}`;
		if (!nodes.every((n) => n.doc.getMap('run').get('activityId')))
			throw new Error(`the Node devices did not all receive the session (${mesh})`);
		const joinMs = performance.now() - joinStart;
		const activityId = nodes[0].doc.getMap('run').get('activityId') as string;
		const transports = await devices[1].page
			.locator('[data-connection]')
			.first()
			.innerText({ timeout: 2_000 })
			.catch(() => 'no connection line');

		// Everyone writes at once.
		process.stderr.write(`  writing (${mesh})…\n`);
		const cpuBefore = { server: server.cpuMs(), node: process.cpuUsage() };
		const start = Date.now();
		const browserWrites = devices.map(
			(device, i) =>
				device.page.evaluate(`(${WRITE_AND_WATCH})([${NOTES_EACH}, ${TOTAL}, 'Selain ${i}'])`) as Promise<number>
		);
		const nodeDone = new Map<NodeDevice, number>();
		for (const [i, node] of nodes.entries()) {
			const who = actor(`node-${i}`, 'participant', `Solmu ${i}`);
			const notes = node.doc.getMap('notes');
			notes.observe(() => {
				if (!nodeDone.has(node) && notes.size >= TOTAL) nodeDone.set(node, Date.now());
			});
			for (let k = 0; k < NOTES_EACH; k++)
				addNote(node.doc, who, { activityId, text: `Solmu ${i} ${k}`, color: 'yellow', zone: null }, false);
		}
		const written = (await Promise.all(browserWrites)).reduce((sum, n) => sum + n, 0) + nodes.length * NOTES_EACH;

		const browserDone: number[] = [];
		while (Date.now() < start + TIMEOUT_MS) {
			browserDone.splice(0);
			for (const device of devices)
				browserDone.push(
					await device.page.evaluate(
						() => (window as unknown as { __convergence: { done: number } }).__convergence.done
					)
				);
			if (browserDone.every((t) => t > 0) && nodeDone.size === nodes.length) break;
			await sleep(250);
		}
		const cpu = { server: server.cpuMs() - cpuBefore.server, node: process.cpuUsage(cpuBefore.node) };
		const held = [
			...(await Promise.all(
				devices.map((d: { page: Page }) =>
					d.page.evaluate(() =>
						Math.max(
							document.querySelectorAll('[data-note-id]').length,
							document.querySelectorAll('.note-item').length,
							Number(document.querySelector('.canvas')?.getAttribute('data-notes-total') ?? 0)
						)
					)
				)
			)),
			...nodes.map((n) => n.doc.getMap('notes').size)
		];
		const lost = held.reduce((sum, n) => sum + Math.max(0, written - n), 0);
		const allDone = browserDone.every((t) => t > 0) && nodeDone.size === nodes.length;
		const last = (times: number[]) => Math.max(...times) - start;
		return [
			{
				name: `Room convergence, ${ROOM} devices × ${NOTES_EACH} notes at once: until every device holds all ${TOTAL}`,
				value: allDone ? last([...browserDone, ...nodeDone.values()]) : TIMEOUT_MS,
				unit: 'ms',
				target: { max: TARGET_MS },
				notes: `${BROWSERS} Chromium contexts in one browser process, writing through the note dialog, and ${ROOM - BROWSERS} Node devices (relay); ${allDone ? '' : 'NOT converged within the timeout; '}browser devices “${transports}”; joining took ${(joinMs / 1000).toFixed(0)} s (${mesh}); server limits raised (${Object.entries(
					RAISED_LIMITS
				)
					.map(([k, v]) => `${k} ${v}`)
					.join(', ')})`
			},
			{
				name: `Room convergence: the ${BROWSERS} browser devices`,
				value: browserDone.every((t) => t > 0) ? last(browserDone) : TIMEOUT_MS,
				unit: 'ms',
				target: { max: TARGET_MS },
				notes: 'until the last browser device draws all notes on its board'
			},
			{
				name: `Room convergence: the ${ROOM - BROWSERS} Node devices`,
				value: nodeDone.size === nodes.length ? last([...nodeDone.values()]) : TIMEOUT_MS,
				unit: 'ms'
			},
			{
				name: 'Room convergence: notes lost',
				value: lost,
				unit: 'notes',
				target: { max: 0 },
				notes: `${written} written`
			},
			{
				name: 'Room convergence: CPU of the Node devices',
				value: (cpu.node.user + cpu.node.system) / 1000,
				unit: 'ms',
				notes: `process.cpuUsage of the bench process (the ${ROOM - BROWSERS} devices and the Playwright driver)`
			},
			{
				name: 'Room convergence: CPU of the server',
				value: cpu.server,
				unit: 'ms',
				notes: `/proc/<pid>/stat of the server process; relayed ${(traffic.framesOut / 1024).toFixed(1)}k frames to the Node devices`
			}
		];
	} finally {
		destroyAll(nodes);
		await closeAll([browser]);
		await server.stop();
	}
}
