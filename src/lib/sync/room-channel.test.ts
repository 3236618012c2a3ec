import { describe, expect, it } from 'vitest';
import { randomPeerId } from './bytes.ts';
import { DEFAULT_TUNING } from './limits.ts';
import { RoomChannel, type Publisher } from './room-channel.ts';
import { deriveRoomKey } from './room-crypto.ts';
import { MAX_RECIPIENTS } from './room-messages.ts';
import { waitFor } from './testing/wait.ts';

/** Two channels wired through an in-memory "server" that can lose or replay frames. */
async function pair() {
	const key = await deriveRoomKey('secret', 'room');
	const published: unknown[] = [];
	const publisher: Publisher = {
		connected: true,
		queuedBytes: 0,
		publish: (data) => (published.push(data), true)
	};
	const received: { from: string; size: number; recipients: readonly string[] }[] = [];
	const gaps: string[] = [];
	const drops: string[] = [];
	const make = (selfId: string) =>
		new RoomChannel({
			room: 'room',
			selfId,
			key,
			publisher,
			tuning: DEFAULT_TUNING,
			log: (event) => event.type === 'dropped' && drops.push(event.reason),
			onMessage: () => {},
			onRelayed: (from, payload, recipients) => received.push({ from, size: payload.length, recipients }),
			onHeard: () => {},
			onProgress: () => {},
			onGap: (from) => gaps.push(from),
			onUndelivered: () => {}
		});
	const senderId = randomPeerId();
	const receiverId = randomPeerId();
	return { sender: make(senderId), receiver: make(receiverId), senderId, receiverId, published, received, gaps, drops };
}

describe('room channel relay', () => {
	it('publishes a message once for several recipients, in chunks, and reassembles it', async () => {
		const { sender, receiver, receiverId, published, received } = await pair();
		const others = [randomPeerId(), randomPeerId()];
		expect(sender.relay(new Uint8Array(200_000), [receiverId, ...others])).toBe(true);
		await waitFor(() => published.length === 4, 'sealed');
		for (const frame of published) receiver.receive(frame);
		await waitFor(() => received.length === 1, 'reassembled');
		expect(received[0].size).toBe(200_000);
		expect(received[0].recipients).toEqual([receiverId, ...others]);
	});

	it('refuses a replayed frame and reports a lost one', async () => {
		const { sender, receiver, senderId, receiverId, published, received, gaps, drops } = await pair();
		for (let i = 0; i < 3; i++) sender.relay(new Uint8Array([i]), [receiverId]);
		await waitFor(() => published.length === 3, 'sealed');
		receiver.receive(published[0]);
		receiver.receive(published[0]);
		receiver.receive(published[2]);
		await waitFor(() => received.length === 2 && drops.length === 1, 'handled');
		expect(drops).toEqual(['replayed']);
		expect(gaps).toEqual([senderId]);
	});

	it('sends and opens a small message at once, without waiting for another task', async () => {
		const { sender, receiver, receiverId, published, received } = await pair();
		expect(sender.relay(new Uint8Array(300), [receiverId])).toBe(true);
		expect(published).toHaveLength(1);
		receiver.receive(published[0]);
		expect(received).toEqual([{ from: expect.any(String), size: 300, recipients: [receiverId] }]);
	});

	it('keeps the order of a small message sent while a large one is still being sealed, and received behind it', async () => {
		const { sender, receiver, receiverId, published, received, gaps, drops } = await pair();
		sender.relay(new Uint8Array(100_000), [receiverId]);
		sender.relay(new Uint8Array(10), [receiverId]);
		await waitFor(() => published.length === 3, 'sealed');
		for (const frame of published) receiver.receive(frame);
		await waitFor(() => received.length === 2, 'delivered');
		expect(received.map((r) => r.size)).toEqual([100_000, 10]);
		expect(gaps).toEqual([]);
		expect(drops).toEqual([]);
	});

	it('splits a very large room into frames the receivers accept', async () => {
		const { sender, receiver, receiverId, published, received } = await pair();
		const everyone = [...Array.from({ length: MAX_RECIPIENTS + 10 }, randomPeerId), receiverId];
		expect(sender.relay(new Uint8Array(10), everyone)).toBe(true);
		await waitFor(() => published.length === 2, 'two batches');
		for (const frame of published) receiver.receive(frame);
		await waitFor(() => received.length === 1, 'delivered to the recipient in the second batch');
	});
});
