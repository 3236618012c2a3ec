/**
 * Frames per second through the workshop server: one instance without Redis (the laptop), one
 * instance on Redis, and two instances on Redis with each room's devices split between them (the
 * service behind a load balancer). Raw signaling clients on loopback publish 1 KiB frames in 8
 * rooms, each room with one sender and two listeners; a figure is listener deliveries per second
 * from the first frame sent until the last one arrives. Bounded: a fixed number of frames, a
 * redis-server of our own on a free port, everything on 127.0.0.1. The per-connection and per-room
 * rate limits are lifted here: this measures the path, not the limits.
 */
import WebSocket from 'ws';
import { startRedis } from '../server/testing/redis-server.ts';
import { startServer, type RunningServer } from '../src/lib/sync/testing/workshop-server.ts';
import type { Figure } from './run.ts';

const ROOMS = 8;
const FRAMES_PER_ROOM = 1500;
const FRAME_DATA = 'x'.repeat(1024);
const NO_LIMITS = { messagesPerSecond: 1e9, messageBurst: 1e9, roomMessagesPerSecond: 1e9 };

async function client(url: string, topic: string, onPublish: () => void): Promise<WebSocket> {
	const socket = new WebSocket(url);
	await new Promise((resolve, reject) => {
		socket.once('open', resolve);
		socket.once('error', reject);
	});
	const subscribed = new Promise<void>((resolve) =>
		socket.on('message', (data) => {
			const text = String(data);
			if (text.startsWith('{"type":"pong"')) resolve();
			else onPublish();
		})
	);
	socket.send(JSON.stringify({ type: 'subscribe', topics: [topic] }));
	socket.send(JSON.stringify({ type: 'ping' }));
	await subscribed;
	return socket;
}

/** Deliveries per second with each room's sender on `placement[0]` and its listeners on the rest. */
async function measure(placement: (room: number) => [RunningServer, RunningServer, RunningServer]): Promise<number> {
	let delivered = 0;
	const expected = ROOMS * FRAMES_PER_ROOM * 2;
	let done: () => void = () => {};
	const finished = new Promise<void>((resolve) => (done = resolve));
	const onPublish = () => {
		if (++delivered === expected) done();
	};
	const sockets: WebSocket[] = [];
	const senders: { socket: WebSocket; topic: string }[] = [];
	for (let room = 0; room < ROOMS; room++) {
		const topic = `bench-room-${room}-${Math.random().toString(36).slice(2)}`;
		const [sender, ...listeners] = placement(room);
		for (const listener of listeners) sockets.push(await client(listener.url, topic, onPublish));
		const socket = await client(sender.url, topic, () => {});
		sockets.push(socket);
		senders.push({ socket, topic });
	}
	// Frames from other instances arrive once Redis has the subscriptions: give it a moment.
	await new Promise((resolve) => setTimeout(resolve, 200));
	const started = performance.now();
	for (let i = 0; i < FRAMES_PER_ROOM; i++) {
		for (const { socket, topic } of senders) socket.send(JSON.stringify({ type: 'publish', topic, data: FRAME_DATA }));
	}
	const timeout = setTimeout(done, 60_000);
	await finished;
	clearTimeout(timeout);
	const seconds = (performance.now() - started) / 1000;
	for (const socket of sockets) socket.terminate();
	if (delivered < expected) throw new Error(`only ${delivered} of ${expected} frames arrived within 60 s`);
	return expected / seconds;
}

export async function benchRedisInstances(): Promise<Figure[]> {
	const redis = await startRedis();
	const servers: RunningServer[] = [];
	try {
		const alone = await startServer(0, { limits: NO_LIMITS });
		const a = await startServer(0, { redisUrl: redis.url, limits: NO_LIMITS });
		const b = await startServer(0, { redisUrl: redis.url, limits: NO_LIMITS });
		servers.push(alone, a, b);
		while (!a.server.bus?.ready() || !b.server.bus?.ready()) await new Promise((resolve) => setTimeout(resolve, 20));

		const single = await measure(() => [alone, alone, alone]);
		const oneOnRedis = await measure(() => [a, a, a]);
		// Senders alternate between the instances; of each room's two listeners one is on each.
		const two = await measure((room) => (room % 2 === 0 ? [a, a, b] : [b, b, a]));
		const notes = `${ROOMS} rooms × ${FRAMES_PER_ROOM} frames of 1 KiB, 2 listeners each, loopback`;
		return [
			{ name: 'one instance, no Redis', value: single, unit: 'frames/s', notes },
			{ name: 'one instance on Redis', value: oneOnRedis, unit: 'frames/s', notes },
			{
				name: 'two instances on Redis',
				value: two,
				unit: 'frames/s',
				notes: `${notes}; ${(two / single).toFixed(2)}× of one instance without Redis (all share this machine's CPUs)`
			}
		];
	} finally {
		await Promise.all(servers.map((running) => running.server.close()));
		await redis.destroy();
	}
}
