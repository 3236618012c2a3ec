import { describe, expect, it } from 'vitest';
import { randomPeerId } from './bytes.ts';
import { encodeRoomMessage, parseEnvelope, parseRoomMessage, type RoomMessage } from './room-messages.ts';

const a = randomPeerId();
const b = randomPeerId();

describe('envelope parsing', () => {
	it('accepts what we send', () => {
		expect(parseEnvelope({ v: 1, from: a, c: 'AAAA' }, 1000)).toEqual({ v: 1, from: a, c: 'AAAA' });
		expect(parseEnvelope({ v: 1, from: a, to: [b], seq: [3], c: 'AAAA' }, 1000)).toEqual({
			v: 1,
			from: a,
			to: [b],
			seq: [3],
			c: 'AAAA'
		});
	});

	it.each([
		['not an object', 'hello'],
		['null', null],
		['an array', [1, 2]],
		['another version', { v: 2, from: a, c: 'AAAA' }],
		['a malformed sender', { v: 1, from: 'alice', c: 'AAAA' }],
		['no ciphertext', { v: 1, from: a }],
		['empty ciphertext', { v: 1, from: a, c: '' }],
		['oversized ciphertext', { v: 1, from: a, c: 'A'.repeat(1001) }],
		['recipients not a list', { v: 1, from: a, to: b, c: 'AAAA' }],
		['an empty recipient list', { v: 1, from: a, to: [], c: 'AAAA' }],
		['a malformed recipient', { v: 1, from: a, to: ['x'], c: 'AAAA' }],
		['duplicate recipients', { v: 1, from: a, to: [b, b], c: 'AAAA' }],
		['too many recipients', { v: 1, from: a, to: Array.from({ length: 300 }, randomPeerId), c: 'AAAA' }],
		['sequence numbers without recipients', { v: 1, from: a, seq: [1], c: 'AAAA' }],
		['sequence numbers of the wrong length', { v: 1, from: a, to: [b], seq: [1, 2], c: 'AAAA' }],
		['a negative sequence number', { v: 1, from: a, to: [b], seq: [-1], c: 'AAAA' }],
		['a fractional sequence number', { v: 1, from: a, to: [b], seq: [1.5], c: 'AAAA' }]
	])('refuses %s', (_name, data) => {
		expect(parseEnvelope(data, 1000)).toBeNull();
	});
});

describe('room messages', () => {
	it.each<[string, RoomMessage]>([
		['announce', { kind: 'announce', clientId: 123456, rtc: true }],
		['leave', { kind: 'leave' }],
		['offer', { kind: 'signal', signal: { attempt: 3, description: { type: 'offer', sdp: 'v=0\r\n' } } }],
		[
			'candidate',
			{
				kind: 'signal',
				signal: {
					attempt: 3,
					candidate: { candidate: 'candidate:1 1 udp 1 1.2.3.4 5 typ host', sdpMid: '0', sdpMLineIndex: 0 }
				}
			}
		],
		['hangup', { kind: 'signal', signal: { attempt: 4, hangup: true } }],
		['relay', { kind: 'relay', chunk: new Uint8Array([1, 2, 3]) }]
	])('round-trips %s', (_name, message) => {
		expect(parseRoomMessage(encodeRoomMessage(message))).toEqual(message);
	});

	const json = (kind: number, value: unknown) => {
		const body = new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
		const out = new Uint8Array(body.length + 1);
		out[0] = kind;
		out.set(body, 1);
		return out;
	};

	it.each([
		['empty', new Uint8Array(0)],
		['an unknown kind', new Uint8Array([99, 1])],
		['announce that is not JSON', json(1, '{nope')],
		['announce that is not UTF-8', new Uint8Array([1, 0xff, 0xfe])],
		['announce without a client id', json(1, { r: true })],
		['announce with a negative client id', json(1, { c: -1, r: true })],
		['leave with a body', new Uint8Array([2, 0])],
		['signal without an attempt', json(3, { d: { type: 'offer', sdp: '' } })],
		['signal with an unknown description type', json(3, { a: 1, d: { type: 'pranswer', sdp: '' } })],
		['signal with a huge SDP', json(3, { a: 1, d: { type: 'offer', sdp: 'x'.repeat(70_000) } })],
		['signal with a candidate that is not a string', json(3, { a: 1, i: { candidate: 5 } })],
		['signal with a strange hangup', json(3, { a: 1, h: 'yes' })],
		['relay without a chunk', new Uint8Array([4])]
	])('refuses %s', (_name, bytes) => {
		expect(parseRoomMessage(bytes)).toBeNull();
	});
});

describe('room messages from browsers', () => {
	it('reads a candidate’s null fields (as browsers write them) as absent', () => {
		const body = new TextEncoder().encode(
			JSON.stringify({ a: 2, i: { candidate: 'candidate:1', sdpMid: null, sdpMLineIndex: 1, usernameFragment: null } })
		);
		const bytes = new Uint8Array(body.length + 1);
		bytes[0] = 3;
		bytes.set(body, 1);
		expect(parseRoomMessage(bytes)).toEqual({
			kind: 'signal',
			signal: { attempt: 2, candidate: { candidate: 'candidate:1', sdpMLineIndex: 1 } }
		});
	});

	it('keeps only the routing of an envelope, whatever else a frame carries', () => {
		expect(parseEnvelope({ v: 1, from: a, c: 'AAAA', note: 'x' }, 1000)).toEqual({ v: 1, from: a, c: 'AAAA' });
	});
});
