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
import { IV_BYTES, KEY_BYTES, PBKDF2_ITERATIONS, saltFor, TAG_BYTES, type RoomKey } from './room-crypto.ts';

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
	return {
		implementation: 'javascript',
		async seal(plaintext, context) {
			const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
			const ciphertext = gcm(key, iv, context).encrypt(plaintext);
			const out = new Uint8Array(IV_BYTES + ciphertext.length);
			out.set(iv, 0);
			out.set(ciphertext, IV_BYTES);
			return out;
		},
		async open(sealed, context) {
			if (sealed.length < IV_BYTES + TAG_BYTES) return null;
			try {
				return new Uint8Array(gcm(key, sealed.subarray(0, IV_BYTES), context).decrypt(sealed.subarray(IV_BYTES)));
			} catch {
				return null;
			}
		}
	};
}
