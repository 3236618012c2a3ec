/**
 * Every number that shapes the sync layer's timing and memory, in one place.
 *
 * Why a table and not constants scattered through the modules: the numbers interact (the heartbeat
 * must be well inside the peer timeout, relay frames must stay well under the server's 256 KiB frame
 * limit after base64, the pacing must stay under its 200 messages/s), and tests shrink the timings to
 * run in seconds. `SessionSync` takes a `Partial<SyncTuning>` and fills the rest from `DEFAULT_TUNING`.
 */

/** Timings (milliseconds), sizes (bytes) and rates that `SessionSync` works with. */
export interface SyncTuning {
	/** How often this device broadcasts an encrypted `announce` (its heartbeat) to the room. */
	heartbeatMs: number;
	/** A peer not heard from (any transport) for this long is dropped and its presence removed. */
	peerTimeoutMs: number;
	/** A peer whose direct connection has not opened after this long is served through the relay. */
	directConnectTimeoutMs: number;
	/** A direct attempt still not open after this long is abandoned (and retried later). */
	directAttemptTimeoutMs: number;
	/** First wait before trying a failed direct connection again; doubles up to `directRetryMaxMs`. */
	directRetryMs: number;
	directRetryMaxMs: number;
	/** Data-channel ping interval, and the silence after which a direct link counts as dead. */
	channelPingMs: number;
	channelTimeoutMs: number;
	/** App-level ping to the signaling server, and the silence after which the socket is replaced. */
	signalingPingMs: number;
	signalingTimeoutMs: number;
	/** A socket that has not opened after this long is abandoned. */
	signalingConnectTimeoutMs: number;
	/** Reconnect backoff: first wait, and the cap it doubles up to (with jitter). */
	reconnectBaseMs: number;
	reconnectMaxMs: number;
	/** Outgoing signaling pace: messages per second with a burst, and bytes per second with a burst. */
	signalingMessagesPerSecond: number;
	signalingMessageBurst: number;
	signalingBytesPerSecond: number;
	signalingByteBurst: number;
	/** Plaintext bytes per relay chunk (becomes ~4/3 larger as base64 ciphertext in a JSON frame). */
	relayChunkBytes: number;
	/** Bytes per data-channel message (16 KiB is safe between every pair of browsers). */
	channelChunkBytes: number;
	/** Data-channel flow control: stop sending above `high`, resume when the buffer drains to `low`. */
	channelHighWaterBytes: number;
	channelLowWaterBytes: number;
	/** Largest reassembled message accepted from a peer; also caps what one link may queue. */
	maxMessageBytes: number;
	/** Partial messages kept per stream, and how long an unfinished one may wait for its next chunk. */
	maxPartialMessages: number;
	partialStaleMs: number;
	/** Queued outgoing signaling text (relay frames) above which new relay sends are refused. */
	maxSignalingQueueBytes: number;
	/** Encrypted frames waiting to be decrypted and handled, in bytes of frame text. */
	maxInboxBytes: number;
	/** A sync step 1 unanswered for this long no longer blocks the next one (see `SyncScheduler`). */
	step1TimeoutMs: number;
	/** A request for a sync exchange this soon after a completed one is skipped (unless urgent). */
	resyncQuietMs: number;
	/** Housekeeping interval (heartbeats, timeouts, retries). */
	tickMs: number;
}

export const DEFAULT_TUNING: Readonly<SyncTuning> = Object.freeze({
	heartbeatMs: 3_000,
	peerTimeoutMs: 10_000,
	directConnectTimeoutMs: 6_000,
	directAttemptTimeoutMs: 20_000,
	directRetryMs: 15_000,
	directRetryMaxMs: 120_000,
	channelPingMs: 3_000,
	channelTimeoutMs: 9_000,
	signalingPingMs: 10_000,
	signalingTimeoutMs: 25_000,
	signalingConnectTimeoutMs: 10_000,
	reconnectBaseMs: 500,
	reconnectMaxMs: 10_000,
	// The server allows 200 messages/s sustained with a burst of 400 per connection, counted when it
	// reads them: after a Wi-Fi stall, frames sent at our pace arrive together. Half its rate leaves
	// a 4-second stall's worth of frames within its burst. (Large transfers are limited by bytes to
	// ~50 frames/s anyway; this only paces floods of small updates.)
	signalingMessagesPerSecond: 100,
	signalingMessageBurst: 50,
	// The server skips a subscriber whose send buffer passes 8 MiB; pacing bytes keeps a late
	// joiner on slow Wi-Fi well below that while a large board streams to it.
	signalingBytesPerSecond: 4 * 1024 * 1024,
	signalingByteBurst: 2 * 1024 * 1024,
	// 64 KiB → ~88 KiB of base64 ciphertext per frame: a third of the server's 256 KiB frame limit.
	relayChunkBytes: 64 * 1024,
	channelChunkBytes: 16 * 1024,
	channelHighWaterBytes: 1024 * 1024,
	channelLowWaterBytes: 256 * 1024,
	maxMessageBytes: 64 * 1024 * 1024,
	maxPartialMessages: 4,
	partialStaleMs: 20_000,
	maxSignalingQueueBytes: 96 * 1024 * 1024,
	maxInboxBytes: 96 * 1024 * 1024,
	step1TimeoutMs: 8_000,
	resyncQuietMs: 2_000,
	tickMs: 250
});

/** Largest signaling frame (characters) we accept or send; the server closes sockets above 256 KiB. */
export const MAX_FRAME_CHARS = 240 * 1024;

/** Longest room name; the server refuses topics longer than 128 characters. */
export const MAX_ROOM_LENGTH = 128;
