/**
 * Sending whole messages over one data channel as chunks, at the pace the channel drains.
 *
 * Why: `RTCDataChannel.send` neither blocks nor waits; pushing a large board into it at once can
 * overflow the browser's send buffer, which closes the channel. Chunks are handed over while
 * `bufferedAmount` is below a high-water mark and resume on `bufferedamountlow`. Messages are queued
 * whole and chunked lazily, so a queued 5 MiB board costs 5 MiB, not twice that. The queue is bounded;
 * when it is full the message is refused and the owner resynchronises that peer later.
 */
import { chunkCount, encodeChunk } from './chunking.ts';
import type { DataChannelLike } from './types.ts';

export interface ChannelSenderLimits {
	chunkBytes: number;
	highWaterBytes: number;
	lowWaterBytes: number;
	maxQueuedBytes: number;
}

interface Outgoing {
	payload: Uint8Array;
	messageId: number;
	count: number;
	next: number;
}

export class ChannelSender {
	readonly #channel: DataChannelLike;
	readonly #limits: ChannelSenderLimits;
	readonly #onError: (error: unknown) => void;
	#queue: Outgoing[] = [];
	#queuedBytes = 0;
	#nextMessageId = 0;

	constructor(channel: DataChannelLike, limits: ChannelSenderLimits, onError: (error: unknown) => void) {
		this.#channel = channel;
		this.#limits = limits;
		this.#onError = onError;
		channel.bufferedAmountLowThreshold = limits.lowWaterBytes;
	}

	get queuedBytes(): number {
		return this.#queuedBytes;
	}

	/** Queues a message; false when the queue is full (the message is not sent). */
	send(payload: Uint8Array): boolean {
		if (this.#queue.length > 0 && this.#queuedBytes + payload.length > this.#limits.maxQueuedBytes) return false;
		this.#queue.push({
			payload,
			messageId: this.#nextMessageId,
			count: chunkCount(payload.length, this.#limits.chunkBytes),
			next: 0
		});
		this.#nextMessageId = (this.#nextMessageId + 1) >>> 0;
		this.#queuedBytes += payload.length;
		this.pump();
		return true;
	}

	/** Hands chunks to the channel until its buffer reaches the high-water mark. */
	pump(): void {
		const channel = this.#channel;
		const { chunkBytes, highWaterBytes } = this.#limits;
		while (this.#queue.length > 0 && channel.readyState === 'open' && channel.bufferedAmount < highWaterBytes) {
			const head = this.#queue[0];
			const start = head.next * chunkBytes;
			const chunk = encodeChunk(
				head.messageId,
				head.next,
				head.count,
				head.payload.subarray(start, start + chunkBytes)
			);
			try {
				channel.send(chunk);
			} catch (error) {
				this.clear();
				this.#onError(error);
				return;
			}
			head.next++;
			if (head.next === head.count) {
				this.#queue.shift();
				this.#queuedBytes -= head.payload.length;
			}
		}
	}

	/**
	 * Drops everything queued and hands `payload` to the channel at once, as a chunk of its own: the
	 * last word on a channel about to close (`bye`). The receiver only understands chunks, so even a
	 * one-byte farewell needs its header. False when it cannot be sent now or needs several chunks.
	 */
	sendLast(payload: Uint8Array): boolean {
		this.clear();
		if (payload.length > this.#limits.chunkBytes || this.#channel.readyState !== 'open') return false;
		const messageId = this.#nextMessageId;
		this.#nextMessageId = (this.#nextMessageId + 1) >>> 0;
		try {
			this.#channel.send(encodeChunk(messageId, 0, 1, payload));
			return true;
		} catch {
			// The channel is already going away; the peer will notice the close instead.
			return false;
		}
	}

	/** Forgets everything not yet handed to the channel. */
	clear(): void {
		this.#queue = [];
		this.#queuedBytes = 0;
	}
}
