/**
 * What one laptop carries (issue 16, item 8): 60 devices in one room, and 500 devices in 50 rooms
 * of 10, all through the relay — the load a gallery's guest Wi-Fi puts on the workshop server when
 * it isolates the devices from each other. The devices are Node clients with the project's own
 * provider (bench/support/node-devices.ts); the server runs in a process of its own
 * (bench/support/server-process.ts) with raised connection limits, and its CPU time and peak
 * memory are read from /proc.
 *
 * Devices arrive one after another (every 200 ms in the one room, every 50 ms across 50 rooms,
 * room by room). The load: once every device has joined and synced, each writes a note every 5 s (a busy
 * writing phase) for 20 s, beside the provider's own heartbeats. Messages and bytes are counted
 * by the clients' sockets (payloads, without WebSocket framing). Afterwards every room must hold
 * every note: a figure counts the notes lost.
 */
import { addNote } from '../src/lib/board/commands.ts';
import { actor, activity, createTestBoard } from '../src/lib/board/test-board.ts';
import { randomRoom } from '../src/lib/sync/testing/devices.ts';
import { RAISED_LIMITS, startBenchServer, type BenchServer } from './support/bench-server.ts';
import {
	countingWebSocket,
	destroyAll,
	emptyTraffic,
	nodeDevice,
	type NodeDevice,
	type Traffic
} from './support/node-devices.ts';
import type { Figure } from './run.ts';

const WINDOW_MS = 20_000;
const NOTE_EVERY_MS = 5_000;
const JOIN_TIMEOUT_MS = 60_000;

const SETTLE_TIMEOUT_MS = 30_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) return false;
		await sleep(100);
	}
	return true;
}

interface Room {
	devices: NodeDevice[];
	/** Notes written in this room during the window. */
	written: number;
}

const notesIn = (device: NodeDevice) => device.doc.getMap('notes').size;
const meshed = (room: Room) =>
	room.devices.every(
		(d) =>
			d.sync.state.synced && d.sync.peers().filter((p) => p.transport === 'relay').length === room.devices.length - 1
	);

async function carry(
	all: Room[],
	server: BenchServer,
	rooms: number,
	perRoom: number,
	arrivalGapMs: number
): Promise<Figure[]> {
	const traffic = emptyTraffic();
	const WebSocket = countingWebSocket(traffic);
	const label = rooms === 1 ? `${perRoom} devices in one room` : `${rooms * perRoom} devices in ${rooms} rooms`;
	try {
		const joinStart = performance.now();
		for (let r = 0; r < rooms; r++) {
			const { room, secret } = randomRoom();
			const { doc } = createTestBoard([activity('a1')]);
			const devices = [nodeDevice({ signalUrl: server.signalUrl, room, secret, WebSocket, doc })];
			all.push({ devices, written: 0 });
			for (let i = 1; i < perRoom; i++) {
				// People arrive one after another, not in the same millisecond.
				await sleep(arrivalGapMs);
				devices.push(nodeDevice({ signalUrl: server.signalUrl, room, secret, WebSocket }));
			}
			await sleep(arrivalGapMs);
		}
		process.stderr.write(`  ${label}: all arrived, waiting for the mesh…\n`);
		const joined = await waitUntil(() => all.every(meshed), JOIN_TIMEOUT_MS);
		process.stderr.write(`  ${label}: writing…\n`);
		const joinMs = performance.now() - joinStart;
		const devices = all.flatMap((room) => room.devices);
		const linked = Math.min(...devices.map((d) => d.sync.peers().filter((p) => p.transport === 'relay').length));
		const synced = devices.filter((d) => d.sync.state.synced).length;
		const joining = joined
			? `every device linked to every other and synced ${(joinMs / 1000).toFixed(1)} s after the first arrived (one arriving every ${arrivalGapMs} ms)`
			: `NOT every device linked and synced ${JOIN_TIMEOUT_MS / 1000} s after the last arrived (fewest links ${linked} of ${perRoom - 1}, ${synced} of ${devices.length} synced): the writing starts anyway`;
		const hasSession = (d: NodeDevice) => d.doc.getMap('activities').size === 1;

		const before = { traffic: { ...traffic }, cpu: server.cpuMs(), client: process.cpuUsage() };
		const windowStart = performance.now();
		const writers = all.flatMap((room) =>
			room.devices.map((device, i) => {
				const who = actor(`p${i}`, 'participant', `Osallistuja ${i}`);
				// Each device starts at its own moment within the first interval.
				const offset = Math.random() * NOTE_EVERY_MS;
				return (async () => {
					await sleep(offset);
					for (let t = offset; t < WINDOW_MS; t += NOTE_EVERY_MS) {
						// A device that has not received the session yet cannot write to its activity.
						if (!hasSession(device)) continue;
						const result = addNote(
							device.doc,
							who,
							{ activityId: 'a1', text: `Muistiinpano ${i} ${t}`, color: 'yellow', zone: 'hopes' },
							false
						);
						if (result.ok) room.written++;
						await sleep(NOTE_EVERY_MS);
					}
				})();
			})
		);
		await Promise.all(writers);
		const remaining = WINDOW_MS - (performance.now() - windowStart);
		if (remaining > 0) await sleep(remaining);
		const seconds = (performance.now() - windowStart) / 1000;
		const cpuMs = server.cpuMs() - before.cpu;
		const client = process.cpuUsage(before.client);
		const during: Traffic = {
			framesIn: traffic.framesIn - before.traffic.framesIn,
			bytesIn: traffic.bytesIn - before.traffic.bytesIn,
			framesOut: traffic.framesOut - before.traffic.framesOut,
			bytesOut: traffic.bytesOut - before.traffic.bytesOut
		};

		process.stderr.write(`  ${label}: settling…\n`);
		const settleStart = performance.now();
		const expected = (room: Room) => room.written;
		await waitUntil(
			() => all.every((room) => room.devices.every((d) => notesIn(d) === expected(room))),
			SETTLE_TIMEOUT_MS
		);
		const settleMs = performance.now() - settleStart;
		const lost = all.reduce(
			(sum, room) => sum + room.devices.reduce((s, d) => s + Math.max(0, expected(room) - notesIn(d)), 0),
			0
		);
		const written = all.reduce((sum, room) => sum + room.written, 0);
		const window = `${seconds.toFixed(0)} s of writing, a note per device every ${NOTE_EVERY_MS / 1000} s (${written} notes)`;
		return [
			{
				name: `Server, ${label}: messages per second`,
				value: (during.framesIn + during.framesOut) / seconds,
				unit: 'msg/s',
				notes: `${(during.framesIn / seconds).toFixed(0)}/s in, ${(during.framesOut / seconds).toFixed(0)}/s out; ${window}; ${joining}; server limits raised (${Object.entries(
					RAISED_LIMITS
				)
					.map(([k, v]) => `${k} ${v}`)
					.join(', ')})`
			},
			{
				name: `Server, ${label}: bytes per second`,
				value: (during.bytesIn + during.bytesOut) / 1024 / seconds,
				unit: 'KiB/s',
				notes: `${(during.bytesIn / 1024 / seconds).toFixed(0)} KiB/s in, ${(during.bytesOut / 1024 / seconds).toFixed(0)} KiB/s out (WebSocket payloads)`
			},
			{
				name: `Server, ${label}: CPU`,
				value: (cpuMs / 1000 / seconds) * 100,
				unit: '% of a core',
				notes: `${cpuMs.toFixed(0)} ms of CPU over ${seconds.toFixed(0)} s, from /proc/<pid>/stat of the server process; the ${rooms * perRoom} clients in the bench process used ${((client.user + client.system) / 1000).toFixed(0)} ms`
			},
			{
				name: `Server, ${label}: peak memory`,
				value: server.peakRssMiB(),
				unit: 'MiB',
				notes: 'VmHWM of the server process since it started (it served the earlier scenarios too)'
			},
			{
				name: `Server, ${label}: notes lost`,
				value: lost,
				unit: 'notes',
				target: { max: 0 },
				notes:
					lost === 0
						? `every device held every note of its room ${(settleMs / 1000).toFixed(1)} s after the writing ended`
						: `${SETTLE_TIMEOUT_MS / 1000} s after the writing ended, of ${written} notes × ${perRoom} devices`
			}
		];
	} finally {
		for (const room of all) destroyAll(room.devices);
		await sleep(500);
	}
}

/** A scenario that has not finished after this long is reported as such (the benchmark must stop
 * by itself even when a room never settles). */
const SCENARIO_TIMEOUT_MS = 240_000;

async function bounded(run: (all: Room[]) => Promise<Figure[]>, label: string): Promise<Figure[]> {
	const all: Room[] = [];
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<Figure[]>((resolve) => {
		timer = setTimeout(
			() =>
				resolve([
					{
						name: `Server, ${label}`,
						value: SCENARIO_TIMEOUT_MS / 1000,
						unit: 's',
						notes: 'NOT finished: the room did not settle within the time allowed'
					}
				]),
			SCENARIO_TIMEOUT_MS
		);
	});
	try {
		return await Promise.race([run(all), timeout]);
	} finally {
		clearTimeout(timer);
		// Whatever the scenario left running stops here, finished or not.
		for (const room of all) destroyAll(room.devices);
	}
}

export async function benchCapacity(): Promise<Figure[]> {
	const server = await startBenchServer();
	try {
		const idle = server.peakRssMiB();
		const figures: Figure[] = [
			{
				name: 'Server, no devices: memory',
				value: idle,
				unit: 'MiB',
				notes: 'VmHWM after start (Node, tsx, the server)'
			}
		];
		figures.push(...(await bounded((all) => carry(all, server, 1, 60, 200), '60 devices in one room')));
		figures.push(...(await bounded((all) => carry(all, server, 50, 10, 50), '500 devices in 50 rooms')));
		return figures;
	} finally {
		await server.stop();
	}
}
