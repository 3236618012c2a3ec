/**
 * Several workshop-server instances on one real redis-server (started here on a free port, with a
 * temporary directory): devices split across instances join the same rooms and converge, through
 * the relay and directly; an instance dying and Redis restarting lose no note; Redis never sees a
 * note's text; limits hold across instances and frames from Redis are validated like a client's.
 *
 * Devices are the real SessionSync with its own registry each (src/lib/sync/testing/devices.ts);
 * "direct" uses the in-memory RTCPeerConnection (fake-webrtc.ts), whose signaling goes through the
 * instances just as a browser's would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, Socket, type Server } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Devices, converged, meshed, randomRoom, type Device } from '../src/lib/sync/testing/devices.ts';
import { FakeNetwork } from '../src/lib/sync/testing/fake-webrtc.ts';
import { settle, waitFor } from '../src/lib/sync/testing/wait.ts';
import { startServer, type RunningServer } from '../src/lib/sync/testing/workshop-server.ts';
import type { Limits } from './limits.ts';
import { CHANNEL_PREFIX } from './room-bus.ts';
import { startRedis, type RunningRedis } from './testing/redis-server.ts';

let redis: RunningRedis;
const instances: RunningServer[] = [];
const devices = new Devices();
const cleanup: (() => unknown)[] = [];

beforeAll(async () => {
	redis = await startRedis();
});
afterAll(async () => {
	await redis.destroy();
});
afterEach(async () => {
	devices.destroyAll();
	for (const step of cleanup.splice(0).reverse()) await step();
	await Promise.all(instances.splice(0).map((instance) => instance.server.close()));
	if (!(await pingable())) await redis.start();
});

/** The test's own Redis clients outlive the restart test's outage; their errors are expected. */
function quiet(client: Redis): Redis {
	client.on('error', () => {});
	return client;
}

async function pingable(): Promise<boolean> {
	const probe = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
	probe.on('error', () => {});
	try {
		await probe.connect();
		return (await probe.ping()) === 'PONG';
	} catch {
		return false;
	} finally {
		probe.disconnect();
	}
}

async function instance(limits: Partial<Limits> = {}): Promise<RunningServer> {
	const running = await startServer(0, { redisUrl: redis.url, limits });
	instances.push(running);
	await waitFor(() => running.server.bus?.ready() === true, 'the instance is connected to Redis');
	return running;
}

/** Every note each device wrote, on every device. */
function allNotes(all: Device[], expected: Map<string, string>): boolean {
	return all.every((device) => [...expected].every(([key, text]) => device.notes.get(key) === text));
}

/** Everything Redis is asked to do (MONITOR) and everything published on the rooms' channels. */
async function watchRedis(): Promise<string[]> {
	const seen: string[] = [];
	const origin = quiet(new Redis(redis.url));
	const monitor = quiet(await origin.monitor());
	cleanup.push(() => origin.disconnect());
	monitor.on('monitor', (_time: string, args: string[]) => seen.push(args.join(' ')));
	const subscriber = quiet(new Redis(redis.url));
	await subscriber.psubscribe(`${CHANNEL_PREFIX}*`);
	subscriber.on('pmessage', (_pattern: string, _channel: string, message: string) => seen.push(message));
	cleanup.push(
		() => monitor.disconnect(),
		() => subscriber.disconnect()
	);
	return seen;
}

/**
 * A TCP load balancer in front of the instances: each connection goes to the next instance that
 * accepts it, so a device whose instance died reconnects to another, as behind nginx or Caddy.
 */
async function balancer(backends: () => number[]): Promise<string> {
	let next = 0;
	const proxy: Server = createServer((client) => {
		client.pause();
		const ports = backends();
		const attempt = (left: number) => {
			if (left === 0) return client.destroy();
			const port = ports[next++ % ports.length];
			const upstream = new Socket();
			upstream.once('error', () => attempt(left - 1));
			upstream.connect(port, '127.0.0.1', () => {
				upstream.removeAllListeners('error');
				upstream.on('error', () => client.destroy());
				client.on('error', () => upstream.destroy());
				client.pipe(upstream).pipe(client);
				client.resume();
			});
		};
		attempt(ports.length);
	});
	await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
	const sockets = new Set<Socket>();
	proxy.on('connection', (socket) => {
		sockets.add(socket);
		socket.once('close', () => sockets.delete(socket));
	});
	cleanup.push(
		() =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				proxy.close(() => resolve());
			})
	);
	return `ws://127.0.0.1:${(proxy.address() as { port: number }).port}/signal`;
}

const get = (port: number, path: string, localAddress = '127.0.0.1') =>
	new Promise<{ status: number; body: string }>((resolve, reject) => {
		const req = request({ host: '127.0.0.1', port, path, localAddress }, (res) => {
			let body = '';
			res.on('data', (chunk: Buffer) => (body += chunk.toString()));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
		});
		req.once('error', reject);
		req.end();
	});

/**
 * An instance as its own process (`server/main.ts`, as `npm start` runs it), for a death no
 * `close()` can play: SIGKILL, with no close frames and no chance to tidy up.
 */
async function processInstance(): Promise<{ port: number; process: ChildProcess }> {
	const root = mkdtempSync(join(tmpdir(), 'kohtaamo-cluster-'));
	writeFileSync(join(root, 'index.html'), '<!doctype html><title>test</title>');
	const args = ['--import', 'tsx', 'server/main.ts', '--port', '0', '--host', '127.0.0.1', '--root', root];
	const child = spawn(process.execPath, [...args, '--no-build', '--no-qr', '--no-https', '--redis', redis.url], {
		cwd: new URL('..', import.meta.url).pathname,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	cleanup.push(() => {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
	});
	let output = '';
	const port = await new Promise<number>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`instance did not start:\n${output}`)), 90_000);
		const onData = (chunk: Buffer) => {
			output += chunk.toString();
			const match = /On this computer: https?:\/\/localhost:(\d+)\//.exec(output);
			if (!match) return;
			clearTimeout(timer);
			resolve(Number(match[1]));
		};
		child.stdout!.on('data', onData);
		child.stderr!.on('data', onData);
		child.once('exit', (code) => reject(new Error(`instance exited with ${code}:\n${output}`)));
	});
	// Ready once it is connected to Redis: until then its devices would not hear the others.
	const deadline = Date.now() + 15_000;
	while ((await get(port, '/readyz').catch(() => ({ status: 0 }))).status !== 200) {
		if (Date.now() > deadline) throw new Error(`instance not ready:\n${output}`);
		await settle(100);
	}
	return { port, process: child };
}

async function rawClient(url: string, topic: string): Promise<{ socket: WebSocket; frames: string[] }> {
	const socket = new WebSocket(url);
	const frames: string[] = [];
	socket.on('message', (data) => frames.push(String(data)));
	await new Promise((resolve) => socket.once('open', resolve));
	const pong = new Promise((resolve) => socket.on('message', (data) => String(data).includes('pong') && resolve(0)));
	socket.send(JSON.stringify({ type: 'subscribe', topics: [topic] }));
	socket.send(JSON.stringify({ type: 'ping' }));
	await pong;
	cleanup.push(() => socket.terminate());
	return { socket, frames };
}

describe('several instances on Redis', () => {
	it('devices on different instances converge through the relay, and Redis sees no note text', async () => {
		const seen = await watchRedis();
		const [one, two] = [await instance(), await instance()];
		const room = randomRoom();
		const a = devices.create({ url: one.url, ...room });
		const b = devices.create({ url: two.url, ...room });
		const c = devices.create({ url: two.url, ...room });
		await waitFor(() => meshed([a, b, c], 'relay'), 'all three see each other through the relay');

		a.notes.set('a', 'Kävijät haluavat istua');
		b.notes.set('b', 'Lapsille oma nurkka');
		c.notes.set('c', 'Äänet kuuluvat liikaa');
		await waitFor(() => converged([a, b, c]) && a.notes.size === 3, 'the notes reach every device');

		expect(one.server.bus?.stats().received).toBeGreaterThan(0);
		expect(two.server.bus?.stats().received).toBeGreaterThan(0);
		expect(seen.length).toBeGreaterThan(0);
		for (const text of ['Kävijät', 'Lapsille', 'Äänet', 'istua', 'nurkka', room.secret]) {
			expect(seen.filter((entry) => entry.includes(text))).toEqual([]);
		}
	});

	it('devices on different instances connect directly, signaling through Redis', async () => {
		const [one, two] = [await instance(), await instance()];
		const network = new FakeNetwork();
		const room = randomRoom();
		const a = devices.create({ url: one.url, ...room, RTCPeerConnection: network.for('a') });
		const b = devices.create({ url: two.url, ...room, RTCPeerConnection: network.for('b') });
		await waitFor(() => meshed([a, b], 'direct'), 'a direct link across instances');
		a.notes.set('a', 'suoraan');
		b.notes.set('b', 'direkt');
		await waitFor(() => converged([a, b]) && a.notes.size === 2, 'the notes cross the direct link');
	});

	it('loses no note when an instance dies mid-workshop: its devices reconnect to another', async () => {
		const live = [await instance(), await instance(), await instance()];
		const url = await balancer(() => live.map((running) => running.port));
		const room = randomRoom();
		const all = ['a', 'b', 'c', 'd', 'e', 'f'].map(() => devices.create({ url, ...room }));
		await waitFor(() => meshed(all, 'relay'), 'six devices meshed through three instances');
		expect(live.every((running) => running.server.signaling.stats().connections > 0)).toBe(true);

		const expected = new Map<string, string>();
		all.forEach((device, i) => {
			device.notes.set(`before-${i}`, `muistilappu ${i}`);
			expected.set(`before-${i}`, `muistilappu ${i}`);
		});
		const dying = live.splice(1, 1)[0];
		const closing = dying.server.close();
		all.forEach((device, i) => {
			device.notes.set(`during-${i}`, `kesken ${i}`);
			expected.set(`during-${i}`, `kesken ${i}`);
		});
		await closing;
		await waitFor(() => allNotes(all, expected), 'every note on every device after the instance died', 20_000);
		expect(converged(all)).toBe(true);
		expect(dying.server.signaling.stats().connections).toBe(0);
	});

	it(
		'loses no note when an instance process is killed (SIGKILL) mid-workshop: its devices move to another',
		{ timeout: 240_000 },
		async () => {
			const live = [await processInstance(), await processInstance()];
			const url = await balancer(() => live.map((running) => running.port));
			const room = randomRoom();
			const all = ['a', 'b', 'c', 'd'].map(() => devices.create({ url, ...room }));
			await waitFor(() => meshed(all, 'relay'), 'four devices meshed through two instance processes', 20_000);

			const expected = new Map<string, string>();
			all.forEach((device, i) => {
				device.notes.set(`before-${i}`, `ennen ${i}`);
				expected.set(`before-${i}`, `ennen ${i}`);
			});
			const killed = live.shift()!;
			const exited = new Promise((resolve) => killed.process.once('exit', resolve));
			killed.process.kill('SIGKILL');
			all.forEach((device, i) => {
				device.notes.set(`during-${i}`, `kesken ${i}`);
				expected.set(`during-${i}`, `kesken ${i}`);
			});
			await exited;
			all.forEach((device, i) => {
				device.notes.set(`after-${i}`, `jälkeen ${i}`);
				expected.set(`after-${i}`, `jälkeen ${i}`);
			});
			await waitFor(() => allNotes(all, expected), 'every note on every device after the SIGKILL', 30_000);
			expect(converged(all)).toBe(true);
			expect(killed.process.signalCode).toBe('SIGKILL');
		}
	);

	it('delivers a frame addressed to one peer only to it, across instances', async () => {
		const [one, two] = [await instance(), await instance()];
		const topic = 'room-addressed';
		const [a, b, c, d] = [
			await rawClient(one.url, topic),
			await rawClient(two.url, topic),
			await rawClient(two.url, topic),
			await rawClient(one.url, topic)
		];
		const say = (client: { socket: WebSocket }, data: Record<string, unknown>) =>
			client.socket.send(JSON.stringify({ type: 'publish', topic, data }));
		for (const [client, id] of [
			[a, 'a'],
			[b, 'b'],
			[c, 'c'],
			[d, 'd']
		] as const)
			say(client, { v: 1, from: id, c: `announce-${id}` });
		const heard = (client: { frames: string[] }, text: string) => client.frames.some((f) => f.includes(text));
		await waitFor(
			() => [a, b, c, d].every((client) => heard(client, 'announce-d') && heard(client, 'announce-c')),
			'announces'
		);
		say(a, { v: 1, from: 'a', to: ['b'], c: 'only-for-b' });
		say(a, { v: 1, from: 'a', c: 'for-everyone' });
		await waitFor(() => [a, b, c, d].every((client) => heard(client, 'for-everyone')), 'the broadcast reaches all');
		expect(heard(b, 'only-for-b')).toBe(true);
		expect(heard(c, 'only-for-b')).toBe(false);
		expect(heard(d, 'only-for-b')).toBe(false);
	});

	it('loses no note when Redis restarts: instances reconnect and devices resync the gap', async () => {
		const [one, two] = [await instance(), await instance()];
		const room = randomRoom();
		// Peers must not time out during the restart: the relay's sequence numbers find the gap.
		const tuning = { peerTimeoutMs: 30_000 };
		const a = devices.create({ url: one.url, ...room, tuning });
		const b = devices.create({ url: two.url, ...room, tuning });
		await waitFor(() => meshed([a, b], 'relay'), 'a and b meshed across instances');
		a.notes.set('first', 'ennen');
		await waitFor(() => b.notes.get('first') === 'ennen', 'the first note crosses');

		await redis.stop();
		await waitFor(() => !one.server.bus?.ready() && !two.server.bus?.ready(), 'both instances notice');
		expect((await get(one.port, '/readyz')).status).toBe(503);
		expect((await get(one.port, '/healthz')).status).toBe(200);
		a.notes.set('lost-frame', 'katkon aikana');
		await settle(200);
		expect(b.notes.get('lost-frame')).toBeUndefined();

		await redis.start();
		await waitFor(() => Boolean(one.server.bus?.ready() && two.server.bus?.ready()), 'both reconnect', 15_000);
		expect((await get(one.port, '/readyz')).status).toBe(200);
		// ioredis re-subscribes after its 'ready'; the next frame from a is then heard, with a gap.
		await settle(300);
		a.notes.set('after', 'jälkeen');
		await waitFor(() => b.notes.get('lost-frame') === 'katkon aikana', 'the lost note arrives by resync', 15_000);
		await waitFor(() => converged([a, b]) && b.notes.size === 3, 'both converge');
		expect(b.events).toContainEqual(expect.objectContaining({ type: 'resync', reason: 'gap' }));
	});

	it('forwards from Redis only what it would accept from a client', async () => {
		const one = await instance();
		const topic = 'room-validation';
		const listener = await rawClient(one.url, topic);
		const publisher = quiet(new Redis(redis.url));
		cleanup.push(() => publisher.disconnect());
		const send = (frame: string) => publisher.publish(CHANNEL_PREFIX + topic, `someone-else\n${frame}`);
		await send('not json');
		await send(JSON.stringify({ type: 'publish', topic: 'another-room', data: 'x' }));
		await send(JSON.stringify({ type: 'subscribe', topics: [topic] }));
		await send(JSON.stringify({ type: 'publish', topic, data: 'x'.repeat(300 * 1024) }));
		await send(JSON.stringify({ type: 'publish', topic, data: 'sealed' }));
		await waitFor(() => listener.frames.some((frame) => frame.includes('sealed')), 'the valid frame arrives');
		expect(listener.frames.filter((frame) => frame.includes('publish'))).toEqual([
			JSON.stringify({ type: 'publish', topic, data: 'sealed', clients: 1 })
		]);
		const dropped = [...one.log.droppedCounts()];
		expect(one.log.droppedCounts().get('bus frame too large')).toBe(1);
		const malformed = dropped.filter(([reason]) => reason.startsWith('malformed bus frame'));
		expect(malformed.reduce((sum, [, count]) => sum + count, 0)).toBe(3);
	});

	it('holds the per-room rate limit across instances', async () => {
		const limit = 10;
		const [one, two] = [
			await instance({ roomMessagesPerSecond: limit }),
			await instance({ roomMessagesPerSecond: limit })
		];
		const topic = 'room-rate';
		const listener = await rawClient(one.url, topic);
		const senders = [await rawClient(one.url, topic), await rawClient(two.url, topic)];
		for (let i = 0; i < 30; i++) {
			for (const sender of senders) sender.socket.send(JSON.stringify({ type: 'publish', topic, data: i }));
		}
		const refused = () =>
			[one, two].reduce((sum, running) => sum + (running.log.droppedCounts().get('room rate limit exceeded') ?? 0), 0);
		const heard = () => listener.frames.filter((frame) => frame.includes('"publish"')).length;
		await waitFor(() => heard() + refused() === 60, 'every frame either delivered or refused');
		// 60 frames sent within a moment: one window's limit passes (two if a second boundary fell
		// between them), the rest are refused — counted in Redis, so both instances' frames count.
		expect(heard()).toBeLessThanOrEqual(2 * limit);
		expect(refused()).toBeGreaterThanOrEqual(60 - 2 * limit);
	});

	it('is not stalled by an instance that stops reading from Redis', async () => {
		const [one, two] = [await instance(), await instance()];
		// A subscriber that never reads: Redis buffers for it, then cuts it off; publishers never wait.
		const stalled = new Socket();
		await new Promise<void>((resolve) => stalled.connect(redis.port, '127.0.0.1', resolve));
		stalled.write(`PSUBSCRIBE ${CHANNEL_PREFIX}*\r\n`);
		stalled.pause();
		cleanup.push(() => stalled.destroy());
		const topic = 'room-busy';
		const listener = await rawClient(two.url, topic);
		const sender = await rawClient(one.url, topic);
		const data = 'y'.repeat(60 * 1024);
		for (let i = 0; i < 200; i++) sender.socket.send(JSON.stringify({ type: 'publish', topic, data: `${i}:${data}` }));
		sender.socket.send(JSON.stringify({ type: 'publish', topic, data: 'last' }));
		await waitFor(() => listener.frames.some((frame) => frame.includes('"last"')), 'the last frame crosses');
	});

	it('reports health, readiness and metrics; metrics only to allowed addresses', async () => {
		const one = await instance();
		const room = randomRoom();
		const a = devices.create({ url: one.url, ...room });
		const b = devices.create({ url: one.url, ...room });
		await waitFor(() => meshed([a, b], 'relay'), 'two devices');
		expect(await get(one.port, '/healthz')).toEqual({ status: 200, body: 'ok\n' });
		expect(await get(one.port, '/readyz')).toEqual({ status: 200, body: 'ok\n' });
		const metrics = await get(one.port, '/metrics');
		expect(metrics.status).toBe(200);
		expect(metrics.body).toMatch(/^kohtaamo_connections 2$/m);
		expect(metrics.body).toMatch(/^kohtaamo_rooms 1$/m);
		expect(metrics.body).toMatch(/^kohtaamo_redis_ready 1$/m);
		expect(metrics.body).toMatch(/^# TYPE kohtaamo_frames_received_total counter$/m);
		expect(Number(/^kohtaamo_bytes_sent_total (\d+)$/m.exec(metrics.body)?.[1])).toBeGreaterThan(0);
		expect((await get(one.port, '/metrics', '127.0.0.2')).status).toBe(403);
	});
});
