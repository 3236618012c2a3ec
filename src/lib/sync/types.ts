/**
 * The shapes the sync layer shares with its users: state for the UI, peers, log events, options,
 * and the small structural types for WebSocket and WebRTC.
 *
 * Why structural types instead of the DOM classes: Node tests inject `ws` and a fake
 * RTCPeerConnection. Declaring exactly the members we use lets both the browser classes and the test
 * doubles type-check without casts, and documents how little of those APIs the layer relies on.
 */
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { SyncTuning } from './limits.ts';
import type { SessionRegistry } from './registry.ts';

/** Connection to the workshop server's signaling socket. */
export type SignalingStatus = 'connecting' | 'connected' | 'offline';

/**
 * What the UI shows about sync. `relayed` counts peers reached through the server and is 0 while
 * signaling is not connected (they are unreachable then). `synced` is true when at least one peer is
 * connected and every connected peer has sent us its full state.
 */
export interface SyncState {
	signaling: SignalingStatus;
	direct: number;
	relayed: number;
	synced: boolean;
}

/** How a peer is reached: a WebRTC data channel, the encrypted relay, or not yet either. */
export type PeerTransport = 'direct' | 'relay' | 'connecting';

export interface PeerInfo {
	peerId: string;
	transport: PeerTransport;
}

/** Why a message was thrown away. Every drop is reported through `log`; none of them throws. */
export type DropReason =
	| 'frame-too-large'
	| 'not-json'
	| 'unknown-frame'
	| 'bad-envelope'
	| 'undecryptable'
	| 'bad-message'
	| 'replayed'
	| 'inbox-full'
	| 'queue-full'
	| 'chunk-malformed'
	| 'chunk-duplicate'
	| 'message-too-large'
	| 'partial-evicted'
	| 'partial-stale'
	| 'yjs-rejected'
	| 'awareness-rejected'
	| 'bad-signal'
	| 'send-failed';

/** Where a dropped message came from. */
export type DropSource = 'signaling' | 'relay' | 'direct' | 'local';

/** Something the sync layer wants a developer (or a test) to know; the app decides what to keep. */
export type SyncLogEvent =
	| { type: 'dropped'; reason: DropReason; source: DropSource; peerId?: string; detail?: string }
	| { type: 'signaling'; status: SignalingStatus; detail?: string }
	| {
			type: 'peer';
			peerId: string;
			event: 'joined' | 'left' | 'timeout' | 'direct' | 'relay' | 'direct-failed';
			detail?: string;
	  }
	| { type: 'resync'; peerId: string; reason: 'link-open' | 'gap' | 'reconnect' | 'requested' | 'owed' }
	| { type: 'error'; where: string; detail: string };

export type SyncLog = (event: SyncLogEvent) => void;

/** An event handler type that both the DOM classes and test doubles satisfy (method bivariance). */
type Handler<E> = { bivarianceHack(event: E): void }['bivarianceHack'];

/** The part of the WebSocket API used here; the browser's WebSocket and `ws` both satisfy it. */
export interface WebSocketLike {
	readonly readyState: number;
	readonly bufferedAmount: number;
	send(data: string): void;
	close(code?: number, reason?: string): void;
	onopen: Handler<unknown> | null;
	onclose: Handler<unknown> | null;
	onerror: Handler<unknown> | null;
	onmessage: Handler<{ data: unknown }> | null;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

/** The part of RTCDataChannel used here. */
export interface DataChannelLike {
	readonly label: string;
	readonly readyState: RTCDataChannelState;
	readonly bufferedAmount: number;
	bufferedAmountLowThreshold: number;
	binaryType: string;
	send(data: Uint8Array<ArrayBuffer>): void;
	close(): void;
	onopen: Handler<unknown> | null;
	onclose: Handler<unknown> | null;
	onerror: Handler<unknown> | null;
	onmessage: Handler<{ data: unknown }> | null;
	onbufferedamountlow: Handler<unknown> | null;
}

/** The part of RTCPeerConnection used here. */
export interface PeerConnectionLike {
	readonly connectionState: RTCPeerConnectionState;
	createDataChannel(label: string, init?: RTCDataChannelInit): DataChannelLike;
	createOffer(): Promise<RTCSessionDescriptionInit>;
	createAnswer(): Promise<RTCSessionDescriptionInit>;
	setLocalDescription(description: RTCSessionDescriptionInit): Promise<void>;
	setRemoteDescription(description: RTCSessionDescriptionInit): Promise<void>;
	addIceCandidate(candidate: RTCIceCandidateInit): Promise<void>;
	close(): void;
	onicecandidate: Handler<{ candidate: RTCIceCandidateInit | null }> | null;
	ondatachannel: Handler<{ channel: DataChannelLike }> | null;
	onconnectionstatechange: Handler<unknown> | null;
}

export type PeerConnectionConstructor = new (config: RTCConfiguration) => PeerConnectionLike;

/** Options for `new SessionSync(…)`. */
export interface SessionSyncOptions {
	doc: Y.Doc;
	awareness: Awareness;
	/** Random, unguessable room name; it is the signaling topic and travels in clear. */
	room: string;
	/** Room secret; never sent anywhere. The AES-GCM key is derived from it with the room as salt. */
	secret: string;
	/** Signaling endpoint, e.g. `wss://host/signal` (the workshop server's own origin). */
	signalingUrl: string;
	/** ICE servers; default none (a LAN without internet has no STUN to reach). */
	iceServers?: RTCIceServer[];
	/** WebSocket implementation; defaults to `globalThis.WebSocket` (Node tests inject `ws`). */
	WebSocket?: WebSocketConstructor;
	/**
	 * RTCPeerConnection implementation. `undefined` → `globalThis.RTCPeerConnection` when the
	 * environment has one; `null` (or an environment without WebRTC) → every peer goes through the relay.
	 */
	RTCPeerConnection?: PeerConnectionConstructor | null;
	/** Receives dropped/malformed messages, connection changes and internal errors. */
	log?: SyncLog;
	/** Overrides for timings and limits (tests shorten them). */
	tuning?: Partial<SyncTuning>;
	/** Where "one provider per room" is enforced; defaults to the page-wide registry. */
	registry?: SessionRegistry;
	/**
	 * `false`: a signpost. Peers' document changes are not applied (their exchanges are answered
	 * from this provider's own document, which stays as it is), presence goes both ways. The app
	 * keeps one in each room a session left, to hand a returning device its notice without
	 * receiving or passing on anyone's board. Default `true`.
	 */
	acceptDocument?: boolean;
}
