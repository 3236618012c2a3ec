/**
 * The room's crypto in pure JavaScript, for pages that are not a secure context (a phone on
 * `http://<LAN address>`), where browsers hide `crypto.subtle`. Loaded by `room-crypto.ts` only on
 * such pages. `@noble/hashes` and `@noble/ciphers` are small, dependency-free and independently
 * audited; they implement exactly the PBKDF2-SHA-256 and AES-256-GCM that WebCrypto does, so the
 * bytes on the wire are the same. Randomness still comes from `crypto.getRandomValues`, which
 * browsers offer on every page.
 */
import { gcm } from '@noble/ciphers/aes.js';
import { pbkdf2Async } from '@noble/hashes/pbkdf2.js';
import { sha256 } from '@noble/hashes/sha2.js';
import {
	IV_BYTES,
	KEY_BYTES,
	PBKDF2_ITERATIONS,
	saltFor,
	SEAL_NOW_MAX_BYTES,
	TAG_BYTES,
	type RoomKey
} from './room-crypto.ts';

const encoder = new TextEncoder();

export async function pbkdf2Key(secret: string, room: string): Promise<Uint8Array<ArrayBuffer>> {
	// asyncTick yields to the page every few milliseconds, so the join form stays responsive while
	// a slow phone grinds through the rounds.
	const key = await pbkdf2Async(sha256, encoder.encode(secret), saltFor(room), {
		c: PBKDF2_ITERATIONS,
		dkLen: KEY_BYTES,
		asyncTick: 20
	});
	return new Uint8Array(key);
}

export function javascriptRoomKey(keyBytes: Uint8Array<ArrayBuffer>): RoomKey {
	const key = keyBytes.slice();
	keyBytes.fill(0);
	const sealNow = (plaintext: Uint8Array, context: Uint8Array): Uint8Array<ArrayBuffer> => {
		const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
		const ciphertext = gcm(key, iv, context).encrypt(plaintext);
		const out = new Uint8Array(IV_BYTES + ciphertext.length);
		out.set(iv, 0);
		out.set(ciphertext, IV_BYTES);
		return out;
	};
	const openNow = (sealed: Uint8Array, context: Uint8Array): Uint8Array<ArrayBuffer> | null => {
		if (sealed.length < IV_BYTES + TAG_BYTES) return null;
		try {
			return new Uint8Array(gcm(key, sealed.subarray(0, IV_BYTES), context).decrypt(sealed.subarray(IV_BYTES)));
		} catch {
			return null;
		}
	};
	// The synchronous pair refuses large input, as the WebCrypto key's does: the limit is part of
	// the interface, not of the implementation, so tests in Node see what browsers see.
	const small = (bytes: Uint8Array, extra: number) => {
		if (bytes.length > SEAL_NOW_MAX_BYTES + extra) throw new Error('too large to seal at once');
	};
	return {
		implementation: 'javascript',
		seal: async (plaintext, context) => sealNow(plaintext, context),
		open: async (sealed, context) => openNow(sealed, context),
		sealNow: (plaintext, context) => (small(plaintext, 0), sealNow(plaintext, context)),
		openNow: (sealed, context) => (small(sealed, IV_BYTES + TAG_BYTES), openNow(sealed, context))
	};
}
