/**
 * What one client may ask of the workshop server. A workshop has tens of devices, not thousands:
 * the bounds are generous for that and small enough that one misbehaving phone cannot starve the
 * others or exhaust the laptop's memory.
 */
export interface Limits {
	/** Largest WebSocket frame accepted, in bytes; larger frames close the socket (1009). */
	maxPayloadBytes: number;
	/** Topics (rooms) one connection may subscribe to at once. */
	maxTopicsPerConnection: number;
	/** Open signaling connections in all. */
	maxConnections: number;
	/** Open signaling connections from one client address (one device, or one script). */
	maxConnectionsPerAddress: number;
	/** Distinct topics one client address may hold across all its connections. */
	maxTopicsPerAddress: number;
	/** How long a new connection may stay without subscribing to a topic before it is closed. */
	subscribeGraceMs: number;
	/** Longest topic name accepted, in characters. */
	maxTopicLength: number;
	/** Messages one connection may send per second (sustained), and the burst above it. */
	messagesPerSecond: number;
	messageBurst: number;
	/** A subscriber whose send buffer is above this is skipped rather than buffered further. */
	maxBufferedBytes: number;
	/** Frames published in one room per second, counted across every instance (with `--redis` only). */
	roomMessagesPerSecond: number;
}

export const DEFAULT_LIMITS: Limits = {
	maxPayloadBytes: 256 * 1024,
	maxTopicsPerConnection: 16,
	maxConnections: 500,
	// A device opens one socket per session it has open; 32 covers a facilitator's tabs many times.
	maxConnectionsPerAddress: 32,
	maxTopicsPerAddress: 16,
	subscribeGraceMs: 10_000,
	maxTopicLength: 128,
	messagesPerSecond: 200,
	messageBurst: 400,
	maxBufferedBytes: 8 * 1024 * 1024,
	// Forty devices each at their own sustained limit would be 8000; a room that really needs more
	// than this is a flood, and its devices resync from what they missed.
	roomMessagesPerSecond: 2000
};
