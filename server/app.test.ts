import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createWorkshopServer, CA_CERT_PATH, type WorkshopServer } from './app.ts';
import { createLogger } from './log.ts';
import { SERVER_INFO_PATH } from './participants.ts';
import { ensureLocalAuthority, type LocalAuthority } from './tls.ts';

interface Reply {
	status: number;
	body: string;
	headers: Record<string, string | string[] | undefined>;
}

const get = (url: string, ca?: string) =>
	new Promise<Reply>((resolve, reject) => {
		const request = url.startsWith('https') ? httpsRequest : httpRequest;
		request(url, { ca }, (res) => {
			let body = '';
			res.on('data', (chunk) => (body += chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
		})
			.on('error', reject)
			.end();
	});

const open = (url: string, ca?: string) =>
	new Promise<WebSocket>((resolve, reject) => {
		const socket = new WebSocket(url, { ca });
		socket.once('open', () => resolve(socket));
		socket.once('error', reject);
	});

/** Subscribes and waits for the pong that follows, so the subscription is in place. */
const subscribe = async (socket: WebSocket, topic: string) => {
	const pong = new Promise((resolve) => socket.once('message', resolve));
	socket.send(JSON.stringify({ type: 'subscribe', topics: [topic] }));
	socket.send(JSON.stringify({ type: 'ping' }));
	await pong;
};

describe('workshop server on one port, HTTP and HTTPS', () => {
	let tls: LocalAuthority;
	let server: WorkshopServer;
	let port: number;

	beforeAll(async () => {
		const root = await mkdtemp(join(tmpdir(), 'kohtaamo-root-'));
		await writeFile(join(root, 'index.html'), '<!doctype html><title>Kohtaamo</title>');
		tls = await ensureLocalAuthority(await mkdtemp(join(tmpdir(), 'kohtaamo-tls-')), ['localhost', '127.0.0.1']);
		server = createWorkshopServer({
			root,
			log: createLogger({ write: () => {} }),
			tls,
			participantBases: (p) => [{ label: 'test', url: `http://workshop.test:${p}/` }]
		});
		({ port } = await server.listen(0, '127.0.0.1'));
	});
	afterAll(() => server.close());

	it('serves the app over HTTPS trusted through its own authority alone, and over HTTP, on one port', async () => {
		const secure = await get(`https://localhost:${port}/sessions/abc`, tls.caCert);
		expect(secure.status).toBe(200);
		expect(secure.body).toContain('<title>Kohtaamo</title>');
		const plain = await get(`http://localhost:${port}/sessions/abc`);
		expect(plain.status).toBe(200);
		expect(plain.body).toBe(secure.body);
		// Without trusting the authority, the client refuses the connection.
		await expect(get(`https://localhost:${port}/`, '')).rejects.toThrow();
	});

	it('completes a TLS handshake for localhost with the authority as the only root', async () => {
		const authorized = await new Promise<boolean>((resolve, reject) => {
			const socket = connect({ host: '127.0.0.1', port, servername: 'localhost', ca: [tls.caCert] }, () => {
				resolve(socket.authorized);
				socket.end();
			});
			socket.on('error', reject);
		});
		expect(authorized).toBe(true);
	});

	it('offers the authority for download over both', async () => {
		for (const url of [`https://localhost:${port}${CA_CERT_PATH}`, `http://localhost:${port}${CA_CERT_PATH}`]) {
			const ca = await get(url, tls.caCert);
			expect(ca.headers['content-type'], url).toBe('application/x-x509-ca-cert');
			expect(ca.body, url).toBe(tls.caCert);
		}
	});

	it('tells the app its participant base URLs, uncached, over both', async () => {
		for (const url of [`https://localhost:${port}${SERVER_INFO_PATH}`, `http://127.0.0.1:${port}${SERVER_INFO_PATH}`]) {
			const info = await get(url, tls.caCert);
			expect(info.status, url).toBe(200);
			expect(info.headers['cache-control'], url).toBe('no-store');
			expect(info.headers['content-type'], url).toBe('application/json; charset=utf-8');
			expect(JSON.parse(info.body), url).toEqual({
				version: 1,
				participantBases: [{ label: 'test', url: `http://workshop.test:${port}/` }],
				given: false
			});
		}
	});

	it('runs one signaling instance behind both: a phone on HTTP and a tablet on HTTPS share a room', async () => {
		const phone = await open(`ws://127.0.0.1:${port}/signal`);
		const tablet = await open(`wss://localhost:${port}/signal`, tls.caCert);
		await subscribe(phone, 'room');
		await subscribe(tablet, 'room');
		const received = new Promise<unknown>((resolve) =>
			tablet.once('message', (data) => resolve(JSON.parse(String(data))))
		);
		phone.send(JSON.stringify({ type: 'publish', topic: 'room', data: 'hello' }));
		expect(await received).toEqual({ type: 'publish', topic: 'room', data: 'hello', clients: 2 });
		expect(server.signaling.stats().connections).toBe(2);
		phone.close();
		tablet.close();
	});
});

describe('participant base URLs', () => {
	it('lists none by default, and says when the certificate was given', async () => {
		const root = await mkdtemp(join(tmpdir(), 'kohtaamo-root-'));
		await writeFile(join(root, 'index.html'), '<!doctype html>');
		const own = await ensureLocalAuthority(await mkdtemp(join(tmpdir(), 'kohtaamo-tls-')), ['localhost']);
		const given = { key: own.key, cert: own.cert };
		for (const [tls, expected] of [
			[undefined, false],
			[given, true]
		] as const) {
			const server = createWorkshopServer({ root, log: createLogger({ write: () => {} }), tls });
			const { port } = await server.listen(0, '127.0.0.1');
			try {
				const info = await get(`http://127.0.0.1:${port}${SERVER_INFO_PATH}`);
				expect(JSON.parse(info.body)).toEqual({ version: 1, participantBases: [], given: expected });
			} finally {
				await server.close();
			}
		}
	});
});
