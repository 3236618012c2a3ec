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
 * Two implementations, one wire format. Browsers offer `crypto.subtle` only in secure contexts
 * (HTTPS or localhost), but a participant's phone opens the workshop over plain `http://<LAN>`:
 * there the same PBKDF2 and AES-GCM run in audited pure JavaScript (`@noble/hashes`,
 * `@noble/ciphers`), loaded only when needed so secure pages never download it. Both produce
 * IV ‖ ciphertext ‖ tag byte for byte alike, so a device on HTTPS and one on HTTP share a room
 * (`room-crypto.test.ts` seals with one and opens with the other).
 *
 * Key derivation is deliberately slow and, in JavaScript on a cheap phone, takes seconds: it runs
 * once per page and room (`deriveRoomKey` keeps the promise), not on every reconnect or `pageshow`.
 */

/**
 * PBKDF2 rounds. Part of the wire protocol: every device in a room must use the same number. The
 * secret is meant to be random (it comes from the join link), so this mostly slows down guessing a
 * weak, typed secret. `npm run bench -- kdf` measures what it costs in each implementation.
 */
export const PBKDF2_ITERATIONS = 200_000;
export const SALT_PREFIX = 'kohtaamo/sync/v1/';
export const KEY_BYTES = 32;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;

export type CryptoImplementation = 'webcrypto' | 'javascript';

/** A room's key, whichever implementation holds it. */
export interface RoomKey {
	readonly implementation: CryptoImplementation;
	seal(plaintext: Uint8Array, context: Uint8Array): Promise<Uint8Array<ArrayBuffer>>;
	/** Null for anything `seal` did not make with this key and context. */
	open(sealed: Uint8Array, context: Uint8Array): Promise<Uint8Array<ArrayBuffer> | null>;
	/**
	 * The same AES-GCM, done before returning (in JavaScript), for small messages only — at most
	 * `SEAL_NOW_MAX_BYTES`. Why: `crypto.subtle` answers in a later task, so a one-note update sealed
	 * through it waits for everything the page does meanwhile (the writer's own re-render, the reader's
	 * next frame of work) — measured at 10 ms of the relay path's latency, for a few µs of work.
	 */
	sealNow(plaintext: Uint8Array, context: Uint8Array): Uint8Array<ArrayBuffer>;
	openNow(sealed: Uint8Array, context: Uint8Array): Uint8Array<ArrayBuffer> | null;
}

/** Largest plaintext sealed or opened synchronously (a note, a vote, presence; not a board). In
 * JavaScript AES-GCM costs about a microsecond per hundred bytes, so this stays well under 1 ms. */
export const SEAL_NOW_MAX_BYTES = 8 * 1024;

/** What this page can use: WebCrypto where the browser offers it, JavaScript elsewhere. */
export function availableImplementation(): CryptoImplementation {
	return globalThis.crypto?.subtle ? 'webcrypto' : 'javascript';
}

const encoder = new TextEncoder();
export const saltFor = (room: string) => encoder.encode(SALT_PREFIX + room);

/** The raw key bytes, derived by the given implementation (tests and the bench compare them). */
export async function deriveKeyBytes(
	secret: string,
	room: string,
	implementation: CryptoImplementation
): Promise<Uint8Array<ArrayBuffer>> {
	if (implementation === 'javascript') {
		const js = await import('./room-crypto-js.ts');
		return js.pbkdf2Key(secret, room);
	}
	const subtle = globalThis.crypto.subtle;
	const material = await subtle.importKey('raw', encoder.encode(secret), 'PBKDF2', false, ['deriveBits']);
	const bits = await subtle.deriveBits(
		{ name: 'PBKDF2', hash: 'SHA-256', salt: saltFor(room), iterations: PBKDF2_ITERATIONS },
		material,
		KEY_BYTES * 8
	);
	return new Uint8Array(bits);
}

/** Makes a room key from raw key bytes with the given implementation. */
export async function roomKeyFromBytes(
	bytes: Uint8Array<ArrayBuffer>,
	implementation: CryptoImplementation
): Promise<RoomKey> {
	if (implementation === 'javascript') {
		const js = await import('./room-crypto-js.ts');
		return js.javascriptRoomKey(bytes);
	}
	const subtle = globalThis.crypto.subtle;
	// Small messages are sealed at once in JavaScript with the same key (see `sealNow`). So the key
	// bytes stay in the page's memory, as they do on plain-HTTP pages: a non-extractable CryptoKey
	// would hide nothing here anyway, since the room secret they derive from is in the same page.
	const js = (await import('./room-crypto-js.ts')).javascriptRoomKey(bytes.slice());
	const key = await subtle.importKey('raw', bytes, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
	bytes.fill(0);
	return {
		implementation,
		sealNow: js.sealNow,
		openNow: js.openNow,
		async seal(plaintext, context) {
			const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
			const ciphertext = await subtle.encrypt(
				{ name: 'AES-GCM', iv, additionalData: copy(context) },
				key,
				copy(plaintext)
			);
			const out = new Uint8Array(IV_BYTES + ciphertext.byteLength);
			out.set(iv, 0);
			out.set(new Uint8Array(ciphertext), IV_BYTES);
			return out;
		},
		async open(sealed, context) {
			if (sealed.length < IV_BYTES + TAG_BYTES) return null;
			try {
				const plaintext = await subtle.decrypt(
					{ name: 'AES-GCM', iv: copy(sealed.subarray(0, IV_BYTES)), additionalData: copy(context) },
					key,
					copy(sealed.subarray(IV_BYTES))
				);
				return new Uint8Array(plaintext);
			} catch {
				return null;
			}
		}
	};
}

/** WebCrypto wants buffers it owns; a copy also detaches us from a caller that reuses its array. */
const copy = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

const derived = new Map<string, Promise<RoomKey>>();

/**
 * The room's key, derived once per page and room: later calls (a provider recreated after
 * `pageshow`, a reconnect) get the same promise. A failed derivation is forgotten so it can be
 * tried again.
 */
export function deriveRoomKey(
	secret: string,
	room: string,
	implementation: CryptoImplementation = availableImplementation()
): Promise<RoomKey> {
	const id = `${implementation}\u0000${room}\u0000${secret}`;
	let pending = derived.get(id);
	if (!pending) {
		pending = deriveKeyBytes(secret, room, implementation).then((bytes) => roomKeyFromBytes(bytes, implementation));
		pending.catch(() => derived.delete(id));
		derived.set(id, pending);
	}
	return pending;
}

/** Encrypts `plaintext`, binding `context` (authenticated, not secret). Returns IV ‖ ciphertext ‖ tag. */
export const seal = (key: RoomKey, plaintext: Uint8Array, context: Uint8Array) => key.seal(plaintext, context);

/**
 * Decrypts what `seal` made with the same key and context. Returns null for anything else: another
 * key, another context, a changed byte, or input too short to be a sealed message.
 */
export const open = (key: RoomKey, sealed: Uint8Array, context: Uint8Array) => key.open(sealed, context);
