/**
 * The sync layer's public face. Everything else in this folder is an implementation detail that
 * may change; import from here.
 */
export { SessionSync, type SessionSyncEvents } from './session-sync.ts';
export { PeerOrigin } from './peer.ts';
export { SessionRegistry, pageRegistry } from './registry.ts';
export { DEFAULT_TUNING, type SyncTuning } from './limits.ts';
export type {
	DropReason,
	DropSource,
	PeerConnectionConstructor,
	PeerInfo,
	PeerTransport,
	SessionSyncOptions,
	SignalingStatus,
	SyncLog,
	SyncLogEvent,
	SyncState,
	WebSocketConstructor
} from './types.ts';
