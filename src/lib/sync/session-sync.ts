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
import { removeAwarenessStates, applyAwarenessUpdate, type Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { randomPeerId } from './bytes.ts';
import { Emitter } from './emitter.ts';
import { DEFAULT_TUNING, MAX_ROOM_LENGTH, type SyncTuning } from './limits.ts';
import { Peer, PeerOrigin } from './peer.ts';
import { DirectLink } from './peer-connection.ts';
import { pageRegistry, type SessionRegistry } from './registry.ts';
import { RoomChannel, type ControlMessage } from './room-channel.ts';
import { deriveRoomKey } from './room-crypto.ts';
import type { DirectSignal } from './room-messages.ts';
import { SignalingClient } from './signaling-client.ts';
import {
	encodeAwareness,
	encodeControl,
	encodeSyncStep1,
	encodeSyncStep2,
	encodeUpdate,
	parsePeerMessage,
	sanitizeAwarenessUpdate
} from './sync-protocol.ts';
import { SyncScheduler } from './sync-scheduler.ts';
import type {
	DropSource,
	PeerConnectionConstructor,
	PeerInfo,
	SessionSyncOptions,
	SyncLog,
	SyncLogEvent,
	SyncState,
	WebSocketConstructor
} from './types.ts';

/** Events of a `SessionSync`. */
export interface SessionSyncEvents {
	/** The connection summary changed. */
	state: (state: SyncState) => void;
	/** A peer joined or left, or its transport changed. */
	peers: (peers: PeerInfo[]) => void;
}

interface AwarenessChange {
	added: number[];
	updated: number[];
	removed: number[];
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
	readonly #RTCPeerConnection: PeerConnectionConstructor | null;
	readonly #iceServers: RTCIceServer[];
	readonly #signalingUrl: string;
	readonly #emitter: Emitter<SessionSyncEvents>;
	readonly #peers = new Map<string, Peer>();
	readonly #scheduler: SyncScheduler;
	/** Peers we failed to deliver something to; resynchronised on the next tick we can reach them. */
	readonly #owed = new Set<string>();
	#signaling: SignalingClient | null = null;
	#channel: RoomChannel | null = null;
	#state: SyncState = { signaling: 'connecting', direct: 0, relayed: 0, synced: false };
	#peersSignature = '';
	#attemptCounter = 0;
	#lastAnnounceAt = 0;
	/** Set while applying a relayed update: the peers that received the same frames. */
	#delivery: { peerId: string; reached: readonly string[] } | null = null;
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
		this.#RTCPeerConnection =
			options.RTCPeerConnection !== undefined
				? options.RTCPeerConnection
				: typeof globalThis.RTCPeerConnection === 'function'
					? globalThis.RTCPeerConnection
					: null;
		this.#iceServers = options.iceServers ?? [];
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
			send: (peerId, withRequest) => this.#sendStep1(peerId, withRequest)
		});
		this.#registry = options.registry ?? pageRegistry;
		this.#registry.claim(room, this);

		doc.on('update', this.#onDocUpdate);
		doc.on('destroy', this.#onDocDestroy);
		awareness.on('update', this.#onAwarenessUpdate);
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
		this.doc.off('update', this.#onDocUpdate);
		this.doc.off('destroy', this.#onDocDestroy);
		this.awareness.off('update', this.#onAwarenessUpdate);
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
		let key: CryptoKey;
		try {
			key = await deriveRoomKey(secret, this.room);
		} catch (error) {
			this.#error('key derivation', error);
			this.#setSignalingOffline();
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
		// Frames may have been lost both ways while we were away: resync every relayed peer.
		for (const peer of this.#peers.values()) {
			if (peer.transport === 'relay') this.#resync(peer.id, 'reconnect');
		}
		this.#changed();
	}

	#announce(to?: string): void {
		const message: ControlMessage = {
			kind: 'announce',
			clientId: this.awareness.clientID,
			rtc: this.#RTCPeerConnection !== null
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
				if (peer.rtc !== message.rtc) {
					peer.rtc = message.rtc;
					if (!peer.rtc && peer.direct) this.#directFailed(peer, peer.direct, 'peer has no WebRTC', false);
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
				this.#onSignal(this.#ensurePeer(from), message.signal);
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
		if (!this.#canDirect(peer)) this.#openRelay(peer);
		else if (peer.initiator) this.#startDirect(peer);
		this.#changed();
		return peer;
	}

	#canDirect(peer: Peer): boolean {
		return this.#RTCPeerConnection !== null && peer.rtc;
	}

	#startDirect(peer: Peer): void {
		peer.direct = this.#newLink(peer, ++this.#attemptCounter, true);
		peer.direct.start();
	}

	#newLink(peer: Peer, attempt: number, initiator: boolean): DirectLink {
		const link: DirectLink = new DirectLink({
			RTCPeerConnection: this.#RTCPeerConnection as PeerConnectionConstructor,
			iceServers: this.#iceServers,
			initiator,
			attempt,
			peerId: peer.id,
			tuning: this.#tuning,
			log: this.#log,
			sendSignal: (signal) => void this.#channel?.send({ kind: 'signal', signal }, [peer.id]),
			onOpen: () => this.#guard('direct open', () => this.#directOpened(peer, link)),
			onPayload: (payload) => this.#guard('direct message', () => this.#onPayload(peer, payload, 'direct', [])),
			onProgress: () => this.#scheduler.progress(peer.id),
			onFail: (reason) => this.#guard('direct failure', () => this.#directFailed(peer, link, reason, true))
		});
		return link;
	}

	#onSignal(peer: Peer, signal: DirectSignal): void {
		if (!this.#canDirect(peer)) return;
		const link = peer.direct;
		if (signal.hangup) {
			if (link?.attempt === signal.attempt) this.#directFailed(peer, link, 'peer hung up', false);
			return;
		}
		if (!peer.initiator && signal.description?.type === 'offer') {
			if (link && signal.attempt <= link.attempt) {
				this.#log({
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
			peer.direct = this.#newLink(peer, signal.attempt, false);
		}
		if (peer.direct && peer.direct.attempt === signal.attempt) peer.direct.handleSignal(signal);
	}

	#directOpened(peer: Peer, link: DirectLink): void {
		if (this.#peers.get(peer.id) !== peer || peer.direct !== link) return;
		const first = peer.transport === 'connecting';
		peer.transport = 'direct';
		peer.retryMs = this.#tuning.directRetryMs;
		this.#log({ type: 'peer', peerId: peer.id, event: 'direct' });
		this.#linkOpened(peer, first);
	}

	#directFailed(peer: Peer, link: DirectLink, reason: string, notify: boolean): void {
		if (peer.direct !== link) return;
		link.close();
		peer.direct = null;
		if (notify)
			void this.#channel?.send({ kind: 'signal', signal: { attempt: link.attempt, hangup: true } }, [peer.id]);
		this.#log({ type: 'peer', peerId: peer.id, event: 'direct-failed', detail: reason });
		if (peer.initiator) {
			peer.nextDirectAt = Date.now() + peer.retryMs;
			peer.retryMs = Math.min(peer.retryMs * 2, this.#tuning.directRetryMaxMs);
		}
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
		const fellBack = peer.transport === 'relay' && !first;
		if (first || fellBack) {
			if (first) peer.synced = false;
			this.#resync(peer.id, 'link-open');
		} else {
			this.#scheduler.request(peer.id, { withRequest: true, urgent: false });
		}
		this.#sendTo(peer, encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
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
			// Forwarded to the remaining peers by #onAwarenessUpdate, so a partial mesh clears it too.
			removeAwarenessStates(this.awareness, [clientId], this);
		}
		this.#changed();
	}

	// ── sync messages ─────────────────────────────────────────────────────────────────────────

	#resync(peerId: string, reason: 'link-open' | 'gap' | 'reconnect' | 'owed'): void {
		const peer = this.#peers.get(peerId);
		if (!peer?.linked) return;
		if (reason !== 'link-open') peer.synced = false;
		this.#log({ type: 'resync', peerId, reason });
		this.#scheduler.request(peerId, { withRequest: true, urgent: true });
		this.#changed();
	}

	#sendStep1(peerId: string, withRequest: boolean): boolean {
		const peer = this.#peers.get(peerId);
		if (!peer?.linked || this.#destroyed) return false;
		if (!this.#sendTo(peer, encodeSyncStep1(this.doc))) return false;
		if (withRequest) this.#sendTo(peer, encodeControl('resync'));
		return true;
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
		const message = parsePeerMessage(payload);
		if (!message) {
			this.#log({ type: 'dropped', reason: 'bad-message', source, peerId: peer.id });
			return;
		}
		switch (message.kind) {
			case 'sync-step1': {
				let reply: Uint8Array;
				try {
					reply = encodeSyncStep2(this.doc, message.stateVector);
				} catch (error) {
					this.#log({ type: 'dropped', reason: 'yjs-rejected', source, peerId: peer.id, detail: String(error) });
					return;
				}
				this.#sendTo(peer, reply);
				break;
			}
			case 'sync-step2':
				if (this.#applyUpdate(peer, message.update, source, reached)) peer.synced = true;
				this.#scheduler.completed(peer.id);
				this.#changed();
				break;
			case 'sync-update':
				this.#applyUpdate(peer, message.update, source, reached);
				break;
			case 'awareness': {
				const update = sanitizeAwarenessUpdate(message.update, this.awareness.clientID);
				if (!update) {
					this.#log({ type: 'dropped', reason: 'awareness-rejected', source, peerId: peer.id });
					return;
				}
				this.#delivery = { peerId: peer.id, reached };
				try {
					applyAwarenessUpdate(this.awareness, update, peer.origin);
				} finally {
					this.#delivery = null;
				}
				break;
			}
			case 'resync':
				this.#log({ type: 'resync', peerId: peer.id, reason: 'requested' });
				this.#scheduler.request(peer.id, { withRequest: false, urgent: false });
				this.#sendTo(peer, encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
				break;
			case 'ping':
				break;
			case 'bye':
				this.#dropPeer(peer, 'left');
				break;
		}
	}

	/** Applies a document update from `peer`; false when Yjs refused it. */
	#applyUpdate(peer: Peer, update: Uint8Array, source: DropSource, reached: readonly string[]): boolean {
		this.#delivery = { peerId: peer.id, reached };
		try {
			Y.applyUpdate(this.doc, update, peer.origin);
			return true;
		} catch (error) {
			this.#log({ type: 'dropped', reason: 'yjs-rejected', source, peerId: peer.id, detail: String(error) });
			return false;
		} finally {
			this.#delivery = null;
		}
	}

	#onDocUpdate = (update: Uint8Array, origin: unknown): void =>
		this.#guard('document update', () => {
			if (this.#destroyed || this.#peers.size === 0) return;
			this.#broadcast(encodeUpdate(update), this.#alreadyReached(origin));
		});

	#onAwarenessUpdate = (change: AwarenessChange, origin: unknown): void =>
		this.#guard('awareness update', () => {
			if (this.#destroyed || this.#peers.size === 0) return;
			const clients = [...change.added, ...change.updated, ...change.removed];
			if (clients.length === 0) return;
			this.#broadcast(encodeAwareness(this.awareness, clients), this.#alreadyReached(origin));
		});

	#onDocDestroy = (): void => this.destroy();

	/**
	 * Peers that certainly have a change already: the peer it came from and, for relayed changes, the
	 * other recipients of the same frames (a recipient that lost one sees the gap and resyncs). Every
	 * other peer gets it, so a partial mesh converges. Guessing more (say, from who claims a link to
	 * whom) would go wrong exactly when links fail, which is when forwarding matters.
	 */
	#alreadyReached(origin: unknown): ReadonlySet<string> {
		const reached = new Set<string>();
		if (!(origin instanceof PeerOrigin)) return reached;
		reached.add(origin.peerId);
		const delivery = this.#delivery;
		if (delivery?.peerId === origin.peerId && this.#peers.get(origin.peerId)?.origin === origin) {
			for (const id of delivery.reached) reached.add(id);
		}
		return reached;
	}

	/** Sends to every linked peer not in `skip`: one relay publish for all relayed peers. */
	#broadcast(payload: Uint8Array, skip: ReadonlySet<string>): void {
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
				this.#tickDirect(peer, now, online);
				if (peer.transport === 'connecting' && now - peer.connectingSince > t.directConnectTimeoutMs) {
					this.#openRelay(peer);
				}
			}
			this.#scheduler.tick(now);
			if (online || this.#owed.size > 0) this.#settleOwed(online);
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

	#tickDirect(peer: Peer, now: number, online: boolean): void {
		const t = this.#tuning;
		const link = peer.direct;
		if (link) {
			link.tick(now);
			if (link.isOpen) {
				if (now - link.lastReceivedAt > t.channelTimeoutMs) this.#directFailed(peer, link, 'channel silent', true);
				else if (now - link.lastSentAt >= t.channelPingMs) link.send(encodeControl('ping'));
			} else if (now - link.startedAt > t.directAttemptTimeoutMs) {
				this.#directFailed(peer, link, 'attempt timed out', true);
			}
		} else if (peer.initiator && peer.transport === 'relay' && online && this.#canDirect(peer)) {
			if (now >= peer.nextDirectAt) this.#startDirect(peer);
		}
	}

	/** Resyncs peers we failed to deliver to, once they can be reached again. */
	#settleOwed(online: boolean): void {
		for (const id of [...this.#owed]) {
			const peer = this.#peers.get(id);
			if (!peer) {
				this.#owed.delete(id);
				continue;
			}
			if (peer.transport === 'relay' && !online) continue;
			if (peer.transport === 'direct' && (peer.direct?.queuedBytes ?? 0) > 0) continue;
			this.#owed.delete(id);
			this.#resync(id, 'owed');
		}
	}

	#setSignalingOffline(): void {
		this.#state = { ...this.#state, signaling: 'offline' };
		this.#emitter.emit('state', this.#state);
	}

	/** Recomputes the state and the peer list, and emits what changed. */
	#changed(): void {
		if (this.#destroyed) return;
		let direct = 0;
		let relayed = 0;
		let linked = 0;
		let synced = 0;
		const signaling = this.#signaling?.status ?? this.#state.signaling;
		for (const peer of this.#peers.values()) {
			if (peer.transport === 'direct') direct++;
			if (peer.transport === 'relay' && signaling === 'connected') relayed++;
			if (peer.transport === 'direct' || (peer.transport === 'relay' && signaling === 'connected')) {
				linked++;
				if (peer.synced) synced++;
			}
		}
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

	#guard(where: string, fn: () => void): void {
		try {
			fn();
		} catch (error) {
			this.#error(where, error);
		}
	}

	#error(where: string, error: unknown): void {
		const event: SyncLogEvent = {
			type: 'error',
			where,
			detail: error instanceof Error ? (error.stack ?? error.message) : String(error)
		};
		this.#log(event);
	}
}
