/**
 * SessionSync's direct path, with an in-memory RTCPeerConnection (testing/fake-webrtc.ts) that fails
 * where browsers fail, and the real workshop server for signaling and the relay. The same scenarios
 * between real browsers belong in Playwright tests with separate browser contexts.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import * as Y from 'yjs';
import { CHUNK_HEADER_BYTES } from './chunking.ts';
import { DEFAULT_TUNING, type SyncTuning } from './limits.ts';
import { FakeNetwork } from './testing/fake-webrtc.ts';
import { Devices, controlledWebSocket, converged, meshed, randomRoom, type Device } from './testing/devices.ts';
import { waitFor } from './testing/wait.ts';
import { startServer, type RunningServer } from './testing/workshop-server.ts';
import type { WebSocketConstructor } from './types.ts';

const MiB = 1024 * 1024;
let server: RunningServer;
let network: FakeNetwork;
const devices = new Devices();
const sockets: NodeWebSocket[] = [];

beforeEach(async () => {
	server = await startServer();
	network = new FakeNetwork();
});

afterEach(async () => {
	devices.destroyAll();
	for (const socket of sockets.splice(0)) socket.terminate();
	await server.server.close();
});

function join(
	name: string,
	room: { room: string; secret: string },
	options: { prepare?: (doc: Y.Doc) => void; tuning?: Partial<SyncTuning>; WebSocket?: WebSocketConstructor } = {}
): Device {
	return devices.create({ url: server.url, ...room, RTCPeerConnection: network.for(name), ...options });
}

function transports(device: Device): string[] {
	return device.sync.peers().map((peer) => peer.transport);
}

/** Counts relayed data frames (the ones with sequence numbers) that the server forwards in a room. */
async function countRelayData(topic: string): Promise<() => number> {
	const socket = new NodeWebSocket(server.url);
	sockets.push(socket);
	let count = 0;
	socket.on('message', (data) => {
		const frame = JSON.parse(data.toString()) as { data?: { seq?: unknown } };
		if (frame.data?.seq !== undefined) count++;
	});
	await new Promise((resolve) => socket.once('open', resolve));
	socket.send(JSON.stringify({ type: 'subscribe', topics: [topic] }));
	return () => count;
}

describe('SessionSync over direct connections', () => {
	it('connects directly, and carries a board of over 1 MiB to a late joiner in small chunks', async () => {
		const room = randomRoom();
		const relayData = await countRelayData(room.room);
		// The default connect timeout: on a slow test machine the fake ICE must not lose the race.
		const tuning = { directConnectTimeoutMs: DEFAULT_TUNING.directConnectTimeoutMs };
		const a = join('a', room, {
			tuning,
			prepare: (doc) => {
				const notes = doc.getMap<string>('notes');
				for (let i = 0; i < 1200; i++) notes.set(`note-${i}`, randomBytes(500).toString('hex'));
			}
		});
		expect(Y.encodeStateAsUpdate(a.doc).length).toBeGreaterThan(1.1 * MiB);
		const b = join('b', room, { tuning });
		// Cheap to poll; the full comparison of two large documents runs once, after.
		await waitFor(() => meshed([a, b], 'direct') && b.notes.size === 1200, 'direct and synced', 20_000);
		expect(converged([a, b])).toBe(true);
		expect(a.sync.state).toEqual({ signaling: 'connected', direct: 1, relayed: 0, synced: true });

		// No data-channel message above one chunk, and flow control kept the send buffer bounded.
		expect(network.largestMessage).toBeLessThanOrEqual(DEFAULT_TUNING.channelChunkBytes + CHUNK_HEADER_BYTES);
		expect(network.largestBuffered).toBeLessThanOrEqual(
			DEFAULT_TUNING.channelHighWaterBytes + DEFAULT_TUNING.channelChunkBytes + CHUNK_HEADER_BYTES
		);

		b.notes.set('reply', 'over the data channel');
		await waitFor(() => a.notes.get('reply') === 'over the data channel', 'b → a');
		// The server carried signaling only: not one relayed data frame.
		expect(relayData()).toBe(0);
	}, 40_000);

	it('falls back to the relay when direct connections cannot open, and switches back when they can', async () => {
		network.blocked = true;
		const room = randomRoom();
		const a = join('a', room);
		const b = join('b', room);
		await waitFor(() => meshed([a, b], 'relay'), 'relayed after the direct attempt timed out');
		a.notes.set('via', 'relay');
		await waitFor(() => b.notes.get('via') === 'relay', 'synced through the relay');

		network.blocked = false;
		await waitFor(() => meshed([a, b], 'direct'), 'direct after a retry', 15_000);
		b.notes.set('then', 'direct');
		await waitFor(() => converged([a, b]) && a.notes.get('then') === 'direct', 'synced directly');
		expect(a.events).toContainEqual(expect.objectContaining({ type: 'peer', event: 'direct-failed' }));
	}, 30_000);

	it('relays, and keeps retrying, when the browser refuses to create a connection', async () => {
		network.refuseNew = true;
		const room = randomRoom();
		const a = join('a', room);
		const b = join('b', room);
		await waitFor(() => meshed([a, b], 'relay'), 'relayed at once');
		a.notes.set('still', 'syncing');
		await waitFor(() => b.notes.get('still') === 'syncing', 'synced through the relay');
		expect([...a.events, ...b.events].some((e) => e.type === 'error')).toBe(false);
		network.refuseNew = false;
		await waitFor(() => meshed([a, b], 'direct'), 'direct once the browser cooperates', 15_000);
	}, 30_000);

	it('falls back to the relay when a direct channel goes silent, losing nothing', async () => {
		const room = randomRoom();
		const a = join('a', room);
		const b = join('b', room);
		await waitFor(() => meshed([a, b], 'direct'), 'direct');
		network.cut = true;
		// Sent into the dead channel: must arrive anyway, through the resync after the fallback.
		a.notes.set('into-the-void', 'recovered');
		await waitFor(() => transports(a).includes('relay') && transports(b).includes('relay'), 'fell back', 10_000);
		await waitFor(() => b.notes.get('into-the-void') === 'recovered', 'recovered through the relay');
		network.cut = false;
		await waitFor(() => meshed([a, b], 'direct'), 'direct again', 15_000);
	}, 30_000);

	it('mixes transports: a device without WebRTC is relayed, the others stay direct', async () => {
		const room = randomRoom();
		const a = join('a', room);
		const b = join('b', room);
		const noRtc = devices.create({ url: server.url, ...room, RTCPeerConnection: null });
		await waitFor(
			() => a.sync.state.direct === 1 && a.sync.state.relayed === 1 && noRtc.sync.state.relayed === 2,
			'a and b direct, the third relayed'
		);
		noRtc.notes.set('from', 'the relayed one');
		a.notes.set('from-a', 'direct one');
		await waitFor(() => converged([a, b, noRtc]) && noRtc.notes.get('from-a') === 'direct one', 'all converge');
		expect(b.notes.get('from')).toBe('the relayed one');
	});

	it('passes a board on to a peer that only a late joiner can reach', async () => {
		// a and c cannot reach each other at all: no direct connection, and each ignores the other's
		// frames on the server. b joins late, gets the board from a, and must pass it on to c.
		network.block('a', 'c');
		const ignoredBy = new Map<string, string>();
		const deaf = (self: () => string) =>
			controlledWebSocket((frame) => {
				const from = (JSON.parse(frame) as { data?: { from?: string } }).data?.from;
				return from !== undefined && ignoredBy.get(self()) === from;
			}).WebSocket;
		const room = randomRoom();
		const a: Device = join('a', room, {
			WebSocket: deaf(() => a.sync.peerId),
			prepare: (doc) => {
				const notes = doc.getMap<string>('notes');
				for (let i = 0; i < 300; i++) notes.set(`note-${i}`, randomBytes(200).toString('hex'));
			}
		});
		const c: Device = join('c', room, { WebSocket: deaf(() => c.sync.peerId) });
		ignoredBy.set(a.sync.peerId, c.sync.peerId);
		ignoredBy.set(c.sync.peerId, a.sync.peerId);
		await waitFor(() => a.sync.state.signaling === 'connected' && c.sync.state.signaling === 'connected', 'online');

		const b = join('b', room);
		await waitFor(() => converged([a, b, c]) && c.notes.size === 300, 'c has the board, through b', 15_000);
		expect(a.sync.peers().map((peer) => peer.peerId)).toEqual([b.sync.peerId]);
		expect(c.sync.peers().map((peer) => peer.peerId)).toEqual([b.sync.peerId]);
	});

	it('converges a partial mesh through the device in the middle, presence included', async () => {
		// a and c cannot connect directly; once the server is gone they only reach each other via b.
		network.block('a', 'c');
		const room = randomRoom();
		const a = join('a', room);
		const b = join('b', room);
		const c = join('c', room);
		await waitFor(() => b.sync.state.direct === 2 && a.sync.state.relayed === 1, 'b in the middle');
		await server.server.close();
		await waitFor(
			() => a.sync.peers().length === 1 && c.sync.peers().length === 1 && b.sync.state.direct === 2,
			'a and c lost each other, b kept both',
			10_000
		);

		a.notes.set('from-a', 'through b');
		c.notes.set('from-c', 'through b too');
		await waitFor(() => converged([a, b, c]) && c.notes.get('from-a') === 'through b', 'converged via b');
		c.awareness.setLocalStateField('user', { name: 'Cai' });
		await waitFor(
			() => a.awareness.getStates().get(c.awareness.clientID)?.user !== undefined,
			"c's presence reaches a"
		);

		// c leaves: b hears it directly and clears it; a learns it from b.
		c.sync.destroy();
		await waitFor(() => !a.awareness.getStates().has(c.awareness.clientID), "c's presence cleared at a");
	}, 30_000);
});
