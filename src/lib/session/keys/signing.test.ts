import { describe, expect, it } from 'vitest';
import {
	canonicalBytes,
	canonicalJson,
	fromBase64Url,
	generateSigningKey,
	publicKeyOf,
	PUBLIC_KEY_BYTES,
	sign,
	SIGNATURE_BYTES,
	toBase64Url,
	verify,
	verifySync,
	type SigningImplementation
} from './signing';

const hex = (text: string) => Uint8Array.from(text.match(/../g) ?? [], (b) => parseInt(b, 16));
const bytes = (text: string) => new TextEncoder().encode(text);
const both: SigningImplementation[] = ['webcrypto', 'javascript'];

// RFC 6979, appendix A.2.5 (P-256, SHA-256, message "sample").
const VECTOR = {
	privateKey: hex('C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721'),
	publicKey: hex(
		'04' +
			'60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6' +
			'7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299'
	),
	message: bytes('sample'),
	signature: hex(
		'EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716' +
			'F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8'
	)
};

describe('the published test vector', () => {
	it('derives the vector public key from its private key', () => {
		expect(publicKeyOf(VECTOR.privateKey)).toEqual(VECTOR.publicKey);
	});

	it.each(both)('verifies the vector signature with %s', async (implementation) => {
		expect(await verify(VECTOR.publicKey, VECTOR.message, VECTOR.signature, implementation)).toBe(true);
		expect(await verify(VECTOR.publicKey, bytes('samplf'), VECTOR.signature, implementation)).toBe(false);
	});
});

describe.each(both.flatMap((signer) => both.map((verifier) => [signer, verifier] as const)))(
	'signed with %s, verified with %s',
	(signer, verifier) => {
		it('accepts the signature and rejects every tampering', async () => {
			const keys = await generateSigningKey(signer);
			expect(keys.publicKey.length).toBe(PUBLIC_KEY_BYTES);
			expect(publicKeyOf(keys.privateKey)).toEqual(keys.publicKey);
			const message = canonicalBytes({ seq: 3, state: { phase: 'vote' } });
			const signature = await sign(keys.privateKey, message, signer);
			expect(signature.length).toBe(SIGNATURE_BYTES);
			expect(await verify(keys.publicKey, message, signature, verifier)).toBe(true);
			expect(verifySync(keys.publicKey, message, signature)).toBe(true);

			const changedMessage = canonicalBytes({ seq: 4, state: { phase: 'vote' } });
			expect(await verify(keys.publicKey, changedMessage, signature, verifier)).toBe(false);
			const flipped = Uint8Array.from(signature);
			flipped[10] ^= 1;
			expect(await verify(keys.publicKey, message, flipped, verifier)).toBe(false);
			const other = await generateSigningKey(verifier);
			expect(await verify(other.publicKey, message, signature, verifier)).toBe(false);
			expect(await verify(keys.publicKey, message, signature.subarray(0, 63), verifier)).toBe(false);
			expect(await verify(keys.publicKey.subarray(0, 33), message, signature, verifier)).toBe(false);
			const offCurve = Uint8Array.from(keys.publicKey);
			offCurve[40] ^= 1;
			expect(await verify(offCurve, message, signature, verifier)).toBe(false);
		});
	}
);

describe('canonical bytes', () => {
	it('does not depend on the order fields were set in', () => {
		expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: null } })).toBe('{"a":{"c":null,"d":[1,"x"]},"b":1}');
		expect(canonicalBytes({ b: 1, a: 2 })).toEqual(canonicalBytes({ a: 2, b: 1 }));
		expect(canonicalJson({ a: undefined, b: 'ä' })).toBe('{"b":"ä"}');
	});

	it.each([NaN, Infinity, () => 1, 10n])('refuses %s', (value) => {
		expect(() => canonicalBytes({ value })).toThrow();
	});
});

describe('base64url', () => {
	it('round-trips bytes and rejects other text', () => {
		const data = Uint8Array.from({ length: 65 }, (_, i) => (i * 37) & 255);
		expect(fromBase64Url(toBase64Url(data))).toEqual(data);
		expect(toBase64Url(data)).toMatch(/^[A-Za-z0-9_-]+$/);
		expect(fromBase64Url('a+b/').length).toBe(0);
		expect(fromBase64Url('a').length).toBe(0);
	});
});
