/**
 * The wire's part of the compatibility policy (README.md, "Compatibility"; the board README has
 * the whole table): a device of another wire version is never misread — its frames are refused
 * and logged — and a kind of message this version does not know is refused the same way, so a
 * later version may add kinds without breaking older devices.
 */
import { describe, expect, it } from 'vitest';
import { randomPeerId } from './bytes.ts';
import { encodeRoomMessage, ENVELOPE_VERSION, parseEnvelope, parseRoomMessage } from './room-messages.ts';
import { encodeControl, parsePeerMessage } from './sync-protocol.ts';

const from = randomPeerId();

describe('mixed wire versions in one room', () => {
	it.each([
		['an older device', ENVELOPE_VERSION - 1],
		['a newer device', ENVELOPE_VERSION + 1],
		['a version written as text', String(ENVELOPE_VERSION)]
	])('refuses the frames of %s', (_who, v) => {
		expect(parseEnvelope({ v, from, c: 'AAAA' }, 1000)).toBeNull();
		// The same frame in this version's envelope is accepted: only the version differs.
		expect(parseEnvelope({ v: ENVELOPE_VERSION, from, c: 'AAAA' }, 1000)).not.toBeNull();
	});

	it('refuses a peer message of a kind this version does not know, and still reads the kinds it does', () => {
		for (const kind of [5, 6, 127, 255]) expect(parsePeerMessage(new Uint8Array([kind]))).toBeNull();
		expect(parsePeerMessage(encodeControl('ping'))).toEqual({ kind: 'ping' });
	});

	it('refuses a sealed room message of an unknown kind, and still reads the kinds it does', () => {
		const leave = encodeRoomMessage({ kind: 'leave' });
		expect(parseRoomMessage(leave)).toEqual({ kind: 'leave' });
		const unknown = new Uint8Array(leave);
		unknown[0] = 9;
		expect(parseRoomMessage(unknown)).toBeNull();
	});
});
