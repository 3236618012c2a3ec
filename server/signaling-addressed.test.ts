/**
 * A frame addressed `to` some peers reaches only them (and connections not known by id yet), not
 * every member of the room; a frame without `to` still reaches everyone. The server learns which
 * peer a connection is from the `from` of its own publishes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { settle } from '../src/lib/sync/testing/wait.ts';
import { startServer, type RunningServer } from '../src/lib/sync/testing/workshop-server.ts';

const running: RunningServer[] = [];
const sockets: WebSocket[] = [];
afterEach(async () => {
	for (const socket of sockets.splice(0)) socket.terminate();
	await Promise.all(running.splice(0).map((r) => r.server.close()));
});

interface Peer {
	socket: WebSocket;
	/** The `c` of every publish this connection received. */
	heard: string[];
	say(data: Record<string, unknown>): void;
	/** Sends a ping and waits for its pong: everything sent before it has been handled. */
	flush(): Promise<void>;
}

async function peer(url: string, topic: string, id?: string): Promise<Peer> {
	const socket = new WebSocket(url);
	sockets.push(socket);
	const heard: string[] = [];
	const pongs: (() => void)[] = [];
	socket.on('message', (raw) => {
		const message = JSON.parse(String(raw)) as { type: string; data?: { c?: string } };
		if (message.type === 'publish' && message.data?.c) heard.push(message.data.c);
		if (message.type === 'pong') pongs.shift()?.();
	});
	await new Promise((resolve) => socket.once('open', resolve));
	const say = (data: Record<string, unknown>) => socket.send(JSON.stringify({ type: 'publish', topic, data }));
	const flush = () =>
		new Promise<void>((resolve) => {
			pongs.push(resolve);
			socket.send(JSON.stringify({ type: 'ping' }));
		});
	socket.send(JSON.stringify({ type: 'subscribe', topics: [topic] }));
	// An announce to everyone: the server learns this connection's peer id from it.
	if (id) say({ v: 1, from: id, c: `hello from ${id}` });
	await flush();
	return { socket, heard, say, flush };
}

/** Waits until each peer's last message has had time to come back through the server(s). */
async function quiet(peers: Peer[]): Promise<void> {
	for (const p of peers) await p.flush();
	await settle(150);
}

describe('addressed frames', () => {
	it('reach only their addressees on one instance; broadcasts still reach everyone', async () => {
		const one = await startServer();
		running.push(one);
		const [a, b, c, d] = [
			await peer(one.url, 'room', 'a'),
			await peer(one.url, 'room', 'b'),
			await peer(one.url, 'room', 'c'),
			await peer(one.url, 'room', 'd')
		];
		await quiet([a, b, c, d]);
		a.say({ v: 1, from: 'a', to: ['b'], c: 'for b' });
		a.say({ v: 1, from: 'a', to: ['c', 'd'], c: 'for c and d' });
		a.say({ v: 1, from: 'a', c: 'for everyone' });
		await quiet([a, b, c, d]);
		expect(b.heard).toContain('for b');
		expect(b.heard).not.toContain('for c and d');
		expect(c.heard).not.toContain('for b');
		expect([c.heard, d.heard].every((h) => h.includes('for c and d'))).toBe(true);
		expect([a, b, c, d].every((p) => p.heard.includes('for everyone'))).toBe(true);
		expect(a.heard).not.toContain('for b');
		expect(one.server.signaling.stats().sendsSkippedByAddress).toBeGreaterThanOrEqual(4);
	});

	it('still reach a connection that has not said who it is (it may be the addressee, reconnected)', async () => {
		const one = await startServer();
		running.push(one);
		const a = await peer(one.url, 'room', 'a');
		const silent = await peer(one.url, 'room');
		const other = await peer(one.url, 'room', 'other');
		a.say({ v: 1, from: 'a', to: ['b'], c: 'for b' });
		await quiet([a, silent, other]);
		expect(silent.heard).toContain('for b');
		expect(other.heard).not.toContain('for b');
	});

	it('a connection keeps the id of its first publish in a room', async () => {
		const one = await startServer();
		running.push(one);
		const a = await peer(one.url, 'room', 'a');
		const b = await peer(one.url, 'room', 'b');
		b.say({ v: 1, from: 'a', c: 'b pretends to be a' });
		a.say({ v: 1, from: 'a', to: ['b'], c: 'for b' });
		b.say({ v: 1, from: 'b', to: ['a'], c: 'for a' });
		await quiet([a, b]);
		expect(b.heard).toContain('for b');
		expect(a.heard).toContain('for a');
	});
});
