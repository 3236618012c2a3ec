import { createServer } from 'vite';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { devSignaling } from './dev-signaling.ts';

const open = (url: string) =>
	new Promise<WebSocket>((resolve, reject) => {
		const socket = new WebSocket(url);
		socket.once('open', () => resolve(socket));
		socket.once('error', reject);
	});

describe('signaling in the Vite dev server', () => {
	it('relays published messages between subscribers on /signal', async () => {
		const server = await createServer({
			configFile: false,
			root: new URL('.', import.meta.url).pathname,
			logLevel: 'silent',
			plugins: [devSignaling()],
			server: { port: 0, host: '127.0.0.1', hmr: false }
		});
		await server.listen();
		const address = server.httpServer!.address();
		const port = typeof address === 'object' && address ? address.port : 0;
		try {
			const [a, b] = await Promise.all([open(`ws://127.0.0.1:${port}/signal`), open(`ws://127.0.0.1:${port}/signal`)]);
			// A pong after the subscribe means the server has handled the subscribe (frames are in order).
			await Promise.all(
				[a, b].map((socket) => {
					const pong = new Promise((resolve) => socket.once('message', resolve));
					socket.send(JSON.stringify({ type: 'subscribe', topics: ['room'] }));
					socket.send(JSON.stringify({ type: 'ping' }));
					return pong;
				})
			);
			const received = new Promise<unknown>((resolve) =>
				b.once('message', (data) => resolve(JSON.parse(data.toString())))
			);
			a.send(JSON.stringify({ type: 'publish', topic: 'room', data: 'hello' }));
			expect(await received).toEqual({ type: 'publish', topic: 'room', data: 'hello', clients: 2 });
			a.close();
			b.close();
		} finally {
			await server.close();
		}
	});
});
