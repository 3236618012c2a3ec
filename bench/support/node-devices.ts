/**
 * Devices in Node for the room benchmarks: each a Y.Doc, an Awareness and the project's own
 * provider (SessionSync, its own registry as if on its own page), relay only — Node has no WebRTC —
 * with the app's default timings, over a `ws` WebSocket that counts every frame and byte it sends
 * and receives, so that a benchmark can say what went through the server.
 */
import { WebSocket as NodeWebSocket } from 'ws';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { SessionRegistry } from '../../src/lib/sync/registry.ts';
import { SessionSync } from '../../src/lib/sync/session-sync.ts';
import type { WebSocketConstructor, WebSocketLike } from '../../src/lib/sync/types.ts';

export interface Traffic {
	/** Frames and bytes clients sent to the server. */
	framesIn: number;
	bytesIn: number;
	/** Frames and bytes the server sent to clients. */
	framesOut: number;
	bytesOut: number;
}

export const emptyTraffic = (): Traffic => ({ framesIn: 0, bytesIn: 0, framesOut: 0, bytesOut: 0 });

/** A `ws` WebSocket class whose sockets add what they carry to `traffic` (payload bytes, without
 * WebSocket framing). */
export function countingWebSocket(traffic: Traffic): WebSocketConstructor {
	return class CountingSocket implements WebSocketLike {
		onopen: ((event: unknown) => void) | null = null;
		onclose: ((event: unknown) => void) | null = null;
		onerror: ((event: unknown) => void) | null = null;
		onmessage: ((event: { data: unknown }) => void) | null = null;
		readonly #socket: NodeWebSocket;

		constructor(url: string) {
			this.#socket = new NodeWebSocket(url);
			this.#socket.onopen = (event) => this.onopen?.(event);
			this.#socket.onclose = (event) => this.onclose?.(event);
			this.#socket.onerror = (event) => this.onerror?.(event);
			this.#socket.onmessage = (event) => {
				traffic.framesOut++;
				traffic.bytesOut += byteLength(event.data);
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
			traffic.framesIn++;
			traffic.bytesIn += Buffer.byteLength(data);
			this.#socket.send(data);
		}
		close(code?: number, reason?: string): void {
			this.#socket.close(code, reason);
		}
	};
}

function byteLength(data: unknown): number {
	if (typeof data === 'string') return Buffer.byteLength(data);
	if (data instanceof ArrayBuffer) return data.byteLength;
	if (Array.isArray(data)) return data.reduce((sum: number, part: Buffer) => sum + part.byteLength, 0);
	if (ArrayBuffer.isView(data)) return data.byteLength;
	return 0;
}

export interface NodeDevice {
	doc: Y.Doc;
	sync: SessionSync;
}

export function nodeDevice(options: {
	signalUrl: string;
	room: string;
	secret: string;
	WebSocket: WebSocketConstructor;
	doc?: Y.Doc;
}): NodeDevice {
	const doc = options.doc ?? new Y.Doc();
	const sync = new SessionSync({
		doc,
		awareness: new Awareness(doc),
		room: options.room,
		secret: options.secret,
		signalingUrl: options.signalUrl,
		WebSocket: options.WebSocket,
		RTCPeerConnection: null,
		registry: new SessionRegistry()
	});
	return { doc, sync };
}

/** Destroys every device (which sends its `leave`), even when some of them fail to. */
export function destroyAll(devices: NodeDevice[]): void {
	for (const device of devices.splice(0)) {
		try {
			device.doc.destroy();
		} catch {
			// One device failing to close must not keep the others open.
		}
	}
}
