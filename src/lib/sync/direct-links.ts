/**
 * The life of every peer's direct WebRTC connection: who offers, which attempt a signal belongs to,
 * when an attempt is given up, when a quiet channel counts as dead, and when to try again.
 *
 * Why apart from the session: these rules only concern WebRTC, and they are the part that behaves
 * differently on every network (client-isolating Wi-Fi, mDNS, no STUN). The session only learns
 * "this peer's link opened" and "this peer's link is lost"; it then chooses the transport.
 *
 * Attempts are numbered per provider, increasing for its whole life, so a responder can tell a new
 * offer from a stale one even after either side forgot the other. A failed attempt is retried by the
 * initiator with a doubling wait (15 s up to 2 min by default): a network that isolates devices now
 * may stop doing so when the facilitator switches to a hotspot.
 */
import type { SyncTuning } from './limits.ts';
import type { Peer } from './peer.ts';
import { DirectLink } from './peer-connection.ts';
import type { DirectSignal } from './room-messages.ts';
import { encodeControl } from './sync-protocol.ts';
import type { PeerConnectionConstructor, SyncLog } from './types.ts';

export interface DirectLinksOptions {
	RTCPeerConnection: PeerConnectionConstructor | null;
	iceServers: RTCIceServer[];
	tuning: SyncTuning;
	log: SyncLog;
	sendSignal(peer: Peer, signal: DirectSignal): void;
	/** The peer's data channel is open. */
	onOpen(peer: Peer): void;
	/** The peer's direct link failed or was given up (it may never have opened). */
	onLost(peer: Peer): void;
	onPayload(peer: Peer, payload: Uint8Array<ArrayBuffer>): void;
	onProgress(peer: Peer): void;
	/** Runs a callback from a network event, reporting (never throwing) what goes wrong. */
	guard(where: string, fn: () => void): void;
}

export class DirectLinks {
	readonly #o: DirectLinksOptions;
	#attempts = 0;

	constructor(options: DirectLinksOptions) {
		this.#o = options;
	}

	/** Whether this device can use WebRTC at all. */
	get available(): boolean {
		return this.#o.RTCPeerConnection !== null;
	}

	/** Whether a direct connection to `peer` is possible at all (both sides have WebRTC). */
	possible(peer: Peer): boolean {
		return this.available && peer.rtc;
	}

	/** Initiator: starts a new attempt. */
	start(peer: Peer): void {
		if (!this.possible(peer) || !peer.initiator) return;
		const link = this.#create(peer, ++this.#attempts, true);
		if (!link) return;
		peer.direct = link;
		link.start();
	}

	/** An offer, answer, candidate or hang-up from `peer`. */
	handleSignal(peer: Peer, signal: DirectSignal): void {
		if (!this.possible(peer)) return;
		const link = peer.direct;
		if (signal.hangup) {
			if (link?.attempt === signal.attempt) this.fail(peer, 'peer hung up', false);
			return;
		}
		if (!peer.initiator && signal.description?.type === 'offer') {
			if (link && signal.attempt <= link.attempt) {
				this.#o.log({
					type: 'dropped',
					reason: 'bad-signal',
					source: 'signaling',
					peerId: peer.id,
					detail: 'stale offer'
				});
				return;
			}
			// A new attempt from the initiator replaces whatever we had.
			link?.close();
			peer.direct = this.#create(peer, signal.attempt, false);
			if (!peer.direct) return;
		}
		if (peer.direct?.attempt === signal.attempt) peer.direct.handleSignal(signal);
	}

	/**
	 * Gives up the peer's current link: closes it, tells the peer (`notify`), schedules the next
	 * attempt, and reports the loss.
	 */
	fail(peer: Peer, reason: string, notify: boolean): void {
		const link = peer.direct;
		if (!link) return;
		link.close();
		peer.direct = null;
		if (notify) this.#o.sendSignal(peer, { attempt: link.attempt, hangup: true });
		this.#lost(peer, reason);
	}

	/**
	 * Periodic care of one peer's link: pings a quiet channel, gives up a dead channel or an attempt
	 * that takes too long, and (initiator, with signaling up) starts the next attempt when it is due.
	 */
	tick(peer: Peer, now: number, signalingUp: boolean): void {
		const t = this.#o.tuning;
		const link = peer.direct;
		if (link) {
			link.tick(now);
			if (link.isOpen) {
				if (now - link.lastReceivedAt > t.channelTimeoutMs) this.fail(peer, 'channel silent', true);
				else if (now - link.lastSentAt >= t.channelPingMs) link.send(encodeControl('ping'));
			} else if (now - link.startedAt > t.directAttemptTimeoutMs) {
				this.fail(peer, 'attempt timed out', true);
			}
		} else if (peer.initiator && peer.transport === 'relay' && signalingUp && now >= peer.nextDirectAt) {
			this.start(peer);
		}
	}

	/** Makes every relayed peer's next attempt due now (the network may have changed). */
	retrySoon(peers: Iterable<Peer>): void {
		for (const peer of peers) {
			if (!peer.direct) {
				peer.nextDirectAt = 0;
				peer.retryMs = this.#o.tuning.directRetryMs;
			}
		}
	}

	/**
	 * A new link, or null when the browser refuses to make an RTCPeerConnection (a malformed ICE
	 * server, say): that counts as a failed attempt, so the peer is relayed and retried later.
	 */
	#create(peer: Peer, attempt: number, initiator: boolean): DirectLink | null {
		try {
			return this.#construct(peer, attempt, initiator);
		} catch (error) {
			this.#lost(peer, String(error));
			return null;
		}
	}

	/** Reports a lost attempt and, on the initiating side, schedules the next one further out. */
	#lost(peer: Peer, reason: string): void {
		this.#o.log({ type: 'peer', peerId: peer.id, event: 'direct-failed', detail: reason });
		if (peer.initiator) {
			peer.nextDirectAt = Date.now() + peer.retryMs;
			peer.retryMs = Math.min(peer.retryMs * 2, this.#o.tuning.directRetryMaxMs);
		}
		this.#o.onLost(peer);
	}

	#construct(peer: Peer, attempt: number, initiator: boolean): DirectLink {
		const o = this.#o;
		const link: DirectLink = new DirectLink({
			RTCPeerConnection: o.RTCPeerConnection as PeerConnectionConstructor,
			iceServers: o.iceServers,
			initiator,
			attempt,
			peerId: peer.id,
			tuning: o.tuning,
			log: o.log,
			sendSignal: (signal) => o.sendSignal(peer, signal),
			onOpen: () =>
				o.guard('direct open', () => {
					if (peer.direct !== link) return;
					peer.retryMs = o.tuning.directRetryMs;
					o.onOpen(peer);
				}),
			onPayload: (payload) => o.guard('direct message', () => peer.direct === link && o.onPayload(peer, payload)),
			onProgress: () => o.onProgress(peer),
			onFail: (reason) => o.guard('direct failure', () => peer.direct === link && this.fail(peer, reason, true))
		});
		return link;
	}
}
