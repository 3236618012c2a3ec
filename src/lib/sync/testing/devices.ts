/**
 * "Devices" for sync tests: each one a Y.Doc, an Awareness and a SessionSync with its own registry
 * (as if on its own page), connected to a real workshop server through `ws`.
 */
import { WebSocket as NodeWebSocket } from 'ws';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { SyncTuning } from '../limits.ts';
import { SessionRegistry } from '../registry.ts';
import { SessionSync } from '../session-sync.ts';
import type { PeerConnectionConstructor, SyncLogEvent, WebSocketConstructor, WebSocketLike } from '../types.ts';

/** Timings shrunk so that timeouts and retries happen within a test's seconds. */
export const FAST_TUNING: Partial<SyncTuning> = {
	heartbeatMs: 300,
	peerTimeoutMs: 2_000,
	directConnectTimeoutMs: 800,
	directAttemptTimeoutMs: 2_000,
	directRetryMs: 600,
	directRetryMaxMs: 2_000,
	channelPingMs: 250,
	channelTimeoutMs: 1_200,
	signalingPingMs: 1_000,
	signalingTimeoutMs: 4_000,
	reconnectBaseMs: 100,
	reconnectMaxMs: 400,
	resyncQuietMs: 500,
	tickMs: 50
};

export interface DeviceOptions {
	url: string;
	room: string;
	secret: string;
	RTCPeerConnection?: PeerConnectionConstructor | null;
	WebSocket?: WebSocketConstructor;
	tuning?: Partial<SyncTuning>;
	/** Fill the document before joining. */
	prepare?: (doc: Y.Doc) => void;
	/** `false`: a signpost (see `SessionSyncOptions.acceptDocument`). */
	acceptDocument?: boolean;
}

export interface Device {
	doc: Y.Doc;
	awareness: Awareness;
	sync: SessionSync;
	events: SyncLogEvent[];
	notes: Y.Map<string>;
}

/** Creates devices and destroys them all at the end of a test. */
export class Devices {
	readonly #all: Device[] = [];

	create(options: DeviceOptions): Device {
		const doc = new Y.Doc();
		options.prepare?.(doc);
		const awareness = new Awareness(doc);
		const events: SyncLogEvent[] = [];
		let sync: SessionSync;
		try {
			sync = this.#open(doc, awareness, events, options);
		} catch (error) {
			doc.destroy();
			throw error;
		}
		const device = { doc, awareness, sync, events, notes: doc.getMap<string>('notes') };
		this.#all.push(device);
		return device;
	}

	#open(doc: Y.Doc, awareness: Awareness, events: SyncLogEvent[], options: DeviceOptions): SessionSync {
		return new SessionSync({
			doc,
			awareness,
			room: options.room,
			secret: options.secret,
			signalingUrl: options.url,
			WebSocket: options.WebSocket ?? NodeWebSocket,
			RTCPeerConnection: options.RTCPeerConnection === undefined ? null : options.RTCPeerConnection,
			log: (event) => events.push(event),
			tuning: { ...FAST_TUNING, ...options.tuning },
			registry: new SessionRegistry(),
			...(options.acceptDocument === false ? { acceptDocument: false } : {})
		});
	}

	destroyAll(): void {
		for (const device of this.#all.splice(0)) device.doc.destroy();
	}
}

/** The document's content with map keys sorted (insertion order differs between devices). */
export function content(device: Device): string {
	return canonical(device.doc.toJSON());
}

function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
		return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

export function converged(devices: Device[]): boolean {
	const first = content(devices[0]);
	return devices.every((device) => content(device) === first);
}

/** Every device sees every other one, by the given transport, and has its full state. */
export function meshed(devices: Device[], transport: 'relay' | 'direct'): boolean {
	return devices.every(
		(device) =>
			device.sync.state.synced &&
			device.sync.peers().length === devices.length - 1 &&
			device.sync.peers().every((peer) => peer.transport === transport)
	);
}

/**
 * A `ws` WebSocket under the test's control: `cut()` silences it (no close, nothing delivered either
 * way), like a phone that walked out of Wi-Fi range; `cut(false)` silences only the sockets open now.
 * `lose` drops chosen incoming frames, like a server skipping a slow subscriber.
 */
export function controlledWebSocket(lose: (frame: string) => boolean = () => false): {
	WebSocket: WebSocketConstructor;
	cut(alsoNewSockets?: boolean): void;
} {
	let cutAll = false;
	const open = new Set<ControlledSocket>();
	class ControlledSocket implements WebSocketLike {
		cut = cutAll;
		onopen: ((event: unknown) => void) | null = null;
		onclose: ((event: unknown) => void) | null = null;
		onerror: ((event: unknown) => void) | null = null;
		onmessage: ((event: { data: unknown }) => void) | null = null;
		readonly #socket: NodeWebSocket;

		constructor(url: string) {
			open.add(this);
			this.#socket = new NodeWebSocket(url);
			this.#socket.onopen = (event) => this.onopen?.(event);
			this.#socket.onclose = (event) => {
				open.delete(this);
				this.onclose?.(event);
			};
			this.#socket.onerror = (event) => this.onerror?.(event);
			this.#socket.onmessage = (event) => {
				if (this.cut || (typeof event.data === 'string' && lose(event.data))) return;
				this.onmessage?.({ data: event.data });
			};
		}
		get readyState(): number {
			return this.#socket.readyState;
		}
		get bufferedAmount(): number {
			return this.#socket.bufferedAmount;
		}
		send(data: string): void {
			if (!this.cut) this.#socket.send(data);
		}
		close(code?: number, reason?: string): void {
			this.#socket.close(code, reason);
		}
	}
	return {
		WebSocket: ControlledSocket,
		cut(alsoNewSockets = true) {
			cutAll = alsoNewSockets;
			for (const socket of open) socket.cut = true;
		}
	};
}

/** A random room name and secret, as the app would make them. */
export function randomRoom(): { room: string; secret: string } {
	const hex = (n: number) =>
		Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => b.toString(16).padStart(2, '0')).join('');
	return { room: `room-${hex(12)}`, secret: hex(16) };
}
