/**
 * One device's connection to the workshop server's signaling socket (the y-webrtc protocol:
 * subscribe, publish, ping), kept alive on its own.
 *
 * Why it is more than a WebSocket: a workshop runs on shaky Wi-Fi, laptops sleep, phones lock their
 * screens, and the facilitator may restart the server. The client reconnects with backoff (at once
 * when the browser says it is `online` again or the page becomes visible), re-subscribes, and tells
 * its owner so it can re-announce. An app-level ping every ~10 s detects sockets that died without a
 * close (no message for 25 s → replaced). Outgoing frames go through a `PacedQueue` so the server's
 * rate limit is never hit. Frames from the server are parsed defensively; anything unexpected is
 * dropped and logged, never thrown.
 */
import * as v from 'valibot';
import { MAX_FRAME_CHARS, type SyncTuning } from './limits.ts';
import { PacedQueue, type QueuedFrame } from './paced-queue.ts';
import type { SignalingStatus, SyncLog, WebSocketConstructor, WebSocketLike } from './types.ts';

/** What the server sends a client (y-webrtc's protocol): pongs, and what peers published. Built
 * once: every incoming frame is parsed. A publish of another topic is dropped by the caller. */
const ServerFrameSchema = v.variant('type', [
	v.object({ type: v.literal('pong') }),
	v.object({ type: v.literal('publish'), topic: v.string(), data: v.unknown() })
]);

const OPEN = 1;
/** Stop handing frames to the socket while this much is still waiting in its own buffer. */
const SOCKET_HIGH_WATER = 1024 * 1024;
/** Largest frame accepted from the server (it forwards frames of up to 256 KiB plus a few fields). */
const MAX_INCOMING_CHARS = 300 * 1024;

export interface SignalingClientOptions {
	url: string;
	topic: string;
	WebSocket: WebSocketConstructor;
	tuning: SyncTuning;
	log: SyncLog;
	onStatus(status: SignalingStatus): void;
	/** Subscribed (again): the owner should announce itself. */
	onReady(): void;
	/** The `data` of a frame published to our topic (by anyone, us included). */
	onPublish(data: unknown): void;
	/** Queued frames thrown away because the socket went down. */
	onDiscard(frames: QueuedFrame[]): void;
}

export class SignalingClient {
	readonly #options: SignalingClientOptions;
	readonly #queue: PacedQueue;
	#socket: WebSocketLike | null = null;
	#status: SignalingStatus = 'connecting';
	#stopped = true;
	#failures = 0;
	#connectStartedAt = 0;
	#lastReceivedAt = 0;
	#lastPingAt = 0;
	#reconnectTimer: ReturnType<typeof setTimeout> | null = null;
	#pumpTimer: ReturnType<typeof setTimeout> | null = null;
	#tickTimer: ReturnType<typeof setInterval> | null = null;

	constructor(options: SignalingClientOptions) {
		this.#options = options;
		const t = options.tuning;
		this.#queue = new PacedQueue({
			messagesPerSecond: t.signalingMessagesPerSecond,
			messageBurst: t.signalingMessageBurst,
			bytesPerSecond: t.signalingBytesPerSecond,
			byteBurst: t.signalingByteBurst,
			maxQueuedBytes: t.maxSignalingQueueBytes,
			maxControlFrames: 1000
		});
	}

	get status(): SignalingStatus {
		return this.#status;
	}

	get connected(): boolean {
		return this.#status === 'connected';
	}

	/** Bulk frames waiting to go out, in characters. */
	get queuedBytes(): number {
		return this.#queue.queuedBytes;
	}

	start(): void {
		if (!this.#stopped) return;
		this.#stopped = false;
		globalThis.addEventListener?.('online', this.#onWake);
		if (typeof document !== 'undefined') document.addEventListener('visibilitychange', this.#onVisibility);
		this.#tickTimer = setInterval(this.#tick, Math.min(1000, this.#options.tuning.signalingPingMs));
		this.#connect();
	}

	/**
	 * Closes the socket and stops reconnecting. Control frames still queued (a `leave`, say) are sent
	 * first, unpaced — there are only ever a few.
	 */
	stop(): void {
		if (this.#stopped) return;
		this.#stopped = true;
		globalThis.removeEventListener?.('online', this.#onWake);
		if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', this.#onVisibility);
		this.#clearTimers();
		const socket = this.#socket;
		this.#socket = null;
		const pending = this.#queue.clear();
		if (socket) {
			detach(socket);
			if (socket.readyState === OPEN) {
				for (const frame of pending) if (!frame.bulk) trySend(socket, frame.text);
			}
			tryClose(socket, 1000, 'leaving');
		}
		this.#setStatus('offline');
	}

	/** Tries to connect now instead of waiting for the backoff (no-op while connected or connecting). */
	reconnectNow(): void {
		if (this.#stopped || this.#socket) return;
		if (this.#reconnectTimer) clearTimeout(this.#reconnectTimer);
		this.#reconnectTimer = null;
		this.#connect();
	}

	/**
	 * Publishes `data` to the topic. Returns false when it cannot be queued (not connected, queue full,
	 * frame too large); the caller decides whether that matters.
	 */
	publish(data: unknown, options: { bulk: boolean; recipients?: readonly string[] }): boolean {
		if (!this.connected) return false;
		const text = JSON.stringify({ type: 'publish', topic: this.#options.topic, data });
		if (text.length > MAX_FRAME_CHARS) {
			this.#options.log({ type: 'dropped', reason: 'frame-too-large', source: 'local', detail: `${text.length}` });
			return false;
		}
		if (!this.#queue.push({ text, bulk: options.bulk, recipients: options.recipients })) {
			this.#options.log({ type: 'dropped', reason: 'queue-full', source: 'local' });
			return false;
		}
		this.#pump();
		return true;
	}

	#connect(): void {
		this.#connectStartedAt = Date.now();
		let socket: WebSocketLike;
		try {
			socket = new this.#options.WebSocket(this.#options.url);
		} catch (error) {
			// An invalid URL or a blocked (mixed-content) address: retry later, the page may recover.
			this.#options.log({ type: 'error', where: 'signaling.connect', detail: String(error) });
			this.#scheduleReconnect();
			return;
		}
		this.#socket = socket;
		socket.onopen = () => this.#guard(() => this.#onOpen(socket));
		socket.onmessage = (event) => this.#guard(() => this.#onMessage(socket, event.data));
		socket.onclose = () => this.#guard(() => this.#down(socket, 'closed'));
		socket.onerror = () => this.#guard(() => this.#down(socket, 'error'));
	}

	#onOpen(socket: WebSocketLike): void {
		if (socket !== this.#socket) return;
		this.#failures = 0;
		this.#lastReceivedAt = Date.now();
		this.#lastPingAt = Date.now();
		this.#queue.push({ text: JSON.stringify({ type: 'subscribe', topics: [this.#options.topic] }), bulk: false });
		this.#setStatus('connected');
		this.#pump();
		this.#options.onReady();
	}

	#onMessage(socket: WebSocketLike, data: unknown): void {
		if (socket !== this.#socket) return;
		this.#lastReceivedAt = Date.now();
		const log = this.#options.log;
		if (typeof data !== 'string') {
			log({ type: 'dropped', reason: 'unknown-frame', source: 'signaling', detail: 'binary frame' });
			return;
		}
		if (data.length > MAX_INCOMING_CHARS) {
			log({ type: 'dropped', reason: 'frame-too-large', source: 'signaling', detail: `${data.length}` });
			return;
		}
		let frame: unknown;
		try {
			frame = JSON.parse(data);
		} catch {
			log({ type: 'dropped', reason: 'not-json', source: 'signaling' });
			return;
		}
		const parsed = v.safeParse(ServerFrameSchema, frame, { abortEarly: true });
		if (parsed.success) {
			const message = parsed.output;
			if (message.type === 'pong') return;
			if (message.topic === this.#options.topic) {
				this.#options.onPublish(message.data);
				return;
			}
		}
		const type = typeof frame === 'object' && frame !== null ? (frame as Record<string, unknown>).type : undefined;
		log({
			type: 'dropped',
			reason: 'unknown-frame',
			source: 'signaling',
			...(type === undefined ? {} : { detail: String(type).slice(0, 32) })
		});
	}

	#down(socket: WebSocketLike, reason: string): void {
		if (socket !== this.#socket) return;
		this.#socket = null;
		detach(socket);
		tryClose(socket, 4000, reason);
		if (this.#pumpTimer) clearTimeout(this.#pumpTimer);
		this.#pumpTimer = null;
		const discarded = this.#queue.clear();
		this.#options.log({ type: 'signaling', status: 'offline', detail: reason });
		this.#setStatus('offline');
		if (discarded.length > 0) this.#options.onDiscard(discarded);
		this.#failures++;
		this.#scheduleReconnect();
	}

	#scheduleReconnect(): void {
		if (this.#stopped || this.#reconnectTimer) return;
		const t = this.#options.tuning;
		const ceiling = Math.min(t.reconnectMaxMs, t.reconnectBaseMs * 2 ** Math.min(this.#failures, 16));
		const delay = ceiling * (0.5 + Math.random() * 0.5);
		this.#reconnectTimer = setTimeout(() => {
			this.#reconnectTimer = null;
			this.#guard(() => {
				if (!this.#stopped && !this.#socket) this.#connect();
			});
		}, delay);
	}

	#pump(): void {
		if (this.#pumpTimer) return;
		const socket = this.#socket;
		while (socket && socket === this.#socket && socket.readyState === OPEN) {
			if (socket.bufferedAmount > SOCKET_HIGH_WATER) return this.#pumpLater(25);
			const next = this.#queue.take();
			if (next === null) return;
			if (typeof next === 'number') return this.#pumpLater(next);
			if (!trySend(socket, next.text)) return this.#down(socket, 'send failed');
		}
	}

	#pumpLater(ms: number): void {
		this.#pumpTimer = setTimeout(() => {
			this.#pumpTimer = null;
			this.#guard(() => this.#pump());
		}, ms);
	}

	#tick = (): void =>
		this.#guard(() => {
			const socket = this.#socket;
			if (!socket) return;
			const now = Date.now();
			const t = this.#options.tuning;
			if (socket.readyState !== OPEN) {
				if (now - this.#connectStartedAt > t.signalingConnectTimeoutMs) this.#down(socket, 'connect timeout');
				return;
			}
			if (now - this.#lastReceivedAt > t.signalingTimeoutMs) return this.#down(socket, 'no answer from server');
			if (now - this.#lastPingAt >= t.signalingPingMs) this.#ping();
		});

	#ping(): void {
		this.#lastPingAt = Date.now();
		this.#queue.push({ text: '{"type":"ping"}', bulk: false });
		this.#pump();
	}

	#onWake = (): void => this.#guard(() => this.reconnectNow());

	#onVisibility = (): void =>
		this.#guard(() => {
			if (document.visibilityState !== 'visible') return;
			if (this.connected) this.#ping();
			else this.reconnectNow();
		});

	#setStatus(status: SignalingStatus): void {
		if (status === this.#status) return;
		this.#status = status;
		if (status === 'connected') this.#options.log({ type: 'signaling', status });
		this.#options.onStatus(status);
	}

	#clearTimers(): void {
		if (this.#reconnectTimer) clearTimeout(this.#reconnectTimer);
		if (this.#pumpTimer) clearTimeout(this.#pumpTimer);
		if (this.#tickTimer) clearInterval(this.#tickTimer);
		this.#reconnectTimer = this.#pumpTimer = this.#tickTimer = null;
	}

	#guard(fn: () => void): void {
		try {
			fn();
		} catch (error) {
			this.#options.log({ type: 'error', where: 'signaling', detail: String(error) });
		}
	}
}

function detach(socket: WebSocketLike): void {
	socket.onopen = socket.onmessage = socket.onclose = null;
	// Keep a listener: `ws` throws an 'error' event nobody listens to (e.g. when closed while connecting).
	socket.onerror = () => {};
}

function trySend(socket: WebSocketLike, text: string): boolean {
	try {
		socket.send(text);
		return true;
	} catch {
		return false;
	}
}

function tryClose(socket: WebSocketLike, code: number, reason: string): void {
	try {
		socket.close(code, reason.slice(0, 100));
	} catch {
		// Already closed or never opened: nothing to release.
	}
}
