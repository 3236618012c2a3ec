/**
 * The room as seen through the server: sealed messages to everyone or to named peers, and the relay
 * that carries Yjs messages between peers who cannot reach each other directly.
 *
 * Why a module of its own: this is where ciphertext meets the network. Outgoing messages are sealed
 * in order (crypto.subtle is asynchronous, so explicit chains keep frames in the order they were
 * sent); incoming frames are opened one at a time, in arrival order, from a bounded inbox.
 *
 * The relay publishes a message once for all its recipients (`to` lists them), chunked to fit well
 * under the server's frame limit. Each relay frame carries, per recipient, a count of the frames this
 * sender has relayed to it. A recipient that sees a count jump has lost a frame (the server skips slow
 * subscribers, sockets drop) and asks for a resync (`onGap`); a count that does not increase is a
 * replay and is refused. Counts are bound into the encryption context, so they cannot be altered.
 */
import { fromBase64, toBase64 } from './bytes.ts';
import { Reassembler, chunkMessage } from './chunking.ts';
import { MAX_FRAME_CHARS, type SyncTuning } from './limits.ts';
import { open, seal, SEAL_NOW_MAX_BYTES, type RoomKey } from './room-crypto.ts';
import {
	ENVELOPE_VERSION,
	MAX_RECIPIENTS,
	encodeRoomMessage,
	envelopeContext,
	parseEnvelope,
	parseRoomMessage,
	type Envelope,
	type RoomMessage
} from './room-messages.ts';
import type { DropReason, SyncLog } from './types.ts';

/** A room message other than relayed data. */
export type ControlMessage = Exclude<RoomMessage, { kind: 'relay' }>;

/** What the channel needs from the signaling connection. */
export interface Publisher {
	readonly connected: boolean;
	/** Sealed frames waiting to be sent, in characters. */
	readonly queuedBytes: number;
	publish(data: unknown, options: { bulk: boolean; recipients?: readonly string[] }): boolean;
}

export interface RoomChannelOptions {
	room: string;
	selfId: string;
	key: RoomKey;
	publisher: Publisher;
	tuning: SyncTuning;
	log: SyncLog;
	/** An announce, leave or signal from `from`; `broadcast` when it was addressed to everyone. */
	onMessage(from: string, message: ControlMessage, broadcast: boolean): void;
	/** A whole relayed peer message; `recipients` got the same frames. */
	onRelayed(from: string, payload: Uint8Array<ArrayBuffer>, recipients: readonly string[]): void;
	/** An authentic frame from `from` arrived (it is alive, even if its message is not complete yet). */
	onHeard(from: string): void;
	/** A chunk of a relayed message from `from` arrived; the message is not complete yet. */
	onProgress(from: string): void;
	/** Frames from `from` to us were lost. */
	onGap(from: string): void;
	/** Relayed frames for `recipients` could not be sent. */
	onUndelivered(recipients: readonly string[]): void;
}

/** Frame text (base64 of IV ‖ ciphertext ‖ tag) that holds at most `SEAL_NOW_MAX_BYTES` of plaintext. */
const SMALL_FRAME_CHARS = Math.floor(((SEAL_NOW_MAX_BYTES + 28) * 4) / 3);

/** Senders whose sequence counts and partial messages are remembered (room members only). */
const MAX_TRACKED_SENDERS = 1024;
const MAX_CHUNKS = 65_536;

export class RoomChannel {
	readonly #o: RoomChannelOptions;
	/**
	 * Sealing is asynchronous, so each class of frames has its own chain: relayed data keeps its order
	 * (and its sequence numbers), control frames keep theirs (an offer before its candidates), and a
	 * heartbeat never waits behind megabytes of board being encrypted.
	 */
	#controlChain: Promise<void> = Promise.resolve();
	#bulkChain: Promise<void> = Promise.resolve();
	/** Frames still in each chain. An empty chain lets a small frame be sealed and sent at once. */
	#controlInChain = 0;
	#bulkInChain = 0;
	#outPendingBytes = 0;
	#inChain: Promise<void> = Promise.resolve();
	/** Frames in the inbox chain; while it is empty a small frame is opened at once. */
	#inInChain = 0;
	#inboxBytes = 0;
	/** Frames per sender waiting in the inbox (a backlog is not silence). */
	readonly #waiting = new Map<string, number>();
	#nextMessageId = 0;
	/** Frames relayed to each recipient; new entries start above every count handed out so far. */
	readonly #sentSeq = new Map<string, number>();
	#seqFloor = 0;
	#seqCeiling = 0;
	readonly #receivedSeq = new Map<string, number>();
	readonly #inboxes = new Map<string, Reassembler>();
	#closed = false;

	constructor(options: RoomChannelOptions) {
		this.#o = options;
	}

	/** Plaintext bytes waiting to be sealed and queued. */
	get pendingBytes(): number {
		return this.#outPendingBytes;
	}

	/** Seals and publishes a control message to everyone, or to `to`. */
	send(message: ControlMessage, to?: readonly string[]): Promise<void> {
		return this.#enqueue(encodeRoomMessage(message), to ? [...to] : undefined, undefined, false);
	}

	/**
	 * Relays a peer message to `to` with one publish per chunk. Returns false (nothing sent) when the
	 * server is unreachable or too much is already waiting; the caller resynchronises those peers later.
	 */
	relay(payload: Uint8Array, to: readonly string[]): boolean {
		if (this.#closed || to.length === 0) return false;
		const t = this.#o.tuning;
		const publisher = this.#o.publisher;
		// Bytes still to seal, plus frames sealed and waiting (base64 makes them ~4/3 larger).
		const waiting = this.#outPendingBytes * (4 / 3) + publisher.queuedBytes;
		if (!publisher.connected || waiting + payload.length * (4 / 3) > t.maxSignalingQueueBytes) return false;
		// A frame names at most MAX_RECIPIENTS peers (receivers refuse more); a larger room gets batches.
		for (let start = 0; start < to.length; start += MAX_RECIPIENTS) {
			const recipients = to.slice(start, start + MAX_RECIPIENTS);
			const messageId = this.#nextMessageId;
			this.#nextMessageId = (this.#nextMessageId + 1) >>> 0;
			for (const chunk of chunkMessage(messageId, payload, t.relayChunkBytes)) {
				const seq = recipients.map((id) => this.#nextSeq(id));
				void this.#enqueue(encodeRoomMessage({ kind: 'relay', chunk }), recipients, seq, true);
			}
		}
		return true;
	}

	/** Takes the `data` of a frame published to the room. Never throws. */
	receive(data: unknown): void {
		if (this.#closed) return;
		const envelope = parseEnvelope(data, MAX_FRAME_CHARS);
		if (!envelope) {
			this.#drop('bad-envelope');
			return;
		}
		const self = this.#o.selfId;
		// The server echoes our own frames back to us.
		if (envelope.from === self) return;
		const index = envelope.to ? envelope.to.indexOf(self) : -1;
		if (envelope.to && index < 0) return;
		const size = envelope.c.length;
		if (this.#inboxBytes + size > this.#o.tuning.maxInboxBytes) {
			this.#drop('inbox-full', envelope.from);
			return;
		}
		// A small frame with nothing ahead of it is opened and handled at once (`RoomKey.openNow`):
		// arrival order is kept, and a one-note update waits for no other task.
		if (this.#inInChain === 0 && size <= SMALL_FRAME_CHARS) {
			try {
				this.#handleNow(envelope, index);
			} catch (error) {
				this.#o.log({ type: 'error', where: 'room-channel.receive', detail: String(error) });
			}
			return;
		}
		this.#inboxBytes += size;
		this.#inInChain++;
		const from = envelope.from;
		this.#waiting.set(from, (this.#waiting.get(from) ?? 0) + 1);
		this.#inChain = this.#inChain
			.then(() => this.#handle(envelope, index))
			.catch((error: unknown) => this.#o.log({ type: 'error', where: 'room-channel.receive', detail: String(error) }))
			.finally(() => {
				this.#inboxBytes -= size;
				this.#inInChain--;
				const left = (this.#waiting.get(from) ?? 1) - 1;
				if (left > 0) this.#waiting.set(from, left);
				else this.#waiting.delete(from);
			});
	}

	/**
	 * Whether frames claiming to be from `peerId` are still waiting to be opened. A slow device working
	 * through a large transfer must not mistake its own backlog for the sender's silence.
	 */
	hasWaiting(peerId: string): boolean {
		return this.#waiting.has(peerId);
	}

	/** Forgets partial relayed messages from a peer that left (its sequence count is kept). */
	forget(peerId: string): void {
		this.#inboxes.delete(peerId);
	}

	/** Drops partial relayed messages that stopped progressing. */
	sweep(now: number = Date.now()): void {
		for (const inbox of this.#inboxes.values()) inbox.sweep(now);
	}

	close(): void {
		this.#closed = true;
		this.#inboxes.clear();
	}

	#enqueue(
		plaintext: Uint8Array<ArrayBuffer>,
		to: string[] | undefined,
		seq: number[] | undefined,
		bulk: boolean
	): Promise<void> {
		const route: Omit<Envelope, 'c'> = { v: ENVELOPE_VERSION, from: this.#o.selfId };
		if (to) route.to = to;
		if (seq) route.seq = seq;
		// Nothing of this class waiting: a small frame is sealed and handed to the publisher at once
		// (`RoomKey.sealNow`), so a note is on its way before the page turns to other work.
		if ((bulk ? this.#bulkInChain : this.#controlInChain) === 0 && plaintext.length <= SEAL_NOW_MAX_BYTES) {
			try {
				this.#publish(route, this.#o.key.sealNow(plaintext, envelopeContext(this.#o.room, route)), bulk, to);
			} catch (error) {
				this.#sendFailed(error, bulk, to);
			}
			return Promise.resolve();
		}
		this.#outPendingBytes += plaintext.length;
		if (bulk) this.#bulkInChain++;
		else this.#controlInChain++;
		const task = (bulk ? this.#bulkChain : this.#controlChain).then(async () => {
			try {
				this.#publish(route, await seal(this.#o.key, plaintext, envelopeContext(this.#o.room, route)), bulk, to);
			} catch (error) {
				this.#sendFailed(error, bulk, to);
			} finally {
				this.#outPendingBytes -= plaintext.length;
				if (bulk) this.#bulkInChain--;
				else this.#controlInChain--;
			}
		});
		if (bulk) this.#bulkChain = task;
		else this.#controlChain = task;
		return task;
	}

	/** Hands a sealed frame to the publisher; a bulk frame for named peers that does not go is
	 * reported undelivered, so that its exchange is retried. */
	#publish(route: Omit<Envelope, 'c'>, sealed: Uint8Array, bulk: boolean, to: string[] | undefined): void {
		const sent =
			!this.#closed && this.#o.publisher.publish({ ...route, c: toBase64(sealed) }, { bulk, recipients: to });
		if (!sent && bulk && to) this.#o.onUndelivered(to);
	}

	#sendFailed(error: unknown, bulk: boolean, to: string[] | undefined): void {
		this.#o.log({ type: 'error', where: 'room-channel.send', detail: String(error) });
		if (bulk && to) this.#o.onUndelivered(to);
	}

	async #handle(envelope: Envelope, index: number): Promise<void> {
		const sealed = fromBase64(envelope.c, MAX_FRAME_CHARS);
		if (!sealed) return this.#drop('bad-envelope', envelope.from);
		this.#deliver(envelope, index, await open(this.#o.key, sealed, envelopeContext(this.#o.room, envelope)));
	}

	#handleNow(envelope: Envelope, index: number): void {
		const sealed = fromBase64(envelope.c, MAX_FRAME_CHARS);
		if (!sealed) return this.#drop('bad-envelope', envelope.from);
		this.#deliver(envelope, index, this.#o.key.openNow(sealed, envelopeContext(this.#o.room, envelope)));
	}

	/** An opened (or unopenable) frame: who it is from, what it says, in which order. */
	#deliver(envelope: Envelope, index: number, plaintext: Uint8Array<ArrayBuffer> | null): void {
		const from = envelope.from;
		if (this.#closed) return;
		if (!plaintext) return this.#drop('undecryptable', from);
		this.#o.onHeard(from);
		const message = parseRoomMessage(plaintext);
		if (!message) return this.#drop('bad-message', from);
		if (message.kind !== 'relay') {
			if (envelope.seq) return this.#drop('bad-message', from);
			this.#o.onMessage(from, message, envelope.to === undefined);
			return;
		}
		if (!envelope.seq || !envelope.to || index < 0) return this.#drop('bad-message', from);
		const seq = envelope.seq[index];
		const last = this.#receivedSeq.get(from);
		if (last !== undefined && seq <= last) return this.#drop('replayed', from);
		this.#remember(this.#receivedSeq, from, seq);
		const inbox = this.#inbox(from);
		if (last !== undefined && seq > last + 1) {
			// Our frames from one sender arrive in order and a message's chunks are contiguous, so a
			// message in progress has lost a chunk: drop it and ask for a resync.
			inbox.clear();
			this.#o.onGap(from);
		}
		const result = inbox.push(message.chunk);
		if (result.status === 'dropped') this.#drop(result.reason, from);
		else if (result.status === 'partial') this.#o.onProgress(from);
		else this.#o.onRelayed(from, result.message, envelope.to);
	}

	#inbox(from: string): Reassembler {
		let inbox = this.#inboxes.get(from);
		if (!inbox) {
			const t = this.#o.tuning;
			inbox = new Reassembler(
				{
					maxMessageBytes: t.maxMessageBytes,
					maxChunks: MAX_CHUNKS,
					maxPartials: t.maxPartialMessages,
					maxPendingBytes: t.maxMessageBytes,
					staleMs: t.partialStaleMs
				},
				(reason) => this.#drop(reason, from)
			);
			this.#remember(this.#inboxes, from, inbox);
		}
		return inbox;
	}

	#nextSeq(peerId: string): number {
		if (!this.#sentSeq.has(peerId) && this.#sentSeq.size >= MAX_TRACKED_SENDERS) {
			this.#sentSeq.clear();
			this.#seqFloor = this.#seqCeiling;
		}
		const next = (this.#sentSeq.get(peerId) ?? this.#seqFloor) + 1;
		this.#sentSeq.set(peerId, next);
		if (next > this.#seqCeiling) this.#seqCeiling = next;
		return next;
	}

	/** Sets a per-sender entry, evicting the oldest when the map is full. */
	#remember<V>(map: Map<string, V>, key: string, value: V): void {
		map.delete(key);
		if (map.size >= MAX_TRACKED_SENDERS) {
			const oldest = map.keys().next();
			if (!oldest.done) map.delete(oldest.value);
		}
		map.set(key, value);
	}

	#drop(reason: DropReason, peerId?: string): void {
		this.#o.log({ type: 'dropped', reason, source: 'signaling', peerId });
	}
}
