import { describe, expect, it } from 'vitest';
import { deriveRoomKey, open, seal } from './room-crypto.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const context = bytes('["kohtaamo-sync",1,"room","from",null,null]');

describe('room crypto', () => {
	it('round-trips a message under the key derived from the same secret and room', async () => {
		const sender = await deriveRoomKey('s3cret', 'room-a');
		const receiver = await deriveRoomKey('s3cret', 'room-a');
		const sealed = await seal(sender, bytes('Kahvila-muistiinpano'), context);
		expect(new TextDecoder().decode((await open(receiver, sealed, context)) ?? new Uint8Array())).toBe(
			'Kahvila-muistiinpano'
		);
	});

	it('does not leave the plaintext readable in what it sends', async () => {
		const key = await deriveRoomKey('s3cret', 'room-a');
		const sealed = await seal(key, bytes('Kahvila-muistiinpano'), context);
		expect(Buffer.from(sealed).toString('latin1')).not.toContain('Kahvila');
		// A fresh IV each time: the same message never seals to the same bytes.
		expect(Buffer.from(await seal(key, bytes('Kahvila-muistiinpano'), context))).not.toEqual(Buffer.from(sealed));
	});

	it.each([
		['a wrong secret', 'wrong', 'room-a', context],
		['another room (salt)', 's3cret', 'room-b', context],
		['another context (re-addressed frame)', 's3cret', 'room-a', bytes('["kohtaamo-sync",1,"room","other",null,null]')]
	])('refuses %s', async (_case, secret, room, openContext) => {
		const sealed = await seal(await deriveRoomKey('s3cret', 'room-a'), bytes('note'), context);
		expect(await open(await deriveRoomKey(secret, room), sealed, openContext)).toBeNull();
	});

	it('refuses tampered, truncated and random input', async () => {
		const key = await deriveRoomKey('s3cret', 'room-a');
		const sealed = await seal(key, bytes('note'), context);
		const tampered = sealed.slice();
		tampered[20] ^= 1;
		expect(await open(key, tampered, context)).toBeNull();
		expect(await open(key, sealed.slice(0, 27), context)).toBeNull();
		expect(await open(key, new Uint8Array(0), context)).toBeNull();
		expect(await open(key, crypto.getRandomValues(new Uint8Array(200)), context)).toBeNull();
	});
});
