/**
 * Splitting messages into chunks and putting them back together, within fixed bounds.
 *
 * Why: a late joiner's first sync carries the whole board, easily over a megabyte. Chromium refuses
 * data-channel messages over 256 KiB (y-webrtc swallows that error, so big boards never arrive), and
 * the workshop server closes sockets on frames over 256 KiB. Every message therefore travels as
 * chunks with a small header, on both transports.
 *
 * Chunk layout: magic (1 byte) · message id (u32) · index (u32) · count (u32) · body.
 *
 * The reassembler holds data from peers until a message completes, so it is where memory is bounded:
 * a message may not exceed `maxMessageBytes` or `maxChunks`, at most `maxPartials` unfinished messages
 * are kept (the least recently active is evicted), their total is capped by `maxPendingBytes`, and a
 * partial that has not progressed for `staleMs` is dropped. Malformed chunks are refused, never thrown.
 */

const MAGIC = 0x6b;
export const CHUNK_HEADER_BYTES = 13;

/** How many chunks a message of `length` bytes needs (an empty message still needs one). */
export function chunkCount(length: number, chunkBytes: number): number {
	return Math.max(1, Math.ceil(length / chunkBytes));
}

/** Builds one chunk: header and a copy of `body`. */
export function encodeChunk(
	messageId: number,
	index: number,
	count: number,
	body: Uint8Array
): Uint8Array<ArrayBuffer> {
	const out = new Uint8Array(CHUNK_HEADER_BYTES + body.length);
	const view = new DataView(out.buffer);
	view.setUint8(0, MAGIC);
	view.setUint32(1, messageId);
	view.setUint32(5, index);
	view.setUint32(9, count);
	out.set(body, CHUNK_HEADER_BYTES);
	return out;
}

/** The chunks of `message`, made lazily so a large message is never copied all at once. */
export function* chunkMessage(
	messageId: number,
	message: Uint8Array,
	chunkBytes: number
): Generator<Uint8Array<ArrayBuffer>, void, undefined> {
	const count = chunkCount(message.length, chunkBytes);
	for (let index = 0; index < count; index++) {
		yield encodeChunk(messageId, index, count, message.subarray(index * chunkBytes, (index + 1) * chunkBytes));
	}
}

export interface DecodedChunk {
	messageId: number;
	index: number;
	count: number;
	body: Uint8Array<ArrayBuffer>;
}

/** Reads a chunk header; null when the bytes are not a well-formed chunk. */
export function decodeChunk(bytes: Uint8Array<ArrayBuffer>): DecodedChunk | null {
	if (bytes.length < CHUNK_HEADER_BYTES) return null;
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (view.getUint8(0) !== MAGIC) return null;
	const messageId = view.getUint32(1);
	const index = view.getUint32(5);
	const count = view.getUint32(9);
	if (count === 0 || index >= count) return null;
	return { messageId, index, count, body: bytes.subarray(CHUNK_HEADER_BYTES) };
}

export interface ReassemblerLimits {
	maxMessageBytes: number;
	maxChunks: number;
	maxPartials: number;
	maxPendingBytes: number;
	staleMs: number;
}

export type ChunkDropReason =
	'chunk-malformed' | 'chunk-duplicate' | 'message-too-large' | 'partial-evicted' | 'partial-stale';

export type PushResult =
	| { status: 'complete'; message: Uint8Array<ArrayBuffer> }
	| { status: 'partial' }
	| { status: 'dropped'; reason: ChunkDropReason };

interface Partial {
	count: number;
	parts: (Uint8Array<ArrayBuffer> | undefined)[];
	received: number;
	bytes: number;
	lastSeen: number;
}

/** Collects the chunks of one stream (one peer, one transport) into whole messages. */
export class Reassembler {
	readonly #limits: ReassemblerLimits;
	readonly #onDrop: (reason: ChunkDropReason) => void;
	readonly #partials = new Map<number, Partial>();
	#pendingBytes = 0;

	/** `onDrop` hears about partial messages thrown away later (evicted or stale). */
	constructor(limits: ReassemblerLimits, onDrop: (reason: ChunkDropReason) => void = () => {}) {
		this.#limits = limits;
		this.#onDrop = onDrop;
	}

	/** Bytes held in unfinished messages. */
	get pendingBytes(): number {
		return this.#pendingBytes;
	}

	get partialCount(): number {
		return this.#partials.size;
	}

	/** Adds one chunk; returns the whole message when this chunk completed it. */
	push(bytes: Uint8Array<ArrayBuffer>, now: number = Date.now()): PushResult {
		this.sweep(now);
		const chunk = decodeChunk(bytes);
		if (!chunk) return { status: 'dropped', reason: 'chunk-malformed' };
		const limits = this.#limits;
		if (chunk.count > limits.maxChunks || chunk.body.length > limits.maxMessageBytes) {
			this.#discard(chunk.messageId);
			return { status: 'dropped', reason: 'message-too-large' };
		}
		if (chunk.count === 1) {
			// A stray partial under the same id is superseded; the id space wraps after 2^32 messages.
			this.#discard(chunk.messageId);
			return { status: 'complete', message: chunk.body };
		}

		let partial = this.#partials.get(chunk.messageId);
		if (partial && partial.count !== chunk.count) {
			// Two different messages under one id: the stream is corrupt, keep neither.
			this.#discard(chunk.messageId);
			return { status: 'dropped', reason: 'chunk-malformed' };
		}
		if (!partial) {
			while (this.#partials.size >= limits.maxPartials && this.#evictOldest(chunk.messageId));
			partial = { count: chunk.count, parts: new Array(chunk.count), received: 0, bytes: 0, lastSeen: now };
			this.#partials.set(chunk.messageId, partial);
		}
		if (partial.parts[chunk.index]) return { status: 'dropped', reason: 'chunk-duplicate' };
		if (partial.bytes + chunk.body.length > limits.maxMessageBytes) {
			this.#discard(chunk.messageId);
			return { status: 'dropped', reason: 'message-too-large' };
		}
		while (this.#pendingBytes + chunk.body.length > limits.maxPendingBytes && this.#evictOldest(chunk.messageId));
		if (this.#pendingBytes + chunk.body.length > limits.maxPendingBytes) {
			this.#discard(chunk.messageId);
			return { status: 'dropped', reason: 'message-too-large' };
		}

		partial.parts[chunk.index] = chunk.body;
		partial.received++;
		partial.bytes += chunk.body.length;
		partial.lastSeen = now;
		this.#pendingBytes += chunk.body.length;
		if (partial.received < partial.count) return { status: 'partial' };

		this.#discard(chunk.messageId);
		const message = new Uint8Array(partial.bytes);
		let offset = 0;
		for (const part of partial.parts) {
			// Every slot is filled: received === count and duplicates were refused.
			message.set(part as Uint8Array, offset);
			offset += (part as Uint8Array).length;
		}
		return { status: 'complete', message };
	}

	/** Drops partial messages that have not progressed for `staleMs`. */
	sweep(now: number = Date.now()): void {
		for (const [id, partial] of this.#partials) {
			if (now - partial.lastSeen >= this.#limits.staleMs) {
				this.#discard(id);
				this.#onDrop('partial-stale');
			}
		}
	}

	/** Forgets everything held. */
	clear(): void {
		this.#partials.clear();
		this.#pendingBytes = 0;
	}

	/** Evicts the least recently active partial other than `keep`; false when there is none. */
	#evictOldest(keep: number): boolean {
		let oldestId: number | null = null;
		let oldestSeen = Infinity;
		for (const [id, partial] of this.#partials) {
			if (id !== keep && partial.lastSeen < oldestSeen) {
				oldestSeen = partial.lastSeen;
				oldestId = id;
			}
		}
		if (oldestId === null) return false;
		this.#discard(oldestId);
		this.#onDrop('partial-evicted');
		return true;
	}

	#discard(id: number): void {
		const partial = this.#partials.get(id);
		if (!partial) return;
		this.#partials.delete(id);
		this.#pendingBytes -= partial.bytes;
	}
}
