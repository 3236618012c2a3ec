/**
 * Decides when this device sends a sync step 1 ("here is what I have, send me what I lack") to whom.
 *
 * Why not simply to every peer at once: a late joiner that asks twenty peers at once receives the
 * whole board twenty times — twenty megabytes through the server for a one-megabyte board, enough to
 * make the server skip it as a slow subscriber. One step 1 is outstanding at a time; the next goes
 * when the answer (step 2) arrives, or when nothing of it has arrived for `timeoutMs`, and then only
 * the difference comes back.
 * Requests for a peer already waiting are merged, and a non-urgent request right after a completed
 * exchange is skipped, so a resync request never ping-pongs between two peers. An exchange that was
 * never answered is retried a few times.
 */

export interface SyncSchedulerOptions {
	timeoutMs: number;
	quietMs: number;
	/**
	 * Sends step 1 to a peer (and, with `withRequest`, asks it to send its own step 1 back). `retry`
	 * marks a repeat of an exchange that was not answered in time. Returns false when the peer cannot
	 * be reached or the exchange is no longer needed; the request is then dropped.
	 */
	send(peerId: string, withRequest: boolean, retry: boolean): boolean;
}

export interface SyncRequest {
	/** Also ask the peer to start an exchange towards us (both directions). */
	withRequest: boolean;
	/** Data may have been lost: do not skip because an exchange completed a moment ago. */
	urgent: boolean;
}

interface Pending {
	withRequest: boolean;
	tries: number;
}

const MAX_TRIES = 3;
/** However steadily an answer keeps arriving, the next exchange waits no longer than this. */
const MAX_WAIT_MS = 60_000;

export class SyncScheduler {
	readonly #o: SyncSchedulerOptions;
	/** FIFO by insertion order. */
	readonly #queue = new Map<string, Pending>();
	#outstanding: { peerId: string; since: number; sentAt: number; pending: Pending } | null = null;
	readonly #completedAt = new Map<string, number>();

	constructor(options: SyncSchedulerOptions) {
		this.#o = options;
	}

	/** The peer whose answer is awaited, if any. */
	get outstanding(): string | null {
		return this.#outstanding?.peerId ?? null;
	}

	isQueued(peerId: string): boolean {
		return this.#queue.has(peerId);
	}

	request(peerId: string, request: SyncRequest, now: number = Date.now()): void {
		if (!request.urgent) {
			const completed = this.#completedAt.get(peerId);
			if (completed !== undefined && now - completed < this.#o.quietMs) return;
			if (this.#outstanding?.peerId === peerId) return;
		}
		const queued = this.#queue.get(peerId);
		if (queued) queued.withRequest ||= request.withRequest;
		else this.#queue.set(peerId, { withRequest: request.withRequest, tries: 0 });
		this.#pump(now);
	}

	/** A step 2 arrived from `peerId`. */
	completed(peerId: string, now: number = Date.now()): void {
		this.#completedAt.set(peerId, now);
		if (this.#outstanding?.peerId === peerId) this.#outstanding = null;
		this.#pump(now);
	}

	/**
	 * Part of a message from `peerId` arrived. If it is the peer whose answer we await, a large answer
	 * is on its way: keep waiting for it rather than asking the next peer for the same data.
	 */
	progress(peerId: string, now: number = Date.now()): void {
		const outstanding = this.#outstanding;
		if (outstanding?.peerId === peerId && now - outstanding.sentAt < MAX_WAIT_MS) outstanding.since = now;
	}

	forget(peerId: string): void {
		this.#queue.delete(peerId);
		this.#completedAt.delete(peerId);
		if (this.#outstanding?.peerId === peerId) this.#outstanding = null;
		this.#pump(Date.now());
	}

	clear(): void {
		this.#queue.clear();
		this.#completedAt.clear();
		this.#outstanding = null;
	}

	/** Moves past an exchange that was not answered in time (queueing a retry). */
	tick(now: number = Date.now()): void {
		const outstanding = this.#outstanding;
		if (outstanding && now - outstanding.since >= this.#o.timeoutMs) {
			this.#outstanding = null;
			const { peerId, pending } = outstanding;
			if (pending.tries < MAX_TRIES && !this.#queue.has(peerId)) {
				this.#queue.set(peerId, { withRequest: pending.withRequest, tries: pending.tries });
			}
		}
		this.#pump(now);
	}

	#pump(now: number): void {
		while (!this.#outstanding && this.#queue.size > 0) {
			const [peerId, pending] = this.#queue.entries().next().value as [string, Pending];
			this.#queue.delete(peerId);
			pending.tries++;
			// Marked before sending, so a request made from inside `send` queues instead of sending too.
			this.#outstanding = { peerId, since: now, sentAt: now, pending };
			if (!this.#o.send(peerId, pending.withRequest, pending.tries > 1) && this.#outstanding?.peerId === peerId) {
				this.#outstanding = null;
			}
		}
	}
}
