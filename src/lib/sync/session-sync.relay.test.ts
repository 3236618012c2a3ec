/**
 * SessionSync through the real workshop server with WebRTC unavailable (RTCPeerConnection: null):
 * every byte between devices goes through the encrypted relay.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import * as Y from 'yjs';
import { DEFAULT_TUNING } from './limits.ts';
import { SessionRegistry } from './registry.ts';
import { SessionSync } from './session-sync.ts';
import { Devices, converged, controlledWebSocket, meshed, randomRoom, type Device } from './testing/devices.ts';
import { settle, waitFor } from './testing/wait.ts';
import { startServer, type RunningServer } from './testing/workshop-server.ts';

const MiB = 1024 * 1024;
let server: RunningServer;
const devices = new Devices();
const sockets: NodeWebSocket[] = [];

beforeEach(async () => {
	server = await startServer();
});

afterEach(async () => {
	devices.destroyAll();
	for (const socket of sockets.splice(0)) socket.terminate();
	await server.server.close();
});

function join(room: { room: string; secret: string }, extra: Partial<Parameters<Devices['create']>[0]> = {}): Device {
	return devices.create({ url: server.url, ...room, ...extra });
}

/** A raw client subscribed to the room's topic, as the server (or anyone who knows the topic) sees it. */
async function listen(topic: string): Promise<{ socket: NodeWebSocket; frames: string[] }> {
	const socket = new NodeWebSocket(server.url);
	sockets.push(socket);
	const frames: string[] = [];
	socket.on('message', (data) => frames.push(data.toString()));
	await new Promise((resolve) => socket.once('open', resolve));
	socket.send(JSON.stringify({ type: 'subscribe', topics: [topic] }));
	return { socket, frames };
}

/** Fills a document with `count` notes of random text (incompressible, like real notes). */
function fill(doc: Y.Doc, count: number, bytesEach: number): void {
	const notes = doc.getMap<string>('notes');
	doc.transact(() => {
		for (let i = 0; i < count; i++) {
			const bytes = crypto.getRandomValues(new Uint8Array(bytesEach / 2));
			notes.set(`note-${i}`, Buffer.from(bytes).toString('hex'));
		}
	});
}

describe('SessionSync through the relay', () => {
	it('as a signpost (acceptDocument: false) shares presence, but takes in and hands on no document', async () => {
		const room = randomRoom();
		const a = join(room, { prepare: (doc) => doc.getMap<string>('notes').set('n', 'the board') });
		const post = join(room, { acceptDocument: false });
		post.awareness.setLocalState({ signpost: 'this way' });
		const sees = (device: Device) =>
			[...device.awareness.getStates().values()].some((state) => state.signpost === 'this way');
		await waitFor(() => sees(a) && a.sync.state.synced && post.sync.state.synced, 'linked with the signpost');
		a.notes.set('m', 'a change after linking');
		await waitFor(() => a.sync.peers().length === 1, 'still linked');
		await settle(500);
		expect(post.notes.size).toBe(0);
		// A device arriving after the first left receives nothing from the signpost but its presence.
		a.sync.destroy();
		const b = join(room);
		await waitFor(() => sees(b) && b.sync.state.synced, 'the next device finds the signpost');
		expect(b.notes.size).toBe(0);
		expect(post.events.filter((e) => e.type === 'dropped' || e.type === 'error')).toEqual([]);
	});

	it('connects two devices and converges in both directions, with concurrent edits', async () => {
		const room = randomRoom();
		const a = join(room);
		const b = join(room);
		await waitFor(() => meshed([a, b], 'relay'), 'both see each other through the relay');
		expect(a.sync.state).toEqual({ signaling: 'connected', direct: 0, relayed: 1, synced: true });

		a.notes.set('from-a', 'Kävijät haluavat istua');
		await waitFor(() => b.notes.get('from-a') === 'Kävijät haluavat istua', 'a → b');
		b.notes.set('from-b', 'Lapsille oma nurkka');
		await waitFor(() => a.notes.get('from-b') === 'Lapsille oma nurkka', 'b → a');

		// Concurrent: both write the same key and their own keys before hearing from each other.
		a.notes.set('title', 'A');
		b.notes.set('title', 'B');
		for (let i = 0; i < 20; i++) {
			a.notes.set(`a-${i}`, `${i}`);
			b.notes.set(`b-${i}`, `${i}`);
		}
		await waitFor(() => converged([a, b]), 'concurrent edits converge');
		expect(a.notes.size).toBe(43);
		expect(['A', 'B']).toContain(a.notes.get('title'));
	});

	it('converges three devices, each editing', async () => {
		const room = randomRoom();
		const trio = [join(room), join(room), join(room)];
		await waitFor(() => meshed(trio, 'relay'), 'all three meshed');
		trio.forEach((device, i) => device.doc.getArray<string>('log').push([`entry from ${i}`]));
		trio[1].notes.set('shared', 'from the middle');
		await waitFor(() => converged(trio), 'three converge');
		expect(trio[2].doc.getArray('log').length).toBe(3);
		expect(trio[0].notes.get('shared')).toBe('from the middle');
	});

	it('gives a late joiner a board of over 1 MiB, and publishes it once', async () => {
		const room = randomRoom();
		const a = join(room, { prepare: (doc) => fill(doc, 1600, 1000) });
		const b = join(room);
		// Polling cheap conditions; the full comparison of large documents runs once, after.
		await waitFor(() => meshed([a, b], 'relay') && b.notes.size === 1600, 'first two synced', 30_000);
		expect(converged([a, b])).toBe(true);
		const stateBytes = Y.encodeStateAsUpdate(a.doc).length;
		expect(stateBytes).toBeGreaterThan(1.5 * MiB);

		const { frames } = await listen(room.room);
		const late = join(room);
		await waitFor(() => late.sync.state.synced && late.notes.size === 1600, 'late joiner has the board', 30_000);
		expect(converged([a, b, late])).toBe(true);

		// Every frame stayed far below the server's 256 KiB limit, and nothing was dropped for pace.
		expect(Math.max(...frames.map((f) => f.length))).toBeLessThan(128 * 1024);
		expect(server.log.droppedCounts().size).toBe(0);
		// The board crossed the server once: one step 2 at a time (the second peer then sends only the
		// difference), and the late joiner does not push what it received on to peers that have it.
		const bulkChars = frames.filter((f) => f.length > 32 * 1024).reduce((sum, f) => sum + f.length, 0);
		expect(bulkChars / ((stateBytes * 4) / 3)).toBeLessThan(1.2);
	}, 75_000);

	it('lets the server see nothing but ciphertext', async () => {
		const room = randomRoom();
		const { frames } = await listen(room.room);
		const a = join(room);
		const b = join(room);
		// Both declare the document's shape, as the board model does.
		a.doc.getText('summary');
		a.awareness.setLocalStateField('user', { name: 'Aino Salainen-Nimi' });
		a.notes.set('n1', 'Kahvila-muistiinpano-SALAINEN');
		b.doc.getText('summary').insert(0, 'Yhteenveto-SALAINEN');
		await waitFor(() => converged([a, b]) && b.awareness.getStates().has(a.awareness.clientID), 'synced');
		expect(a.doc.getText('summary').toString()).toBe('Yhteenveto-SALAINEN');

		expect(frames.length).toBeGreaterThan(5);
		const secrets = ['SALAINEN', 'Salainen', 'Kahvila', 'Yhteenveto', room.secret];
		for (const frame of frames) {
			const parsed = JSON.parse(frame) as { type: string; data?: Record<string, unknown> };
			expect(parsed.type).toBe('publish');
			// Only routing travels in clear.
			expect(Object.keys(parsed.data ?? {}).sort()).toEqual(expect.arrayContaining(['c', 'from', 'v']));
			for (const key of Object.keys(parsed.data ?? {})) expect(['c', 'from', 'seq', 'to', 'v']).toContain(key);
			// Neither the text nor any base64 in it decodes to something readable.
			const decoded = Buffer.from(String(parsed.data?.c), 'base64');
			for (const secret of secrets) {
				expect(frame).not.toContain(secret);
				expect(decoded.includes(Buffer.from(secret))).toBe(false);
			}
		}
	});

	it('ignores a peer publishing garbage, and keeps syncing', async () => {
		const room = randomRoom();
		const a = join(room);
		const b = join(room);
		await waitFor(() => meshed([a, b], 'relay'), 'meshed');
		const { socket } = await listen(room.room);
		const random = (n: number) => randomBytes(n).toString('base64');
		const garbage: unknown[] = [
			'not an envelope',
			42,
			null,
			[1, 2, 3],
			{ v: 2, from: a.sync.peerId, c: random(64) },
			{ v: 1, from: 'not-a-peer-id', c: random(64) },
			{ v: 1, from: '0123456789abcdef01234567', c: '!!! not base64 !!!' },
			{ v: 1, from: '0123456789abcdef01234567', c: random(64) },
			{ v: 1, from: '0123456789abcdef01234567', to: [a.sync.peerId], seq: [1e9], c: random(90_000) },
			// Spoofing a real member's id: cannot be decrypted, so it cannot advance its counters either.
			{ v: 1, from: b.sync.peerId, to: [a.sync.peerId], seq: [1e12], c: random(200) },
			{ v: 1, from: '0123456789abcdef01234567', to: 'everyone', c: random(64) },
			{ v: 1, from: '0123456789abcdef01234567', to: Array.from({ length: 300 }, () => a.sync.peerId), c: random(64) }
		];
		for (let round = 0; round < 10; round++) {
			for (const data of garbage) socket.send(JSON.stringify({ type: 'publish', topic: room.room, data }));
		}
		socket.send('{ this is not JSON');

		a.notes.set('after-garbage', 'still fine');
		b.notes.set('also', 'fine');
		await waitFor(() => converged([a, b]) && a.notes.get('also') === 'fine', 'converged after garbage');
		await waitFor(
			() => a.events.filter((e) => e.type === 'dropped').length >= 100,
			'every garbage frame reported as dropped'
		);
		expect(a.events.some((e) => e.type === 'error')).toBe(false);
		expect(a.sync.peers()).toEqual([{ peerId: b.sync.peerId, transport: 'relay' }]);
		expect(a.events).toContainEqual(expect.objectContaining({ type: 'dropped', reason: 'undecryptable' }));
		expect(a.events).toContainEqual(expect.objectContaining({ type: 'dropped', reason: 'bad-envelope' }));
		// B's real frames are still accepted after the spoofed ones.
		b.notes.set('later', 'accepted');
		await waitFor(() => a.notes.get('later') === 'accepted', 'b still heard');
	});

	it('notices relayed frames lost on the way, and resyncs to recover them', async () => {
		const room = randomRoom();
		let dropFrom: string | null = null;
		const lossy = controlledWebSocket((frame) => {
			const data = (JSON.parse(frame) as { data?: { from?: string; seq?: unknown } }).data;
			return dropFrom !== null && data?.from === dropFrom && data.seq !== undefined;
		});
		const a = join(room);
		const b = join(room, { WebSocket: lossy.WebSocket });
		await waitFor(() => meshed([a, b], 'relay'), 'meshed');

		dropFrom = a.sync.peerId;
		a.notes.set('lost', 'the server skipped this one');
		await settle(300);
		expect(b.notes.get('lost')).toBeUndefined();
		dropFrom = null;

		a.notes.set('next', 'arrives with a gap before it');
		await waitFor(() => b.notes.get('lost') === 'the server skipped this one', 'lost update recovered');
		expect(b.events).toContainEqual({ type: 'resync', peerId: a.sync.peerId, reason: 'gap' });
		await waitFor(() => converged([a, b]), 'converged');
	});

	it('keeps devices with another secret apart', async () => {
		const room = randomRoom();
		const a = join(room);
		const intruder = join({ room: room.room, secret: 'guessed' });
		await waitFor(() => a.events.some((e) => e.type === 'dropped' && e.reason === 'undecryptable'), 'announce refused');
		a.notes.set('private', 'text');
		await settle(500);
		expect(a.sync.peers()).toEqual([]);
		expect(intruder.sync.peers()).toEqual([]);
		expect(intruder.notes.get('private')).toBeUndefined();
	});

	it('reconnects after the server restarts and converges edits made while it was down', async () => {
		const room = randomRoom();
		const a = join(room);
		const b = join(room);
		await waitFor(() => meshed([a, b], 'relay'), 'meshed');
		const port = server.port;
		await server.server.close();
		await waitFor(() => a.sync.state.signaling === 'offline' && b.sync.state.signaling === 'offline', 'both offline');
		expect(a.sync.state.relayed).toBe(0);
		a.notes.set('while-down-a', 'kept on this device');
		b.notes.set('while-down-b', 'kept too');
		server = await startServer(port);
		await waitFor(() => converged([a, b]) && meshed([a, b], 'relay'), 'reconnected and converged', 15_000);
		expect(a.notes.get('while-down-b')).toBe('kept too');
		expect(b.notes.get('while-down-a')).toBe('kept on this device');
	});

	it('removes the presence of a device that vanished, within seconds (default timings)', async () => {
		const room = randomRoom();
		const defaults = { ...DEFAULT_TUNING };
		const a = join(room, { tuning: defaults });
		const network = controlledWebSocket();
		const b = join(room, { tuning: defaults, WebSocket: network.WebSocket });
		b.awareness.setLocalStateField('user', { name: 'Bea' });
		await waitFor(() => a.awareness.getStates().get(b.awareness.clientID)?.user !== undefined, 'a sees b', 10_000);

		// B's Wi-Fi dies: no leave message, no socket close, just silence.
		network.cut();
		const cutAt = Date.now();
		await waitFor(() => !a.awareness.getStates().has(b.awareness.clientID), 'b removed from a', 20_000);
		const elapsed = Date.now() - cutAt;
		expect(elapsed).toBeLessThan(DEFAULT_TUNING.peerTimeoutMs + 2_000);
		expect(a.sync.peers()).toEqual([]);
		expect(a.events).toContainEqual({ type: 'peer', peerId: b.sync.peerId, event: 'timeout' });
	}, 30_000);

	it('removes presence at once when a device leaves the room', async () => {
		const room = randomRoom();
		const a = join(room);
		const b = join(room);
		b.awareness.setLocalStateField('user', { name: 'Bea' });
		await waitFor(() => a.awareness.getStates().has(b.awareness.clientID), 'a sees b');
		const leftAt = Date.now();
		b.sync.destroy();
		await waitFor(() => !a.awareness.getStates().has(b.awareness.clientID), 'b gone from a');
		expect(Date.now() - leftAt).toBeLessThan(1_000);
		expect(a.sync.state).toEqual({ signaling: 'connected', direct: 0, relayed: 0, synced: false });
	});
});

describe('SessionSync lifecycle', () => {
	it('allows one provider per room per registry, and frees the room on destroy', async () => {
		const room = randomRoom();
		const a = join(room);
		const registry = new SessionRegistry();
		const options = {
			doc: a.doc,
			awareness: a.awareness,
			...room,
			signalingUrl: server.url,
			WebSocket: NodeWebSocket,
			registry
		};
		const first = new SessionSync(options);
		expect(registry.get(room.room)).toBe(first);
		expect(() => new SessionSync(options)).toThrow(/already exists/);
		first.destroy();
		expect(registry.get(room.room)).toBeUndefined();
		const second = new SessionSync(options);
		expect(registry.get(room.room)).toBe(second);
		second.destroy();
	});

	it('is destroyed with its document, and reports the state on the way', async () => {
		const room = randomRoom();
		const a = join(room);
		const states: string[] = [];
		a.sync.on('state', (state) => states.push(state.signaling));
		await waitFor(() => a.sync.state.signaling === 'connected', 'connected');
		a.doc.destroy();
		expect(a.sync.state.signaling).toBe('offline');
		expect(states.at(-1)).toBe('offline');
	});

	it('survives listeners and loggers that throw', async () => {
		const room = randomRoom();
		const a = join(room);
		a.sync.on('state', () => {
			throw new Error('a buggy UI');
		});
		const b = devices.create({
			url: server.url,
			...room,
			tuning: { heartbeatMs: 300, tickMs: 50 }
		});
		b.sync.on('peers', () => {
			throw new Error('another buggy UI');
		});
		a.notes.set('x', 'y');
		await waitFor(() => b.notes.get('x') === 'y', 'synced despite throwing listeners');
		expect(a.events).toContainEqual(expect.objectContaining({ type: 'error', where: 'listener' }));
	});

	it('refuses a room name the server would refuse, and an empty secret', () => {
		expect(() => devices.create({ url: server.url, room: 'x'.repeat(129), secret: 's' })).toThrow(/room/);
		expect(() => devices.create({ url: server.url, room: '', secret: 's' })).toThrow(/room/);
		expect(() => devices.create({ url: server.url, room: 'r', secret: '' })).toThrow(/secret/);
	});
});
