/**
 * No device can block the room: one address holding hundreds of sockets (127.0.0.2 here, as a
 * misbehaving phone or script would) is refused past its own limit, while two devices on another
 * address (127.0.0.1) still connect, subscribe and hear each other.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createWorkshopServer, type WorkshopServer, type WorkshopServerOptions } from './app.ts';
import { createLogger, type Logger } from './log.ts';
import { CLOSE_NO_SUBSCRIPTION } from './signaling.ts';

type Outcome = { socket: WebSocket } | { refused: number };

/** Opens a socket from `localAddress`; resolves with the socket, or with the HTTP status it was refused with. */
const attempt = (url: string, localAddress: string, headers: Record<string, string> = {}) =>
	new Promise<Outcome>((resolve, reject) => {
		const socket = new WebSocket(url, { localAddress, headers });
		socket.once('open', () => resolve({ socket }));
		socket.once('unexpected-response', (_req, res) => {
			resolve({ refused: res.statusCode ?? 0 });
			socket.terminate();
		});
		socket.once('error', reject);
	});

const open = async (url: string, localAddress: string, headers?: Record<string, string>) => {
	const outcome = await attempt(url, localAddress, headers);
	if (!('socket' in outcome)) throw new Error(`refused with ${outcome.refused}`);
	return outcome.socket;
};

const nextMessage = (socket: WebSocket, type: string) =>
	new Promise<Record<string, unknown>>((resolve) => {
		const onMessage = (data: WebSocket.RawData) => {
			const message = JSON.parse(String(data)) as Record<string, unknown>;
			if (message.type !== type) return;
			socket.off('message', onMessage);
			resolve(message);
		};
		socket.on('message', onMessage);
	});

/** Subscribes and waits for the pong after it: frames are handled in order, so the subscribe is done. */
const subscribe = async (socket: WebSocket, ...topics: string[]) => {
	const pong = nextMessage(socket, 'pong');
	socket.send(JSON.stringify({ type: 'subscribe', topics }));
	socket.send(JSON.stringify({ type: 'ping' }));
	await pong;
};

const closeCode = (socket: WebSocket) =>
	new Promise<number>((resolve) => {
		if (socket.readyState === WebSocket.CLOSED) resolve(-1);
		else socket.once('close', (code) => resolve(code));
	});

/** Two devices in one room: a publish from one reaches the other. */
async function expectSync(url: string, room: string) {
	const tablet = await open(url, '127.0.0.1');
	const phone = await open(url, '127.0.0.1');
	await subscribe(tablet, room);
	await subscribe(phone, room);
	const heard = nextMessage(phone, 'publish');
	tablet.send(JSON.stringify({ type: 'publish', topic: room, data: { note: 'sealed bytes' } }));
	expect(await heard).toEqual({ type: 'publish', topic: room, data: { note: 'sealed bytes' }, clients: 2 });
	tablet.close();
	phone.close();
}

let server: WorkshopServer | undefined;
const held: WebSocket[] = [];
afterEach(async () => {
	for (const socket of held.splice(0)) socket.terminate();
	await server?.close();
	server = undefined;
});

async function start(
	options: Partial<WorkshopServerOptions> = {}
): Promise<{ url: string; log: Logger; lines: string[] }> {
	const root = await mkdtemp(join(tmpdir(), 'kohtaamo-limits-'));
	await writeFile(join(root, 'index.html'), '<!doctype html>');
	const lines: string[] = [];
	const log = createLogger({ write: (line) => lines.push(line) });
	server = createWorkshopServer({ root, log, ...options });
	const { port } = await server.listen(0, '127.0.0.1');
	return { url: `ws://127.0.0.1:${port}/signal`, log, lines };
}

describe('per-address limits', () => {
	it('refuses the 33rd socket from one address with 429 while two other devices join and sync', async () => {
		const { url, log } = await start();
		const outcomes: Outcome[] = [];
		// Hundreds of attempts from one address, a few at a time, as a script would make them.
		for (let batch = 0; batch < 10; batch++) {
			outcomes.push(...(await Promise.all(Array.from({ length: 30 }, () => attempt(url, '127.0.0.2')))));
		}
		for (const outcome of outcomes) if ('socket' in outcome) held.push(outcome.socket);
		expect(held).toHaveLength(32);
		expect(outcomes.filter((o) => 'refused' in o && o.refused === 429)).toHaveLength(300 - 32);

		await expectSync(url, 'room-a');
		expect(log.droppedCounts().get('connection limit per address reached')).toBe(300 - 32);
		expect(server!.signaling.stats()).toMatchObject({ addresses: 2 });
	});

	it('holds hundreds of sockets from one address under raised limits while two devices still sync', async () => {
		// Limits raised so that all 300 are live, subscribed and answering pings: the server still
		// serves everyone else in the room.
		const { url } = await start({ limits: { maxConnections: 400, maxConnectionsPerAddress: 300 } });
		for (let batch = 0; batch < 10; batch++) {
			held.push(...(await Promise.all(Array.from({ length: 30 }, () => open(url, '127.0.0.2')))));
		}
		for (const socket of held) socket.send(JSON.stringify({ type: 'subscribe', topics: ['hog'] }));
		expect((await attempt(url, '127.0.0.2')) as { refused: number }).toEqual({ refused: 429 });
		await expectSync(url, 'room-b');
		await expect.poll(() => server!.signaling.stats().connections).toBe(300);
	});

	it('answers 503 only when the whole server is full, and frees places as sockets close', async () => {
		const { url } = await start({ limits: { maxConnections: 3 } });
		const three = await Promise.all([open(url, '127.0.0.2'), open(url, '127.0.0.3'), open(url, '127.0.0.4')]);
		expect(await attempt(url, '127.0.0.5')).toEqual({ refused: 503 });
		const gone = closeCode(three[0]);
		three[0].close();
		await gone;
		await expect.poll(() => server!.signaling.stats().connections).toBe(2);
		held.push(...three, await open(url, '127.0.0.5'));
	});

	it('limits the topics one address holds across its connections, and no one else', async () => {
		const { url, log } = await start({ limits: { maxTopicsPerAddress: 3 } });
		const [a, b] = await Promise.all([open(url, '127.0.0.2'), open(url, '127.0.0.2')]);
		held.push(a, b);
		await subscribe(a, 't1', 't2');
		await subscribe(b, 't2', 't3', 't4'); // t2 is already held by this address: only t4 is over
		expect(log.droppedCounts().get('topic limit per address reached')).toBe(1);
		expect(server!.signaling.stats().topics).toBe(3);
		// Another address still joins t4 and any room of its own.
		const other = await open(url, '127.0.0.3');
		held.push(other);
		await subscribe(other, 't4', 'mine');
		expect(server!.signaling.stats().topics).toBe(5);
		// Leaving a topic frees it for the address.
		b.send(JSON.stringify({ type: 'unsubscribe', topics: ['t3'] }));
		await subscribe(b, 't5');
		expect(log.droppedCounts().get('topic limit per address reached')).toBe(1);
	});

	it('closes sockets that never subscribe after the grace period, and keeps those that do', async () => {
		const { url } = await start({ limits: { subscribeGraceMs: 300 } });
		const idle = await open(url, '127.0.0.2');
		const member = await open(url, '127.0.0.2');
		held.push(idle, member);
		const idleClosed = closeCode(idle);
		await subscribe(member, 'room');
		expect(await idleClosed).toBe(CLOSE_NO_SUBSCRIPTION);
		// Well past the grace, the member still talks.
		await new Promise((resolve) => setTimeout(resolve, 400));
		const pong = nextMessage(member, 'pong');
		member.send(JSON.stringify({ type: 'ping' }));
		expect(await pong).toEqual({ type: 'pong' });
	});
});

describe('client address behind a reverse proxy', () => {
	it('believes X-Forwarded-For only from a trusted proxy', async () => {
		const { url } = await start({ limits: { maxConnectionsPerAddress: 1 }, trustedProxies: ['127.0.0.1'] });
		// Through the trusted proxy: two phones are two addresses.
		held.push(await open(url, '127.0.0.1', { 'X-Forwarded-For': '192.168.1.21' }));
		held.push(await open(url, '127.0.0.1', { 'X-Forwarded-For': '10.9.9.9, 192.168.1.22' }));
		expect(await attempt(url, '127.0.0.1', { 'X-Forwarded-For': '192.168.1.21' })).toEqual({ refused: 429 });
		// From elsewhere the header is a claim anyone could make: the TCP peer counts.
		held.push(await open(url, '127.0.0.2', { 'X-Forwarded-For': '192.168.1.30' }));
		expect(await attempt(url, '127.0.0.2', { 'X-Forwarded-For': '192.168.1.31' })).toEqual({ refused: 429 });
	});

	it('ignores X-Forwarded-For when no proxy is configured', async () => {
		const { url } = await start({ limits: { maxConnectionsPerAddress: 1 } });
		held.push(await open(url, '127.0.0.1', { 'X-Forwarded-For': '192.168.1.21' }));
		expect(await attempt(url, '127.0.0.1', { 'X-Forwarded-For': '192.168.1.22' })).toEqual({ refused: 429 });
	});
});
