/**
 * SessionSync's direct path, with an in-memory RTCPeerConnection (testing/fake-webrtc.ts) that fails
 * where browsers fail, and the real workshop server for signaling and the relay. The same scenarios
 * between real browsers belong in Playwright tests with separate browser contexts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CHUNK_HEADER_BYTES } from './chunking.ts';
import { DEFAULT_TUNING } from './limits.ts';
import { FakeNetwork } from './testing/fake-webrtc.ts';
import { Devices, converged, meshed, randomRoom, type Device } from './testing/devices.ts';
import { waitFor } from './testing/wait.ts';
import { startServer, type RunningServer } from './testing/workshop-server.ts';

const MiB = 1024 * 1024;
let server: RunningServer;
let network: FakeNetwork;
const devices = new Devices();

beforeEach(async () => {
	server = await startServer();
	network = new FakeNetwork();
});

afterEach(async () => {
	devices.destroyAll();
	await server.server.close();
});

function join(name: string, room: { room: string; secret: string }, prepare?: (doc: Y.Doc) => void): Device {
	return devices.create({ url: server.url, ...room, RTCPeerConnection: network.for(name), prepare });
}

function transports(device: Device): string[] {
	return device.sync.peers().map((peer) => peer.transport);
}

describe('SessionSync over direct connections', () => {
	it('connects directly, and carries a board of over 1 MiB to a late joiner in small chunks', async () => {
		const room = randomRoom();
		const a = join('a', room, (doc) => {
			const notes = doc.getMap<string>('notes');
			for (let i = 0; i < 1200; i++)
				notes.set(`note-${i}`, Buffer.from(crypto.getRandomValues(new Uint8Array(500))).toString('hex'));
		});
		expect(Y.encodeStateAsUpdate(a.doc).length).toBeGreaterThan(1.1 * MiB);
		const b = join('b', room);
		await waitFor(() => meshed([a, b], 'direct') && converged([a, b]), 'direct and synced', 15_000);
		expect(b.notes.size).toBe(1200);
		expect(a.sync.state).toEqual({ signaling: 'connected', direct: 1, relayed: 0, synced: true });

		// No data-channel message above one chunk, and flow control kept the send buffer bounded.
		expect(network.largestMessage).toBeLessThanOrEqual(DEFAULT_TUNING.channelChunkBytes + CHUNK_HEADER_BYTES);
		expect(network.largestBuffered).toBeLessThanOrEqual(
			DEFAULT_TUNING.channelHighWaterBytes + DEFAULT_TUNING.channelChunkBytes + CHUNK_HEADER_BYTES
		);

		b.notes.set('reply', 'over the data channel');
		await waitFor(() => a.notes.get('reply') === 'over the data channel', 'b → a');
		// Nothing but signaling went through the server once the channel was open.
		expect(server.server.signaling.stats().messagesRelayed).toBeLessThan(60);
	}, 30_000);

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
	}, 25_000);

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
