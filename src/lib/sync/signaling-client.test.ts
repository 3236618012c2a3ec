import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { DEFAULT_TUNING, type SyncTuning } from './limits.ts';
import { SignalingClient } from './signaling-client.ts';
import { controlledWebSocket } from './testing/devices.ts';
import { waitFor } from './testing/wait.ts';
import { startServer, type RunningServer } from './testing/workshop-server.ts';
import type { SignalingStatus, SyncLogEvent, WebSocketConstructor } from './types.ts';

const tuning: SyncTuning = {
	...DEFAULT_TUNING,
	reconnectBaseMs: 100,
	reconnectMaxMs: 400,
	signalingPingMs: 500,
	signalingTimeoutMs: 2000
};

interface Probe {
	client: SignalingClient;
	received: unknown[];
	statuses: SignalingStatus[];
	ready: number;
	events: SyncLogEvent[];
}

let server: RunningServer;
const clients: SignalingClient[] = [];

function probe(topic: string, WebSocket: WebSocketConstructor = NodeWebSocket, url = server.url): Probe {
	const p: Probe = {
		received: [],
		statuses: [],
		ready: 0,
		events: [],
		client: undefined as unknown as SignalingClient
	};
	p.client = new SignalingClient({
		url,
		topic,
		WebSocket,
		tuning,
		log: (event) => p.events.push(event),
		onStatus: (status) => p.statuses.push(status),
		onReady: () => p.ready++,
		onPublish: (data) => p.received.push(data),
		onDiscard: () => {}
	});
	clients.push(p.client);
	p.client.start();
	return p;
}

beforeEach(async () => {
	server = await startServer();
});

afterEach(async () => {
	for (const client of clients.splice(0)) client.stop();
	await server.server.close();
});

describe('signaling client', () => {
	it('subscribes, and hears what is published to its topic (its own frames included)', async () => {
		const a = probe('topic-1');
		const b = probe('topic-1');
		const other = probe('topic-2');
		await waitFor(() => a.ready === 1 && b.ready === 1 && other.ready === 1, 'all subscribed');
		// Subscribe and publish travel on one socket in order, so the server has the subscription.
		expect(a.client.publish({ hello: 1 }, { bulk: false })).toBe(true);
		await waitFor(() => a.received.length === 1 && b.received.length === 1, 'frame delivered');
		expect(b.received).toEqual([{ hello: 1 }]);
		expect(other.received).toEqual([]);
		expect(a.statuses).toEqual(['connected']);
	});

	it('paces a burst of frames under the server rate limit, so none is dropped', async () => {
		const sender = probe('burst');
		const listener = probe('burst');
		await waitFor(() => sender.ready === 1 && listener.ready === 1, 'subscribed');
		// 200/s sustained with a burst of 400: sent at once, 600 frames would overrun the server.
		for (let i = 0; i < 600; i++) expect(sender.client.publish({ i }, { bulk: true })).toBe(true);
		const dropped = () => server.log.droppedCounts();
		await waitFor(() => listener.received.length === 600 || dropped().size > 0, 'every frame delivered', 30_000);
		expect([...dropped()]).toEqual([]);
		expect(listener.received.map((frame) => (frame as { i: number }).i)).toEqual(
			Array.from({ length: 600 }, (_, i) => i)
		);
	}, 40_000);

	it('refuses frames too large for the server instead of losing its connection', async () => {
		const a = probe('big');
		await waitFor(() => a.ready === 1, 'subscribed');
		expect(a.client.publish({ blob: 'x'.repeat(300 * 1024) }, { bulk: true })).toBe(false);
		expect(a.events).toContainEqual(expect.objectContaining({ type: 'dropped', reason: 'frame-too-large' }));
		expect(a.client.connected).toBe(true);
	});

	it('reconnects and re-subscribes when the server restarts', async () => {
		const port = server.port;
		const a = probe('restart');
		await waitFor(() => a.ready === 1, 'subscribed');
		await server.server.close();
		await waitFor(() => a.client.status === 'offline', 'offline');
		expect(a.client.publish({ lost: true }, { bulk: false })).toBe(false);
		server = await startServer(port);
		await waitFor(() => a.ready === 2 && a.client.connected, 'reconnected', 10_000);
		const b = probe('restart');
		await waitFor(() => b.ready === 1, 'second client subscribed');
		b.client.publish({ after: 'restart' }, { bulk: false });
		await waitFor(
			() => a.received.some((frame) => (frame as { after?: string }).after === 'restart'),
			'frame after restart'
		);
		expect(a.statuses).toEqual(['connected', 'offline', 'connected']);
	});

	it('replaces a socket that silently stopped answering', async () => {
		const network = controlledWebSocket();
		const a = probe('silent', network.WebSocket);
		await waitFor(() => a.ready === 1, 'subscribed');
		network.cut(false);
		await waitFor(() => a.ready === 2, 'a fresh socket after the ping timeout', 8_000);
		expect(a.events).toContainEqual(
			expect.objectContaining({ type: 'signaling', status: 'offline', detail: 'no answer from server' })
		);
	});

	it('keeps retrying with backoff while the server is unreachable, without throwing', async () => {
		const a = probe('nowhere', NodeWebSocket, 'ws://127.0.0.1:1/signal');
		await waitFor(
			() => a.events.filter((e) => e.type === 'signaling' && e.status === 'offline').length >= 3,
			'three failed attempts'
		);
		expect(a.client.status).toBe('offline');
		expect(a.events.some((e) => e.type === 'error')).toBe(false);
	});
});
