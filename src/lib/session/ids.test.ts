import { afterEach, describe, expect, it, vi } from 'vitest';
import { newId, newRoomKey, randomToken } from './ids.ts';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('ids', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('makes version 4 UUIDs without crypto.randomUUID (missing on plain-HTTP pages)', () => {
		const real = globalThis.crypto;
		// What a page at http://192.168.x.x sees: getRandomValues, but no randomUUID and no subtle.
		vi.stubGlobal('crypto', { getRandomValues: real.getRandomValues.bind(real) });
		const ids = Array.from({ length: 2000 }, newId);
		for (const id of ids) expect(id).toMatch(UUID_V4);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('sets the version and variant bits whatever the random bytes are', () => {
		for (const fill of [0x00, 0xff]) {
			vi.stubGlobal('crypto', { getRandomValues: (a: Uint8Array) => a.fill(fill) });
			expect(newId()).toMatch(UUID_V4);
		}
	});

	it('makes URL-safe room names and secrets of the promised strength', () => {
		const { name, secret } = newRoomKey();
		expect(name).toMatch(/^[A-Za-z0-9_-]{22}$/); // 16 bytes
		expect(secret).toMatch(/^[A-Za-z0-9_-]{32}$/); // 24 bytes
		expect(randomToken(3)).toMatch(/^[A-Za-z0-9_-]{4}$/);
	});
});
