/**
 * `SessionSync`: keeps one Yjs document and its awareness in sync with every other device in a
 * workshop room — directly over WebRTC where the network allows it, through the workshop server
 * (encrypted, chunked, paced) where it does not.
 *
 * Why our own provider instead of y-webrtc: y-webrtc sends a late joiner the whole board as one
 * data-channel message (Chromium refuses over 256 KiB and the error is swallowed), cannot fall back
 * when guest Wi-Fi isolates devices, and lets presence go stale for 30 s. We keep its signaling
 * protocol, so the server stays a plain y-webrtc signaling server that only ever sees ciphertext.
 *
 * How a room works, in short (README.md has the long version):
 * - Each provider has a random peer id and broadcasts an encrypted `announce` on joining and every
 *   few seconds (the heartbeat); peers answer a newcomer directly, so both know each other at once.
 * - The smaller id offers a WebRTC connection. If it has not opened within a few seconds (or either
 *   side has no WebRTC), the pair talks through the relay, and the initiator retries direct later.
 * - A new link starts with a sync exchange (step 1 → step 2, both ways) and the presence states.
 *   Local and received updates go to every other link except where they came from, so a partial
 *   mesh converges; a change relayed to several peers is published once for all of them.
 * - Anything lost (a relay gap, a dropped queue, a dead channel, a server restart) triggers a resync
 *   with the peers concerned; a peer not heard from for ~10 s is dropped and its presence removed.
 */
import { removeAwarenessStates, type Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { randomPeerId } from './bytes.ts';
import { DirectLinks } from './direct-links.ts';
import { DocExchange } from './doc-exchange.ts';
import { Emitter } from './emitter.ts';
import { DEFAULT_TUNING, MAX_ROOM_LENGTH, type SyncTuning } from './limits.ts';
import { Peer } from './peer.ts';
import { pageRegistry, type SessionRegistry } from './registry.ts';
import { RoomChannel, type ControlMessage } from './room-channel.ts';
import { deriveRoomKey, type RoomKey } from './room-crypto.ts';
import { SignalingClient } from './signaling-client.ts';
import { encodeControl } from './sync-protocol.ts';
import { SyncScheduler } from './sync-scheduler.ts';
import type { DropSource, PeerInfo, SessionSyncOptions, SyncLog, SyncState, WebSocketConstructor } from './types.ts';

/** Events of a `SessionSync`. */
export interface SessionSyncEvents {
	/** The connection summary changed. */
	state: (state: SyncState) => void;
	/** A peer joined or left, or its transport changed. */
	peers: (peers: PeerInfo[]) => void;
}

/** Keeps `doc` and `awareness` in sync with the other devices in `room`. See the module header. */
export class SessionSync {
	/** This provider's random id in the room (travels in clear; means nothing outside the room). */
	readonly peerId: string = randomPeerId();
	readonly room: string;
	readonly doc: Y.Doc;
	readonly awareness: Awareness;

	readonly #tuning: SyncTuning;
	readonly #log: SyncLog;
	readonly #registry: SessionRegistry;
	readonly #WebSocket: WebSocketConstructor;
	readonly #signalingUrl: string;
	readonly #emitter: Emitter<SessionSyncEvents>;
	readonly #peers = new Map<string, Peer>();
	readonly #scheduler: SyncScheduler;
	readonly #exchange: DocExchange;
	readonly #direct: DirectLinks;
	/** Peers we failed to deliver something to; resynchronised as soon as they can be reached. */
	readonly #owed = new Set<string>();
	#signaling: SignalingClient | null = null;
	#channel: RoomChannel | null = null;
	#state: SyncState = { signaling: 'connecting', direct: 0, relayed: 0, synced: false };
	#peersSignature = '';
	#lastAnnounceAt = 0;
	#timer: ReturnType<typeof setInterval>;
	#destroyed = false;

	constructor(options: SessionSyncOptions) {
		const { doc, awareness, room, secret, signalingUrl } = options;
		if (typeof room !== 'string' || room.length === 0 || room.length > MAX_ROOM_LENGTH) {
			throw new Error(`SessionSync: room must be 1–${MAX_ROOM_LENGTH} characters`);
		}
		if (typeof secret !== 'string' || secret.length === 0) throw new Error('SessionSync: secret is required');
		const WebSocketImpl = options.WebSocket ?? globalThis.WebSocket;
		if (typeof WebSocketImpl !== 'function') throw new Error('SessionSync: no WebSocket implementation');
		this.room = room;
		this.doc = doc;
		this.awareness = awareness;
		this.#signalingUrl = signalingUrl;
		this.#WebSocket = WebSocketImpl;
		this.#tuning = { ...DEFAULT_TUNING, ...options.tuning };
		const log = options.log;
		this.#log = (event) => {
			try {
				log?.(event);
			} catch {
				// A faulty logger must not break sync.
			}
		};
		this.#emitter = new Emitter((error) => this.#error('listener', error));
		this.#scheduler = new SyncScheduler({
			timeoutMs: this.#tuning.step1TimeoutMs,
			quietMs: this.#tuning.resyncQuietMs,
			send: (peerId, withRequest, retry) => this.#sendStep1(peerId, withRequest, retry)
		});
		this.#exchange = new DocExchange({
			doc,
			awareness,
			scheduler: this.#scheduler,
			log: this.#log,
			acceptDocument: options.acceptDocument !== false,
			linkedPeers: () => [...this.#peers.values()].filter((peer) => peer.linked),
			sendTo: (peer, payload) => this.#sendTo(peer, payload),
			broadcast: (payload, skip) => this.#broadcast(payload, skip),
			onBye: (peer) => this.#dropPeer(peer, 'left'),
			onChange: () => this.#changed(),
			guard: (where, fn) => this.#guard(where, fn)
		});
		this.#direct = new DirectLinks({
			RTCPeerConnection:
				options.RTCPeerConnection !== undefined
					? options.RTCPeerConnection
					: typeof globalThis.RTCPeerConnection === 'function'
						? globalThis.RTCPeerConnection
						: null,
			iceServers: options.iceServers ?? [],
			tuning: this.#tuning,
			log: this.#log,
			sendSignal: (peer, signal) => void this.#channel?.send({ kind: 'signal', signal }, [peer.id]),
			onOpen: (peer) => this.#directOpened(peer),
			onLost: (peer) => this.#directLost(peer),
			onPayload: (peer, payload) => this.#onPayload(peer, payload, 'direct', []),
			onProgress: (peer) => this.#scheduler.progress(peer.id),
			guard: (where, fn) => this.#guard(where, fn)
		});
		this.#registry = options.registry ?? pageRegistry;
		this.#registry.claim(room, this);

		this.#exchange.attach();
		doc.on('destroy', this.#onDocDestroy);
		this.#timer = setInterval(this.#tick, this.#tuning.tickMs);
		void this.#start(secret);
	}

	/** The current connection summary. */
	get state(): SyncState {
		return this.#state;
	}

	/** Every peer currently in the room and how it is reached. */
	peers(): PeerInfo[] {
		return Array.from(this.#peers.values(), (peer) => ({ peerId: peer.id, transport: peer.transport }));
	}

	on<K extends keyof SessionSyncEvents>(event: K, listener: SessionSyncEvents[K]): void {
		this.#emitter.on(event, listener);
	}

	off<K extends keyof SessionSyncEvents>(event: K, listener: SessionSyncEvents[K]): void {
		this.#emitter.off(event, listener);
	}

	/**
	 * Leaves the room: tells the peers (so their presence list updates at once), closes every
	 * connection and releases the room in the registry. Also happens when the document is destroyed.
	 */
	destroy(): void {
		if (this.#destroyed) return;
		this.#destroyed = true;
		clearInterval(this.#timer);
		this.#exchange.detach();
		this.doc.off('destroy', this.#onDocDestroy);
		this.#registry.release(this.room, this);
		const bye = encodeControl('bye');
		for (const peer of this.#peers.values()) peer.direct?.close(bye);
		this.#peers.clear();
		this.#scheduler.clear();
		const channel = this.#channel;
		const signaling = this.#signaling;
		if (channel && signaling?.connected) {
			void channel.send({ kind: 'leave' }).finally(() => {
				channel.close();
				signaling.stop();
			});
		} else {
			channel?.close();
			signaling?.stop();
		}
		// Presence learnt through this room is no longer kept fresh by anyone.
		const remote = [...this.awareness.getStates().keys()].filter((id) => id !== this.awareness.clientID);
		if (remote.length > 0) removeAwarenessStates(this.awareness, remote, this);
		this.#state = { signaling: 'offline', direct: 0, relayed: 0, synced: false };
		this.#emitter.emit('state', this.#state);
		this.#emitter.emit('peers', []);
		this.#emitter.clear();
	}

	// ── start-up and signaling ────────────────────────────────────────────────────────────────

	async #start(secret: string): Promise<void> {
		let key: RoomKey;
		try {
			key = await deriveRoomKey(secret, this.room);
		} catch (error) {
			this.#error('key derivation', error);
			this.#state = { ...this.#state, signaling: 'offline' };
			this.#emitter.emit('state', this.#state);
			return;
		}
		if (this.#destroyed) return;
		const signaling = new SignalingClient({
			url: this.#signalingUrl,
			topic: this.room,
			WebSocket: this.#WebSocket,
			tuning: this.#tuning,
			log: this.#log,
			onStatus: () => this.#changed(),
			onReady: () => this.#guard('signaling ready', () => this.#onSignalingReady()),
			onPublish: (data) => this.#channel?.receive(data),
			onDiscard: (frames) => {
				for (const frame of frames) if (frame.bulk) for (const id of frame.recipients ?? []) this.#owed.add(id);
			}
		});
		this.#signaling = signaling;
		this.#channel = new RoomChannel({
			room: this.room,
			selfId: this.peerId,
			key,
			publisher: signaling,
			tuning: this.#tuning,
			log: this.#log,
			onMessage: (from, message, broadcast) =>
				this.#guard('room message', () => this.#onControl(from, message, broadcast)),
			onRelayed: (from, payload, recipients) =>
				this.#guard('relayed message', () => this.#onRelayed(from, payload, recipients)),
			onHeard: (from) => {
				const peer = this.#peers.get(from);
				if (peer) peer.lastHeard = Date.now();
			},
			onProgress: (from) => this.#scheduler.progress(from),
			onGap: (from) => this.#guard('relay gap', () => this.#resync(from, 'gap')),
			onUndelivered: (recipients) => recipients.forEach((id) => this.#owed.add(id))
		});
		signaling.start();
	}

	#onSignalingReady(): void {
		this.#announce();
		// Frames may have been lost both ways while we were away: resync every relayed peer. The
		// network may have changed too (a new Wi-Fi): try direct connections again soon.
		const relayed = [...this.#peers.values()].filter((peer) => peer.transport === 'relay');
		for (const peer of relayed) this.#resync(peer.id, 'reconnect');
		this.#direct.retrySoon(relayed);
		this.#changed();
	}

	#announce(to?: string): void {
		const message: ControlMessage = {
			kind: 'announce',
			clientId: this.awareness.clientID,
			rtc: this.#direct.available
		};
		if (to) void this.#channel?.send(message, [to]);
		else {
			this.#lastAnnounceAt = Date.now();
			void this.#channel?.send(message);
		}
	}

	#onControl(from: string, message: ControlMessage, broadcast: boolean): void {
		if (this.#destroyed) return;
		switch (message.kind) {
			case 'announce': {
				const known = this.#peers.get(from);
				const peer = known ?? this.#register(from, message.rtc);
				peer.lastHeard = Date.now();
				peer.clientId = message.clientId;
				if (peer.rtc && !message.rtc) {
					peer.rtc = false;
					if (peer.direct) this.#direct.fail(peer, 'peer has no WebRTC', false);
					else if (peer.transport === 'connecting') this.#openRelay(peer);
				}
				// "Peers answer so both know each other": a newcomer hears from us at once.
				if (!known && broadcast) this.#announce(from);
				break;
			}
			case 'leave': {
				const peer = this.#peers.get(from);
				if (peer) this.#dropPeer(peer, 'left');
				break;
			}
			case 'signal':
				this.#direct.handleSignal(this.#ensurePeer(from), message.signal);
				break;
		}
	}

	// ── peers and transports ──────────────────────────────────────────────────────────────────

	#ensurePeer(from: string): Peer {
		const known = this.#peers.get(from);
		if (known) {
			known.lastHeard = Date.now();
			return known;
		}
		const peer = this.#register(from, true);
		// It knows us but we missed its announce: tell it who we are (it will answer with its own).
		this.#announce(from);
		return peer;
	}

	#register(id: string, rtc: boolean): Peer {
		const peer = new Peer(id, this.peerId, Date.now(), this.#tuning);
		peer.rtc = rtc;
		this.#peers.set(id, peer);
		this.#log({ type: 'peer', peerId: id, event: 'joined' });
		if (!this.#direct.possible(peer)) this.#openRelay(peer);
		else this.#direct.start(peer);
		this.#changed();
		return peer;
	}

	#directOpened(peer: Peer): void {
		if (this.#peers.get(peer.id) !== peer) return;
		const first = peer.transport === 'connecting';
		peer.transport = 'direct';
		this.#log({ type: 'peer', peerId: peer.id, event: 'direct' });
		this.#linkOpened(peer, first);
	}

	#directLost(peer: Peer): void {
		if (this.#peers.get(peer.id) === peer && peer.transport !== 'relay') this.#openRelay(peer);
	}

	#openRelay(peer: Peer): void {
		const first = peer.transport === 'connecting';
		peer.transport = 'relay';
		this.#log({ type: 'peer', peerId: peer.id, event: 'relay' });
		this.#linkOpened(peer, first);
	}

	/**
	 * A link became usable. A new peer, or one we fell back from a direct link with (whose send
	 * buffer may have been lost), gets a full exchange both ways; relay → direct only tops up.
	 */
	#linkOpened(peer: Peer, first: boolean): void {
		if (first) peer.synced = false;
		if (first || peer.transport === 'relay') this.#resync(peer.id, 'link-open');
		else this.#scheduler.request(peer.id, { withRequest: true, urgent: false });
		this.#exchange.sendPresence(peer);
		this.#changed();
	}

	#dropPeer(peer: Peer, reason: 'left' | 'timeout'): void {
		if (this.#peers.get(peer.id) !== peer) return;
		this.#peers.delete(peer.id);
		peer.direct?.close();
		peer.direct = null;
		this.#channel?.forget(peer.id);
		this.#scheduler.forget(peer.id);
		this.#owed.delete(peer.id);
		this.#log({ type: 'peer', peerId: peer.id, event: reason });
		const clientId = peer.clientId;
		if (clientId !== null && clientId !== this.awareness.clientID && this.awareness.getStates().has(clientId)) {
			// Passed on to the remaining peers like any awareness change, so a partial mesh clears it too.
			removeAwarenessStates(this.awareness, [clientId], this);
		}
		this.#changed();
	}

	// ── messages ──────────────────────────────────────────────────────────────────────────────

	#resync(peerId: string, reason: 'link-open' | 'gap' | 'reconnect' | 'owed'): void {
		const peer = this.#peers.get(peerId);
		if (!peer?.linked) return;
		if (reason !== 'link-open') peer.synced = false;
		this.#log({ type: 'resync', peerId, reason });
		this.#scheduler.request(peerId, { withRequest: true, urgent: true });
		this.#changed();
	}

	#sendStep1(peerId: string, withRequest: boolean, retry: boolean): boolean {
		const peer = this.#peers.get(peerId);
		if (!peer?.linked || this.#destroyed) return false;
		// The earlier answer was slow, not lost: asking again would bring the same data twice.
		if (retry && peer.synced) return false;
		return this.#exchange.sendStep1(peer, withRequest);
	}

	#onRelayed(from: string, payload: Uint8Array<ArrayBuffer>, recipients: readonly string[]): void {
		if (this.#destroyed) return;
		const peer = this.#ensurePeer(from);
		// It gave up waiting for a direct connection before we did: meet it on the relay.
		if (peer.transport === 'connecting') this.#openRelay(peer);
		this.#onPayload(peer, payload, 'relay', recipients);
	}

	#onPayload(peer: Peer, payload: Uint8Array, source: DropSource, reached: readonly string[]): void {
		if (this.#destroyed || this.#peers.get(peer.id) !== peer) return;
		peer.lastHeard = Date.now();
		this.#exchange.handle(peer, payload, source, reached);
	}

	/** Sends to every linked peer not in `skip`: one relay publish for all relayed peers. */
	#broadcast(payload: Uint8Array, skip: ReadonlySet<string>): void {
		if (this.#destroyed) return;
		const relayTo: string[] = [];
		for (const peer of this.#peers.values()) {
			if (skip.has(peer.id)) continue;
			if (peer.transport === 'direct') this.#sendTo(peer, payload);
			else if (peer.transport === 'relay') relayTo.push(peer.id);
		}
		if (relayTo.length > 0 && !this.#channel?.relay(payload, relayTo)) {
			for (const id of relayTo) this.#owed.add(id);
		}
	}

	#sendTo(peer: Peer, payload: Uint8Array): boolean {
		let sent = false;
		if (peer.transport === 'direct') sent = peer.direct?.send(payload) ?? false;
		else if (peer.transport === 'relay') sent = this.#channel?.relay(payload, [peer.id]) ?? false;
		else return false;
		if (!sent) this.#owed.add(peer.id);
		return sent;
	}

	// ── housekeeping ──────────────────────────────────────────────────────────────────────────

	#tick = (): void =>
		this.#guard('tick', () => {
			if (this.#destroyed) return;
			const now = Date.now();
			const t = this.#tuning;
			const online = this.#signaling?.connected ?? false;
			if (online && now - this.#lastAnnounceAt >= t.heartbeatMs) this.#announce();
			for (const peer of [...this.#peers.values()]) {
				if (this.#silentFor(peer, now) > t.peerTimeoutMs) {
					this.#dropPeer(peer, 'timeout');
					continue;
				}
				this.#direct.tick(peer, now, online);
				if (peer.transport === 'connecting' && now - peer.connectingSince > t.directConnectTimeoutMs) {
					this.#openRelay(peer);
				}
			}
			this.#scheduler.tick(now);
			this.#settleOwed(online);
			this.#channel?.sweep(now);
		});

	/**
	 * How long a peer has been silent: nothing authentic from it through the server, and no chunk on
	 * its data channel (a large message takes a while to complete). Frames still waiting in our own
	 * inbox count as not silent.
	 */
	#silentFor(peer: Peer, now: number): number {
		if (this.#channel?.hasWaiting(peer.id)) return 0;
		const channelHeard = peer.direct?.isOpen ? peer.direct.lastReceivedAt : 0;
		return now - Math.max(peer.lastHeard, channelHeard);
	}

	/** Resyncs peers we failed to deliver to, once they can be reached again. */
	#settleOwed(online: boolean): void {
		for (const id of [...this.#owed]) {
			const peer = this.#peers.get(id);
			if (!peer?.linked) {
				// Gone, or not linked yet: a new link starts with a full exchange anyway.
				this.#owed.delete(id);
				continue;
			}
			if (peer.transport === 'relay' && !online) continue;
			if (peer.transport === 'direct' && (peer.direct?.queuedBytes ?? 0) > 0) continue;
			this.#owed.delete(id);
			// An exchange already on its way settles the debt.
			if (this.#scheduler.isQueued(id) || this.#scheduler.outstanding === id) continue;
			this.#resync(id, 'owed');
		}
	}

	/** Recomputes the state and the peer list, and emits what changed. */
	#changed(): void {
		if (this.#destroyed) return;
		let direct = 0;
		let relayed = 0;
		let synced = 0;
		const signaling = this.#signaling?.status ?? this.#state.signaling;
		for (const peer of this.#peers.values()) {
			// Relayed peers are out of reach while the server is.
			const reachable = peer.transport === 'direct' || (peer.transport === 'relay' && signaling === 'connected');
			if (peer.transport === 'direct') direct++;
			else if (reachable) relayed++;
			if (reachable && peer.synced) synced++;
		}
		const linked = direct + relayed;
		const next: SyncState = { signaling, direct, relayed, synced: linked > 0 && synced === linked };
		const previous = this.#state;
		if (
			next.signaling !== previous.signaling ||
			next.direct !== previous.direct ||
			next.relayed !== previous.relayed ||
			next.synced !== previous.synced
		) {
			this.#state = next;
			this.#emitter.emit('state', next);
		}
		const signature = [...this.#peers.values()].map((peer) => `${peer.id}:${peer.transport}`).join(',');
		if (signature !== this.#peersSignature) {
			this.#peersSignature = signature;
			this.#emitter.emit('peers', this.peers());
		}
	}

	#onDocDestroy = (): void => this.destroy();

	#guard(where: string, fn: () => void): void {
		try {
			fn();
		} catch (error) {
			this.#error(where, error);
		}
	}

	#error(where: string, error: unknown): void {
		this.#log({
			type: 'error',
			where,
			detail: error instanceof Error ? (error.stack ?? error.message) : String(error)
		});
	}
}
