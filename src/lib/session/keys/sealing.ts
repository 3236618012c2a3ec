/**
 * Sealing text to a public key: ECDH over P-256, HKDF-SHA-256, AES-256-GCM (an ECIES).
 *
 * Why: private notes, notes waiting for moderation and unrevealed ballots travel to every device
 * (so a reveal works while the writer's phone sleeps), and a participant with developer tools can
 * read anything their device stores. Sealing makes what travels unreadable until the facilitator
 * publishes the key that opens it (see `board/sealing-keys.ts`).
 *
 * Two implementations, one format, as in `signing.ts`: WebCrypto where the page is a secure
 * context, audited pure JavaScript (`@noble/curves`, `@noble/hashes`, `@noble/ciphers`) on a phone
 * at `http://<LAN address>`. `sealing.test.ts` seals with each and opens with the other.
 *
 * The envelope is `ephemeral public key (65) ‖ IV (12) ‖ ciphertext ‖ tag (16)`. The AES key is
 * HKDF-SHA-256 of the ECDH x-coordinate, with info `kohtaamo/seal/v1 ‖ ephemeral ‖ recipient`, so
 * the key is bound to both public keys. `context` (the note's id, say) is the GCM additional data:
 * a sealed text copied to another note does not open there.
 *
 * ECDH is symmetric, so the sender can open its own envelope again with the ephemeral private key
 * (`openAsSender`): a writer whose ephemeral key is derived from its device secret reads its own
 * sealed note without keeping the plaintext anywhere.
 *
 * The synchronous functions use the JavaScript implementation: the board's commands and reads are
 * synchronous (see `board/authority.ts`, "Synchronous reads").
 */
import { p256 } from '@noble/curves/nist.js';
import { gcm } from '@noble/ciphers/aes.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import {
	PRIVATE_KEY_BYTES,
	PUBLIC_KEY_BYTES,
	privateJwk,
	publicKeyOf,
	toBase64Url,
	type SigningImplementation
} from './signing';

export type SealingImplementation = SigningImplementation;

export const IV_BYTES = 12;
export const TAG_BYTES = 16;
const AES_KEY_BYTES = 32;
const INFO = new TextEncoder().encode('kohtaamo/seal/v1');

export function availableSealingImplementation(): SealingImplementation {
	return globalThis.crypto?.subtle ? 'webcrypto' : 'javascript';
}

export interface SealOptions {
	/** The sender's ephemeral private key; random unless given (derived, to open it again later). */
	ephemeral?: Uint8Array;
	/** The IV; random unless given (test vectors only). */
	iv?: Uint8Array;
	/** Bound into the ciphertext: opening needs the same context. */
	context?: Uint8Array;
}

const buffer = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);
const isPublicKey = (key: Uint8Array) => key.length === PUBLIC_KEY_BYTES && key[0] === 4;

function info(ephemeral: Uint8Array, recipient: Uint8Array): Uint8Array {
	const out = new Uint8Array(INFO.length + 2 * PUBLIC_KEY_BYTES);
	out.set(INFO, 0);
	out.set(ephemeral, INFO.length);
	out.set(recipient, INFO.length + PUBLIC_KEY_BYTES);
	return out;
}

function envelope(ephemeral: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): Uint8Array {
	const out = new Uint8Array(PUBLIC_KEY_BYTES + IV_BYTES + ciphertext.length);
	out.set(ephemeral, 0);
	out.set(iv, PUBLIC_KEY_BYTES);
	out.set(ciphertext, PUBLIC_KEY_BYTES + IV_BYTES);
	return out;
}

interface Parts {
	ephemeral: Uint8Array;
	iv: Uint8Array;
	ciphertext: Uint8Array;
}

function parts(sealed: Uint8Array): Parts | null {
	if (sealed.length < PUBLIC_KEY_BYTES + IV_BYTES + TAG_BYTES) return null;
	const ephemeral = sealed.subarray(0, PUBLIC_KEY_BYTES);
	if (!isPublicKey(ephemeral)) return null;
	return {
		ephemeral,
		iv: sealed.subarray(PUBLIC_KEY_BYTES, PUBLIC_KEY_BYTES + IV_BYTES),
		ciphertext: sealed.subarray(PUBLIC_KEY_BYTES + IV_BYTES)
	};
}

// JavaScript ------------------------------------------------------------------------------------

function jsKey(privateKey: Uint8Array, peer: Uint8Array, ephemeral: Uint8Array, recipient: Uint8Array) {
	const shared = p256.getSharedSecret(privateKey, peer, true).subarray(1);
	return hkdf(sha256, shared, new Uint8Array(), info(ephemeral, recipient), AES_KEY_BYTES);
}

/** Seals synchronously in JavaScript. Throws on a malformed recipient key (a caller's mistake). */
export function sealSync(recipient: Uint8Array, plaintext: Uint8Array, options: SealOptions = {}): Uint8Array {
	if (!isPublicKey(recipient)) throw new Error('A sealing key is a 65-byte uncompressed P-256 point.');
	const ephemeralPrivate = options.ephemeral ?? p256.utils.randomSecretKey();
	const ephemeral = p256.getPublicKey(ephemeralPrivate, false);
	const iv = options.iv ?? crypto.getRandomValues(new Uint8Array(IV_BYTES));
	const key = jsKey(ephemeralPrivate, recipient, ephemeral, recipient);
	return envelope(ephemeral, iv, gcm(key, iv, options.context).encrypt(plaintext));
}

function openPartsSync(
	privateKey: Uint8Array,
	peer: Uint8Array,
	recipient: Uint8Array,
	p: Parts,
	context?: Uint8Array
): Uint8Array | null {
	try {
		const key = jsKey(privateKey, peer, p.ephemeral, recipient);
		return gcm(key, p.iv, context).decrypt(p.ciphertext);
	} catch {
		return null;
	}
}

/** Opens an envelope with the recipient's private key; null when it is not for this key, was
 * changed, or is malformed. */
export function openSync(recipientPrivate: Uint8Array, sealed: Uint8Array, context?: Uint8Array): Uint8Array | null {
	const p = parts(sealed);
	if (!p || recipientPrivate.length !== PRIVATE_KEY_BYTES) return null;
	try {
		return openPartsSync(recipientPrivate, p.ephemeral, publicKeyOf(recipientPrivate), p, context);
	} catch {
		return null;
	}
}

/** Opens an envelope again with the sender's ephemeral private key (the writer's own device). */
export function openAsSender(
	ephemeralPrivate: Uint8Array,
	recipient: Uint8Array,
	sealed: Uint8Array,
	context?: Uint8Array
): Uint8Array | null {
	const p = parts(sealed);
	if (!p || !isPublicKey(recipient) || ephemeralPrivate.length !== PRIVATE_KEY_BYTES) return null;
	try {
		// The envelope must be the one this ephemeral key made.
		if (toBase64Url(publicKeyOf(ephemeralPrivate)) !== toBase64Url(p.ephemeral)) return null;
		return openPartsSync(ephemeralPrivate, recipient, recipient, p, context);
	} catch {
		return null;
	}
}

// WebCrypto -------------------------------------------------------------------------------------

const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

async function importPrivate(privateKey: Uint8Array): Promise<CryptoKey> {
	return crypto.subtle.importKey('jwk', privateJwk(privateKey), ECDH, false, ['deriveBits']);
}

async function webKey(privateKey: Uint8Array, peer: Uint8Array, ephemeral: Uint8Array, recipient: Uint8Array) {
	const subtle = crypto.subtle;
	const peerKey = await subtle.importKey('raw', buffer(peer), ECDH, false, []);
	const shared = await subtle.deriveBits({ name: 'ECDH', public: peerKey }, await importPrivate(privateKey), 256);
	const ikm = await subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
	return subtle.deriveKey(
		{ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(), info: buffer(info(ephemeral, recipient)) },
		ikm,
		{ name: 'AES-GCM', length: 256 },
		false,
		['encrypt', 'decrypt']
	);
}

const gcmParams = (iv: Uint8Array, context?: Uint8Array): AesGcmParams =>
	context ? { name: 'AES-GCM', iv: buffer(iv), additionalData: buffer(context) } : { name: 'AES-GCM', iv: buffer(iv) };

export async function seal(
	recipient: Uint8Array,
	plaintext: Uint8Array,
	options: SealOptions = {},
	implementation = availableSealingImplementation()
): Promise<Uint8Array> {
	if (implementation === 'javascript') return sealSync(recipient, plaintext, options);
	if (!isPublicKey(recipient)) throw new Error('A sealing key is a 65-byte uncompressed P-256 point.');
	const ephemeralPrivate = options.ephemeral ?? p256.utils.randomSecretKey();
	const ephemeral = publicKeyOf(ephemeralPrivate);
	const iv = options.iv ?? crypto.getRandomValues(new Uint8Array(IV_BYTES));
	const key = await webKey(ephemeralPrivate, recipient, ephemeral, recipient);
	const ciphertext = await crypto.subtle.encrypt(gcmParams(iv, options.context), key, buffer(plaintext));
	return envelope(ephemeral, iv, new Uint8Array(ciphertext));
}

export async function open(
	recipientPrivate: Uint8Array,
	sealed: Uint8Array,
	context?: Uint8Array,
	implementation = availableSealingImplementation()
): Promise<Uint8Array | null> {
	if (implementation === 'javascript') return openSync(recipientPrivate, sealed, context);
	const p = parts(sealed);
	if (!p || recipientPrivate.length !== PRIVATE_KEY_BYTES) return null;
	try {
		const key = await webKey(recipientPrivate, p.ephemeral, p.ephemeral, publicKeyOf(recipientPrivate));
		return new Uint8Array(await crypto.subtle.decrypt(gcmParams(p.iv, context), key, buffer(p.ciphertext)));
	} catch {
		return null;
	}
}
