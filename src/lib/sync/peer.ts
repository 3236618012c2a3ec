/**
 * What this device knows about one other device in the room.
 *
 * Why a record of its own: a peer is reached by one of two transports that change over its life
 * (connecting → direct or relay, direct ⇄ relay), and the session's rules read more plainly against
 * named fields than against maps of timers. The session owns every transition; this file only holds
 * state and the origin object that marks document changes received from this peer.
 */
import type { SyncTuning } from './limits.ts';
import type { DirectLink } from './peer-connection.ts';
import type { PeerTransport } from './types.ts';

/**
 * The Yjs transaction origin (and awareness origin) of changes that arrived from a peer:
 * `doc.on('update', (update, origin) => origin instanceof PeerOrigin)` tells remote changes apart.
 */
export class PeerOrigin {
	constructor(readonly peerId: string) {}
}

export class Peer {
	readonly id: string;
	readonly origin: PeerOrigin;
	/** This device makes the WebRTC offers to this peer (the smaller id initiates). */
	readonly initiator: boolean;
	/** The peer's awareness client id, from its announce. */
	clientId: number | null = null;
	/** The peer can do WebRTC (from its announce; assumed until it says otherwise). */
	rtc = true;
	lastHeard: number;
	transport: PeerTransport = 'connecting';
	connectingSince: number;
	/** We received its full state (a sync step 2) since it joined or since data was last lost. */
	synced = false;
	direct: DirectLink | null = null;
	/** Initiator: when to try a direct connection again, and the wait after the next failure. */
	nextDirectAt = 0;
	retryMs: number;

	constructor(id: string, selfId: string, now: number, tuning: SyncTuning) {
		this.id = id;
		this.origin = new PeerOrigin(id);
		this.initiator = selfId < id;
		this.lastHeard = now;
		this.connectingSince = now;
		this.retryMs = tuning.directRetryMs;
	}

	/** Messages can be exchanged (directly or through the relay). */
	get linked(): boolean {
		return this.transport !== 'connecting';
	}
}
