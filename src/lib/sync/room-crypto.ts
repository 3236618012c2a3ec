/**
 * Encryption of everything this device sends through the workshop server.
 *
 * Why: the server (and anyone who can watch it) must never see note text, names or Yjs content,
 * and must not be able to forge or redirect messages. Every message through the server is sealed with
 * AES-GCM-256 under a key derived from the room secret (PBKDF2-SHA-256, the room name as salt); the
 * secret never leaves the device. The clear routing fields (`from`, `to`, sequence numbers) are bound
 * in as additional authenticated data, so a frame re-addressed or replayed under other numbers fails
 * to open. Direct data channels are not sealed again here: WebRTC already encrypts them (DTLS).
 *
 * Needs `crypto.subtle`: browsers offer it only in secure contexts (HTTPS or localhost); Node 20 has
 * it as `globalThis.crypto`.
 */

/**
 * PBKDF2 rounds. Part of the wire protocol: every device in a room must use the same number. The
 * secret is meant to be random (it comes from the join link), so this mostly slows down guessing a
 * weak, typed secret; 200k rounds take a fraction of a second once per join on a phone.
 */
export const PBKDF2_ITERATIONS = 200_000;
const SALT_PREFIX = 'kohtaamo/sync/v1/';
const IV_BYTES = 12;
const TAG_BYTES = 16;

function subtle(): SubtleCrypto {
	const value = globalThis.crypto?.subtle;
	if (!value) throw new Error('crypto.subtle is unavailable: sync needs a secure context (HTTPS or localhost)');
	return value;
}

/** Derives the room's AES-GCM key (not extractable) from its secret, salted with the room name. */
export async function deriveRoomKey(secret: string, room: string): Promise<CryptoKey> {
	const encoder = new TextEncoder();
	const material = await subtle().importKey('raw', encoder.encode(secret), 'PBKDF2', false, ['deriveKey']);
	return subtle().deriveKey(
		{ name: 'PBKDF2', hash: 'SHA-256', salt: encoder.encode(SALT_PREFIX + room), iterations: PBKDF2_ITERATIONS },
		material,
		{ name: 'AES-GCM', length: 256 },
		false,
		['encrypt', 'decrypt']
	);
}

/** Encrypts `plaintext`, binding `context` (authenticated, not secret). Returns IV ‖ ciphertext ‖ tag. */
export async function seal(
	key: CryptoKey,
	plaintext: Uint8Array<ArrayBuffer>,
	context: Uint8Array<ArrayBuffer>
): Promise<Uint8Array<ArrayBuffer>> {
	const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
	const ciphertext = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: context }, key, plaintext);
	const out = new Uint8Array(IV_BYTES + ciphertext.byteLength);
	out.set(iv, 0);
	out.set(new Uint8Array(ciphertext), IV_BYTES);
	return out;
}

/**
 * Decrypts what `seal` made with the same key and context. Returns null for anything else: another
 * key, another context, a changed byte, or input too short to be a sealed message.
 */
export async function open(
	key: CryptoKey,
	sealed: Uint8Array<ArrayBuffer>,
	context: Uint8Array<ArrayBuffer>
): Promise<Uint8Array<ArrayBuffer> | null> {
	if (sealed.length < IV_BYTES + TAG_BYTES) return null;
	try {
		const plaintext = await subtle().decrypt(
			{ name: 'AES-GCM', iv: sealed.subarray(0, IV_BYTES), additionalData: context },
			key,
			sealed.subarray(IV_BYTES)
		);
		return new Uint8Array(plaintext);
	} catch {
		return null;
	}
}
