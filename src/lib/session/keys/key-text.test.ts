import { describe, expect, it } from 'vitest';
import { fromBase64Url, isPublicKeyShape, isPublicKeyText, PUBLIC_KEY_BYTES, toBase64Url } from './key-text';
import { generateSigningKey } from './signing';

const point = (first: number, length = PUBLIC_KEY_BYTES) =>
	Uint8Array.from({ length }, (_, i) => (i === 0 ? first : i));

describe('keys as text', () => {
	it('round-trips bytes through base64url, and refuses other alphabets', () => {
		const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
		expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
		expect(toBase64Url(bytes)).toMatch(/^[A-Za-z0-9_-]+$/);
		expect(fromBase64Url('a+b/')).toEqual(new Uint8Array());
		expect(fromBase64Url('a')).toEqual(new Uint8Array());
	});

	it.each([
		['an uncompressed point', point(4), true],
		['a compressed point', point(2, 33), false],
		['65 bytes without the 04 prefix', point(3), false],
		['64 bytes', point(4, 64), false]
	])('%s has the shape of a public key: %s', (_, key, shape) => {
		expect(isPublicKeyShape(key)).toBe(shape);
		expect(isPublicKeyText(toBase64Url(key))).toBe(shape);
	});

	it('accepts a real public key, and no text that is not base64url', async () => {
		const { publicKey } = await generateSigningKey('javascript');
		expect(isPublicKeyText(toBase64Url(publicKey))).toBe(true);
		expect(isPublicKeyText(`${toBase64Url(publicKey).slice(0, 86)}+`)).toBe(false);
	});
});
