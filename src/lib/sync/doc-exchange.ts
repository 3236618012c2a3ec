/**
 * The conversation about the document and presence with linked peers: sync exchanges, updates,
 * awareness, and what gets passed on to whom.
 *
 * Why these rules live together: they decide whether every device ends with the same board.
 * - A link starts with an exchange both ways (step 1 → step 2); `SyncScheduler` orders ours.
 * - Local changes go to every linked peer. Changes from a peer are passed on to every other linked
 *   peer except those certain to have them (the sender; the other recipients of the same relay
 *   frames), so a partial mesh converges — a peer may be reachable only through us.
 * - A sync step 2 is the exception: it can hold a whole board that the other peers mostly have
 *   already. Instead of pushing it on, we ask each other peer for an exchange (an urgent resync) and
 *   each receives exactly what it lacks.
 * - Awareness follows the same paths, so presence also crosses a partial mesh.
 */
import { applyAwarenessUpdate, type Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { PeerOrigin, type Peer } from './peer.ts';
import {
	encodeAwareness,
	encodeResync,
	encodeSyncStep1,
	encodeSyncStep2,
	encodeUpdate,
	parsePeerMessage,
	sanitizeAwarenessUpdate
} from './sync-protocol.ts';
import type { SyncScheduler } from './sync-scheduler.ts';
import type { DropSource, SyncLog } from './types.ts';

/** What the exchange needs from the session that owns the peers and transports. */
export interface ExchangeHost {
	readonly doc: Y.Doc;
	readonly awareness: Awareness;
	readonly scheduler: SyncScheduler;
	readonly log: SyncLog;
	/** False for a signpost: peers' document changes are not applied (see `SessionSyncOptions`). */
	readonly acceptDocument: boolean;
	/** Peers with an open link (direct or relay). */
	linkedPeers(): Iterable<Peer>;
	/** Sends to one peer over its current transport; false when it could not be queued. */
	sendTo(peer: Peer, payload: Uint8Array): boolean;
	/** Sends to every linked peer not in `skip` (relayed peers share one publish). */
	broadcast(payload: Uint8Array, skip: ReadonlySet<string>): void;
	/** The peer said goodbye. */
	onBye(peer: Peer): void;
	/** Something the connection summary depends on changed (a peer's `synced`). */
	onChange(): void;
	/** Runs a callback from an event, reporting (never throwing) what goes wrong. */
	guard(where: string, fn: () => void): void;
}

interface AwarenessChange {
	added: number[];
	updated: number[];
	removed: number[];
}

/** A change from a peer being applied: who sent it, and what came of it. */
interface Delivery {
	peerId: string;
	/** Peers that received the same relay frames. */
	reached: readonly string[];
	step2: boolean;
	changed: boolean;
}

export class DocExchange {
	readonly #host: ExchangeHost;
	#delivery: Delivery | null = null;
	#attached = false;

	constructor(host: ExchangeHost) {
		this.#host = host;
	}

	/** Starts passing local document and awareness changes to the peers. */
	attach(): void {
		if (this.#attached) return;
		this.#attached = true;
		this.#host.doc.on('update', this.#onDocUpdate);
		this.#host.awareness.on('update', this.#onAwarenessUpdate);
	}

	detach(): void {
		if (!this.#attached) return;
		this.#attached = false;
		this.#host.doc.off('update', this.#onDocUpdate);
		this.#host.awareness.off('update', this.#onAwarenessUpdate);
	}

	/** Sends our step 1 ("what I have") and, with `withRequest`, asks the peer for its own. */
	sendStep1(peer: Peer, withRequest: boolean): boolean {
		if (!this.#host.sendTo(peer, encodeSyncStep1(this.#host.doc))) return false;
		if (withRequest) this.#host.sendTo(peer, encodeResync(false));
		return true;
	}

	/** Sends every presence state we know (ours and those learnt from others). */
	sendPresence(peer: Peer): void {
		const awareness = this.#host.awareness;
		this.#host.sendTo(peer, encodeAwareness(awareness, [...awareness.getStates().keys()]));
	}

	/** Handles a whole message from a linked peer. `reached`: the other recipients of its relay frames. */
	handle(peer: Peer, payload: Uint8Array, source: DropSource, reached: readonly string[]): void {
		const host = this.#host;
		const message = parsePeerMessage(payload);
		if (!message) {
			host.log({ type: 'dropped', reason: 'bad-message', source, peerId: peer.id });
			return;
		}
		switch (message.kind) {
			case 'sync-step1': {
				let reply: Uint8Array;
				try {
					reply = encodeSyncStep2(host.doc, message.stateVector);
				} catch (error) {
					host.log({ type: 'dropped', reason: 'yjs-rejected', source, peerId: peer.id, detail: String(error) });
					return;
				}
				host.sendTo(peer, reply);
				break;
			}
			case 'sync-step2': {
				const result = this.#apply(peer, message.update, source, reached, true);
				if (result !== 'rejected') peer.synced = true;
				host.scheduler.completed(peer.id);
				if (result === 'changed') this.#shareNews(peer);
				host.onChange();
				break;
			}
			case 'sync-update':
				this.#apply(peer, message.update, source, reached, false);
				break;
			case 'awareness': {
				const update = sanitizeAwarenessUpdate(message.update, host.awareness.clientID);
				if (!update) {
					host.log({ type: 'dropped', reason: 'awareness-rejected', source, peerId: peer.id });
					return;
				}
				this.#delivery = { peerId: peer.id, reached, step2: false, changed: false };
				try {
					applyAwarenessUpdate(host.awareness, update, peer.origin);
				} finally {
					this.#delivery = null;
				}
				break;
			}
			case 'resync':
				host.log({ type: 'resync', peerId: peer.id, reason: 'requested' });
				host.scheduler.request(peer.id, { withRequest: false, urgent: message.urgent });
				this.sendPresence(peer);
				break;
			case 'ping':
				break;
			case 'bye':
				host.onBye(peer);
				break;
		}
	}

	#apply(
		peer: Peer,
		update: Uint8Array,
		source: DropSource,
		reached: readonly string[],
		step2: boolean
	): 'changed' | 'unchanged' | 'rejected' {
		// A signpost keeps its own document: nothing a peer sends enters it, or is passed on.
		if (!this.#host.acceptDocument) return 'unchanged';
		const delivery: Delivery = { peerId: peer.id, reached, step2, changed: false };
		this.#delivery = delivery;
		try {
			Y.applyUpdate(this.#host.doc, update, peer.origin);
			return delivery.changed ? 'changed' : 'unchanged';
		} catch (error) {
			this.#host.log({ type: 'dropped', reason: 'yjs-rejected', source, peerId: peer.id, detail: String(error) });
			return 'rejected';
		} finally {
			this.#delivery = null;
		}
	}

	/** A step 2 from `from` brought data we lacked: offer every other peer an exchange. */
	#shareNews(from: Peer): void {
		for (const peer of this.#host.linkedPeers()) {
			if (peer !== from) this.#host.sendTo(peer, encodeResync(true));
		}
	}

	// Called inside the app's own transactions: an error here must never reach the caller.
	#onDocUpdate = (update: Uint8Array, origin: unknown): void =>
		this.#host.guard('document update', () => {
			const delivery = this.#delivery;
			if (delivery && origin instanceof PeerOrigin && delivery.peerId === origin.peerId) {
				delivery.changed = true;
				if (delivery.step2) return;
			}
			this.#host.broadcast(encodeUpdate(update), this.#alreadyReached(origin));
		});

	#onAwarenessUpdate = (change: AwarenessChange, origin: unknown): void =>
		this.#host.guard('awareness update', () => {
			const clients = [...change.added, ...change.updated, ...change.removed];
			if (clients.length === 0) return;
			this.#host.broadcast(encodeAwareness(this.#host.awareness, clients), this.#alreadyReached(origin));
		});

	/**
	 * Peers that certainly have a change already: the peer it came from and, for relayed changes, the
	 * other recipients of the same frames (a recipient that lost one sees the gap and resyncs). Every
	 * other peer gets it. Guessing more (say, from who claims a link to whom) would go wrong exactly
	 * when links fail, which is when passing changes on matters.
	 */
	#alreadyReached(origin: unknown): ReadonlySet<string> {
		const reached = new Set<string>();
		if (!(origin instanceof PeerOrigin)) return reached;
		reached.add(origin.peerId);
		const delivery = this.#delivery;
		if (delivery?.peerId === origin.peerId) for (const id of delivery.reached) reached.add(id);
		return reached;
	}
}
