import { expect, test } from '@playwright/test';
import WebSocket from 'ws';
import { startServer } from './support/server.ts';

const open = (url: string) =>
	new Promise<WebSocket>((resolve, reject) => {
		const socket = new WebSocket(url);
		socket.once('open', () => resolve(socket));
		socket.once('error', reject);
	});

const closed = (socket: WebSocket) =>
	new Promise<number>((resolve) => {
		if (socket.readyState === WebSocket.CLOSED) resolve(-1);
		else socket.once('close', (code) => resolve(code));
	});

/** The next message of a type; others (a publisher also hears its own publish) are skipped. */
const nextMessage = (socket: WebSocket, type: string) =>
	new Promise<Record<string, unknown>>((resolve) => {
		const onMessage = (data: WebSocket.RawData) => {
			const message = JSON.parse(data.toString()) as Record<string, unknown>;
			if (message.type !== type) return;
			socket.off('message', onMessage);
			resolve(message);
		};
		socket.on('message', onMessage);
	});

test('the server survives a burst of malformed and oversized frames', async ({ page }) => {
	const server = await startServer();
	const signal = server.url.replace('http', 'ws') + '/signal';

	// A well-behaved pair in a room, to check that nothing reaches or disturbs them.
	const alice = await open(signal);
	const bob = await open(signal);
	for (const socket of [alice, bob]) socket.send(JSON.stringify({ type: 'subscribe', topics: ['room-a'] }));

	const attacker = await open(signal);
	const garbage: (string | Buffer)[] = [
		'not json',
		'{"type":',
		'null',
		'[]',
		'42',
		JSON.stringify({ type: 'subscribe', topics: 'room-a' }),
		JSON.stringify({ type: 'subscribe', topics: [42, null] }),
		JSON.stringify({ type: 'subscribe', topics: ['x'.repeat(10_000)] }),
		JSON.stringify({ type: 'publish', topic: 'room-a', data: 'injected' }), // not a member
		JSON.stringify({ type: 'publish', topic: {}, data: 1 }),
		JSON.stringify({ type: 'explode' }),
		JSON.stringify({ type: 'subscribe', topics: Array.from({ length: 100 }, (_, i) => `t${i}`) }),
		Buffer.from([0, 1, 2, 3, 255]),
		'\u0000\uffff'
	];
	for (let round = 0; round < 50; round++) for (const frame of garbage) attacker.send(frame);
	let injected = false;
	alice.on('message', (data) => {
		if (data.toString().includes('injected')) injected = true;
	});

	// An oversized frame closes only the sender's socket (1009: message too big).
	const big = await open(signal);
	big.send('x'.repeat(300 * 1024));
	expect(await closed(big)).toBe(1009);

	// The pair still talks, and the injection never arrived.
	const received = nextMessage(bob, 'publish');
	alice.send(JSON.stringify({ type: 'publish', topic: 'room-a', data: 'hello' }));
	expect(await received).toMatchObject({ type: 'publish', topic: 'room-a', data: 'hello', clients: 2 });
	const pong = nextMessage(alice, 'pong');
	alice.send(JSON.stringify({ type: 'ping' }));
	expect(await pong).toEqual({ type: 'pong' });
	expect(injected).toBe(false);

	// The app is still served, and the server logged what it dropped.
	await page.goto(server.url);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect.poll(() => server.output()).toContain('dropped: malformed frame');
	expect(server.output()).toContain('dropped: publish to a topic the client has not joined');
	expect(server.output()).toContain('dropped: binary frame');

	for (const socket of [alice, bob, attacker]) socket.close();
	await server.stop();
});

test('the server stops cleanly on SIGINT and SIGTERM', async () => {
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		const server = await startServer();
		const socket = await open(server.url.replace('http', 'ws') + '/signal');
		const code = closed(socket);
		await server.signal(signal);
		expect(await code).toBe(1001);
		expect(await server.exitCode()).toBe(0);
		expect(server.output()).toContain(`${signal}: stopping the workshop server`);
		expect(server.output()).toContain('Stopped.');
	}
});

test('serves hashed assets as immutable and revalidates the rest', async ({ request }) => {
	const server = await startServer();
	const html = await request.get(server.url + '/');
	expect(html.headers()['cache-control']).toBe('no-cache');
	const asset = /\/_app\/immutable\/[^"]+\.js/.exec(await html.text())?.[0];
	expect(asset).toBeTruthy();
	const js = await request.get(server.url + asset);
	expect(js.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
	for (const path of ['/service-worker.js', '/manifest.webmanifest', '/_app/version.json']) {
		const response = await request.get(server.url + path);
		expect(response.status(), path).toBe(200);
		expect(response.headers()['cache-control'], path).toBe('no-cache');
	}
	const etag = html.headers()['etag'];
	const again = await request.get(server.url + '/', { headers: { 'If-None-Match': etag } });
	expect(again.status()).toBe(304);
	// Paths that try to leave the build folder never reach files outside it.
	for (const path of ['/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2f..%2fetc%2fpasswd', '/_app/..%2f..%2fpackage.json']) {
		const body = await (await request.get(server.url + path)).text();
		expect(body, path).not.toContain('root:');
		expect(body, path).not.toContain('"devDependencies"');
	}
	expect((await request.get(server.url + '/missing.js')).status()).toBe(404);
	await server.stop();
});
