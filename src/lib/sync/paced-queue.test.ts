import { describe, expect, it } from 'vitest';
import { PacedQueue, type PaceLimits } from './paced-queue.ts';

const limits: PaceLimits = {
	messagesPerSecond: 100,
	messageBurst: 10,
	bytesPerSecond: 10_000,
	byteBurst: 5_000,
	maxQueuedBytes: 20_000,
	maxControlFrames: 5
};

/** Drains the queue with a simulated clock; returns [frame text, send time] in order. */
function drain(queue: PacedQueue, start = 0): [string, number][] {
	const sent: [string, number][] = [];
	let now = start;
	for (;;) {
		const next = queue.take(now);
		if (next === null) return sent;
		if (typeof next === 'number') now += next;
		else sent.push([next.text, now]);
	}
}

describe('paced queue', () => {
	it('sends control frames before bulk frames', () => {
		const queue = new PacedQueue(limits, 0);
		queue.push({ text: 'bulk-1', bulk: true });
		queue.push({ text: 'control-1', bulk: false });
		queue.push({ text: 'bulk-2', bulk: true });
		queue.push({ text: 'control-2', bulk: false });
		expect(drain(queue).map(([text]) => text)).toEqual(['control-1', 'control-2', 'bulk-1', 'bulk-2']);
	});

	it('never exceeds the message rate over any second', () => {
		const queue = new PacedQueue(limits, 0);
		for (let i = 0; i < 300; i++) queue.push({ text: 'x', bulk: true });
		const times = drain(queue).map(([, at]) => at);
		expect(times).toHaveLength(300);
		for (let i = 0; i < times.length; i++) {
			const inWindow = times.filter((t) => t >= times[i] && t < times[i] + 1000).length;
			expect(inWindow).toBeLessThanOrEqual(limits.messagesPerSecond + limits.messageBurst);
		}
	});

	it('paces bytes: 40 kB at 10 kB/s with a 5 kB burst takes about 3.5 s', () => {
		const queue = new PacedQueue({ ...limits, maxQueuedBytes: 100_000 }, 0);
		for (let i = 0; i < 40; i++) queue.push({ text: 'y'.repeat(1000), bulk: true });
		const times = drain(queue).map(([, at]) => at);
		expect(times.at(-1)).toBeGreaterThanOrEqual(3400);
		expect(times.at(-1)).toBeLessThanOrEqual(3700);
	});

	it('refuses pushes beyond its bounds and returns what it held when cleared', () => {
		const queue = new PacedQueue(limits, 0);
		expect(queue.push({ text: 'z'.repeat(15_000), bulk: true })).toBe(true);
		expect(queue.push({ text: 'z'.repeat(6_000), bulk: true })).toBe(false);
		for (let i = 0; i < 5; i++) expect(queue.push({ text: 'c', bulk: false })).toBe(true);
		expect(queue.push({ text: 'c', bulk: false })).toBe(false);
		expect(queue.clear()).toHaveLength(6);
		expect(queue.size).toBe(0);
		expect(queue.queuedBytes).toBe(0);
	});
});
