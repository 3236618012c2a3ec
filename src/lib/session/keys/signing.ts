/**
 * Signatures for records in the shared document: ECDSA over P-256 with SHA-256.
 *
 * Why: in a peer-to-peer room every device can write anything into the Yjs document, so authority
 * (the facilitator's control, who owns a note) lives in records that carry their own proof and are
 * checked when read. This module makes and checks those proofs.
 *
 * Two implementations, one wire format. Browsers offer `crypto.subtle` only in secure contexts, and
 * a participant's phone opens the workshop over plain `http://<LAN address>`: there the same
 * algorithm runs in audited pure JavaScript (`@noble/curves`). The wire format is the one both
 * speak natively: a 65-byte uncompressed public key (`04 ‖ x ‖ y`), a 32-byte private scalar, and a
 * 64-byte `r ‖ s` signature; in the document they are base64url text. `signing.test.ts` signs with
 * each and verifies with the other.
 *
 * `verifySync` exists because the board's read path is synchronous (Svelte derivations and the
 * commands read the document directly); it uses the JavaScript implementation and callers cache
 * the answer per record (see `board/authority.ts`).
 */
import { p256 } from '@noble/curves/nist.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { fromBase64Url, isPublicKeyShape, toBase64Url } from './key-text';

// The text forms live in key-text.ts (the join page needs them without P-256); kept exported here.
export { fromBase64Url, isPublicKeyText, PUBLIC_KEY_BYTES, toBase64Url } from './key-text';

export type SigningImplementation = 'webcrypto' | 'javascript';

export const PRIVATE_KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;

export interface SigningKeyPair {
	publicKey: Uint8Array;
	privateKey: Uint8Array;
}

/** What this page can use: WebCrypto where the browser offers it, JavaScript elsewhere. */
export function availableSigningImplementation(): SigningImplementation {
	return globalThis.crypto?.subtle ? 'webcrypto' : 'javascript';
}

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN_PARAMS = { name: 'ECDSA', hash: 'SHA-256' } as const;

const buffer = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

/** A key pair as text, for storage and the backup file. */
export async function generateStoredKey(): Promise<{ publicKey: string; privateKey: string }> {
	const pair = await generateSigningKey();
	return { publicKey: toBase64Url(pair.publicKey), privateKey: toBase64Url(pair.privateKey) };
}

/** A new key pair. The private half is extractable only so it can be stored with the session. */
export async function generateSigningKey(implementation = availableSigningImplementation()): Promise<SigningKeyPair> {
	if (implementation === 'javascript') {
		const privateKey = p256.utils.randomSecretKey();
		return { privateKey, publicKey: p256.getPublicKey(privateKey, false) };
	}
	const subtle = globalThis.crypto.subtle;
	const pair = await subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
	const publicKey = new Uint8Array(await subtle.exportKey('raw', pair.publicKey));
	const jwk = await subtle.exportKey('jwk', pair.privateKey);
	return { publicKey, privateKey: fromBase64Url(jwk.d ?? '') };
}

/** The public half of a private key (the same in both implementations). */
export function publicKeyOf(privateKey: Uint8Array): Uint8Array {
	return p256.getPublicKey(privateKey, false);
}

/** A P-256 private key as WebCrypto imports it: a JWK needs the public point (x, y) beside d.
 * Signing (ECDSA) and sealing (ECDH) import their keys through this one function. */
export function privateJwk(privateKey: Uint8Array): JsonWebKey {
	const publicKey = publicKeyOf(privateKey);
	return {
		kty: 'EC',
		crv: 'P-256',
		d: toBase64Url(privateKey),
		x: toBase64Url(publicKey.subarray(1, 33)),
		y: toBase64Url(publicKey.subarray(33, 65)),
		ext: false
	};
}

export async function sign(
	privateKey: Uint8Array,
	message: Uint8Array,
	implementation = availableSigningImplementation()
): Promise<Uint8Array> {
	if (privateKey.length !== PRIVATE_KEY_BYTES) throw new Error('A signing key is 32 bytes.');
	if (implementation === 'javascript') return p256.sign(message, privateKey, { prehash: true });
	const subtle = globalThis.crypto.subtle;
	const key = await subtle.importKey('jwk', privateJwk(privateKey), ALGORITHM, false, ['sign']);
	return new Uint8Array(await subtle.sign(SIGN_PARAMS, key, buffer(message)));
}

/**
 * Whether `signature` is the key's signature of `message`. Anything malformed is simply false.
 * High-S signatures are accepted: WebCrypto makes them, and a record's meaning does not depend on
 * which of the two equivalent signatures it carries.
 */
export function verifySync(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
	if (!isPublicKeyShape(publicKey) || signature.length !== SIGNATURE_BYTES) return false;
	try {
		return p256.verify(signature, message, publicKey, { prehash: true, lowS: false });
	} catch {
		return false;
	}
}

export async function verify(
	publicKey: Uint8Array,
	message: Uint8Array,
	signature: Uint8Array,
	implementation = availableSigningImplementation()
): Promise<boolean> {
	if (!isPublicKeyShape(publicKey) || signature.length !== SIGNATURE_BYTES) return false;
	if (implementation === 'javascript') return verifySync(publicKey, message, signature);
	const subtle = globalThis.crypto.subtle;
	try {
		const key = await subtle.importKey('raw', buffer(publicKey), ALGORITHM, false, ['verify']);
		return await subtle.verify(SIGN_PARAMS, key, buffer(signature), buffer(message));
	} catch {
		// Not a point on the curve.
		return false;
	}
}

/**
 * The bytes a JSON record is signed as: keys sorted at every level, no spaces, UTF-8. Two devices
 * that build the same record get the same bytes whatever order they set its fields in. Values that
 * JSON cannot carry faithfully (undefined, functions, NaN, Infinity) are refused rather than
 * silently changed, so a signed record always means what was signed.
 */
export function canonicalBytes(value: unknown): Uint8Array {
	return new TextEncoder().encode(canonicalJson(value));
}

export function canonicalJson(value: unknown): string {
	if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new Error('Only finite numbers can be signed.');
		return JSON.stringify(value);
	}
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
	}
	throw new Error(`A ${typeof value} cannot be signed.`);
}

/**
 * A key pair derived from a secret and a label (HMAC-SHA-512, reduced onto the curve), made
 * synchronously in JavaScript. Notes use it: each note's key is derived from this device's secret
 * and the note's id, so the device keeps no per-note secret, while the public halves of one
 * device's notes look unrelated to anyone without the secret (no link between a person's notes).
 */
export function deriveSigningKey(secret: Uint8Array, label: string): SigningKeyPair {
	const seed = hmac(sha512, secret, new TextEncoder().encode(label)).subarray(0, p256.lengths.seed);
	const privateKey = p256.utils.randomSecretKey(seed);
	return { privateKey, publicKey: p256.getPublicKey(privateKey, false) };
}

/** A signature made synchronously in JavaScript (board commands are synchronous). Same format. */
export function signSync(privateKey: Uint8Array, message: Uint8Array): Uint8Array {
	return p256.sign(message, privateKey, { prehash: true });
}
