/**
 * The outgoing queue of the signaling socket: two priorities, paced by messages and by bytes.
 *
 * Why: the workshop server allows ~200 messages/s per connection (burst 400) and skips subscribers
 * whose send buffer passes 8 MiB. A late joiner's board streams through the relay as many frames, and
 * if they went out at once the server would drop some and the room would fall out of sync. Control
 * frames (subscribe, announce, WebRTC signals, pings) jump ahead of relayed data so that a large
 * transfer never delays presence or connection set-up. The queue is bounded; a refused push is the
 * caller's cue to resynchronise later, never a reason to buffer without end.
 */

export interface QueuedFrame {
	text: string;
	/** Relayed data (paced behind control frames, discarded first). */
	bulk: boolean;
	/** Peers this frame was meant for, so they can be resynchronised if it is discarded. */
	recipients?: readonly string[];
}

export interface PaceLimits {
	messagesPerSecond: number;
	messageBurst: number;
	bytesPerSecond: number;
	byteBurst: number;
	/** Queued bulk text, in characters, above which bulk pushes are refused. */
	maxQueuedBytes: number;
	/** Queued control frames above which control pushes are refused. */
	maxControlFrames: number;
}

/** A FIFO over an array with a moving head, so taking from the front is O(1). */
class Fifo<T> {
	#items: T[] = [];
	#head = 0;

	get size(): number {
		return this.#items.length - this.#head;
	}
	push(item: T): void {
		this.#items.push(item);
	}
	peek(): T | undefined {
		return this.#items[this.#head];
	}
	shift(): T | undefined {
		if (this.#head >= this.#items.length) return undefined;
		const item = this.#items[this.#head++];
		if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
			this.#items = this.#items.slice(this.#head);
			this.#head = 0;
		}
		return item;
	}
	drain(): T[] {
		const rest = this.#items.slice(this.#head);
		this.#items = [];
		this.#head = 0;
		return rest;
	}
}

/** Holds frames until the pace allows them; `take` says what to send now or how long to wait. */
export class PacedQueue {
	readonly #limits: PaceLimits;
	readonly #control = new Fifo<QueuedFrame>();
	readonly #bulk = new Fifo<QueuedFrame>();
	#bulkBytes = 0;
	#messageTokens: number;
	#byteTokens: number;
	#refilledAt: number;

	constructor(limits: PaceLimits, now: number = Date.now()) {
		this.#limits = limits;
		this.#messageTokens = limits.messageBurst;
		this.#byteTokens = limits.byteBurst;
		this.#refilledAt = now;
	}

	get size(): number {
		return this.#control.size + this.#bulk.size;
	}

	get queuedBytes(): number {
		return this.#bulkBytes;
	}

	/** Queues a frame; false (nothing queued) when its queue is full. */
	push(frame: QueuedFrame): boolean {
		if (frame.bulk) {
			if (this.#bulkBytes + frame.text.length > this.#limits.maxQueuedBytes) return false;
			this.#bulk.push(frame);
			this.#bulkBytes += frame.text.length;
		} else {
			if (this.#control.size >= this.#limits.maxControlFrames) return false;
			this.#control.push(frame);
		}
		return true;
	}

	/** The next frame if the pace allows it now; otherwise milliseconds to wait; null when empty. */
	take(now: number = Date.now()): QueuedFrame | number | null {
		const next = this.#control.peek() ?? this.#bulk.peek();
		if (!next) return null;
		this.#refill(now);
		const limits = this.#limits;
		if (this.#messageTokens < 1) {
			return Math.max(1, Math.ceil(((1 - this.#messageTokens) / limits.messagesPerSecond) * 1000));
		}
		// A frame may overdraw the byte budget (so any size can go); the next one then waits.
		if (this.#byteTokens <= 0) {
			return Math.max(1, Math.ceil(((1 - this.#byteTokens) / limits.bytesPerSecond) * 1000));
		}
		this.#messageTokens -= 1;
		this.#byteTokens -= next.text.length;
		if (this.#control.peek() === next) return this.#control.shift() ?? null;
		this.#bulkBytes -= next.text.length;
		return this.#bulk.shift() ?? null;
	}

	/** Empties both queues and returns what was in them. */
	clear(): QueuedFrame[] {
		this.#bulkBytes = 0;
		return [...this.#control.drain(), ...this.#bulk.drain()];
	}

	#refill(now: number): void {
		const seconds = Math.max(0, now - this.#refilledAt) / 1000;
		this.#refilledAt = now;
		const limits = this.#limits;
		this.#messageTokens = Math.min(limits.messageBurst, this.#messageTokens + seconds * limits.messagesPerSecond);
		this.#byteTokens = Math.min(limits.byteBurst, this.#byteTokens + seconds * limits.bytesPerSecond);
	}
}
