import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from './limits.ts';
import { parseClientMessage } from './signaling-protocol.ts';

const parse = (value: unknown) =>
	parseClientMessage(typeof value === 'string' ? value : JSON.stringify(value), DEFAULT_LIMITS);

describe('parseClientMessage', () => {
	it.each([
		[
			{ type: 'subscribe', topics: ['a', 'b'] },
			{ type: 'subscribe', topics: ['a', 'b'] }
		],
		[
			{ type: 'unsubscribe', topics: ['a'] },
			{ type: 'unsubscribe', topics: ['a'] }
		],
		[
			{ type: 'publish', topic: 'a', data: { x: 1 } },
			{ type: 'publish', topic: 'a', data: { x: 1 } }
		],
		[
			{ type: 'publish', topic: 'a', data: null },
			{ type: 'publish', topic: 'a', data: null }
		],
		[{ type: 'ping' }, { type: 'ping' }]
	])('accepts %j', (input, message) => {
		expect(parse(input)).toEqual({ ok: true, message });
	});

	it.each([
		['{', 'frame is not JSON'],
		['null', 'frame has no message type'],
		['[1,2]', 'frame has no message type'],
		[{ type: 7 }, 'frame has no message type'],
		[{ type: 'shout' }, 'unknown message type'],
		[{ type: 'subscribe', topics: 'a' }, 'topics is not a list'],
		[{ type: 'subscribe', topics: [''] }, 'topic is not a non-empty string'],
		[{ type: 'subscribe', topics: [1] }, 'topic is not a non-empty string'],
		[{ type: 'subscribe', topics: ['x'.repeat(129)] }, 'topic name too long'],
		[{ type: 'subscribe', topics: Array.from({ length: 17 }, (_, i) => `t${i}`) }, 'too many topics in one message'],
		[{ type: 'publish', topic: 'a' }, 'publish without data'],
		[{ type: 'publish', data: 1 }, 'topic is not a non-empty string']
	])('refuses %j: %s', (input, reason) => {
		expect(parse(input)).toEqual({ ok: false, reason });
	});
});

describe('parseClientMessage under other limits', () => {
	it('holds each set of limits to its own bounds', () => {
		const strict = { ...DEFAULT_LIMITS, maxTopicLength: 4, maxTopicsPerConnection: 1 };
		const frame = (value: unknown) => JSON.stringify(value);
		expect(parseClientMessage(frame({ type: 'subscribe', topics: ['abcde'] }), strict)).toEqual({
			ok: false,
			reason: 'topic name too long'
		});
		expect(parseClientMessage(frame({ type: 'subscribe', topics: ['a', 'b'] }), strict)).toEqual({
			ok: false,
			reason: 'too many topics in one message'
		});
		expect(parseClientMessage(frame({ type: 'subscribe', topics: ['abcde'] }), DEFAULT_LIMITS).ok).toBe(true);
	});

	it('keeps only the fields of the message', () => {
		expect(parseClientMessage(JSON.stringify({ type: 'ping', extra: 'x'.repeat(10) }), DEFAULT_LIMITS)).toEqual({
			ok: true,
			message: { type: 'ping' }
		});
	});
});
