/**
 * Signposts in the rooms a session left (issue #15): a device asleep or offline while the
 * facilitator removed a device or closed the room wakes up in the old room, where nobody is any
 * more. The facilitator's and co-facilitators' devices therefore keep one small provider in each
 * room the session left, for as long as the session is open on them, that hands every device there
 * the signed move notice (`board/room-move.ts`, `roomNotice`) in its presence. The returning device
 * opens its own wrap and follows (`SessionRoom`); a removed device learns only that it has left; a
 * new device from an old poster learns only that the room is closed or has moved.
 *
 * Why a provider of its own, with an empty document that takes nothing in (`acceptDocument:
 * false`): a signpost must never hand on the board — not this device's, and not what a returning
 * or removed device sends it. So the notice travels in presence only; the signpost's document stays
 * empty, and a device there that asks for it receives nothing. Relay only: it carries a few
 * kilobytes, not worth a WebRTC connection per room.
 */
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { RoomKey, RoomNotice } from '$lib/board/room-move';
import { SessionSync, type SessionSyncOptions } from '$lib/sync';
import type { SignalingSettings } from './signaling-url';

/** At most this many earlier rooms are kept (a session is moved a handful of times at most). */
export const MAX_SIGNPOSTS = 8;

export interface RoomSignpostsOptions {
	settings: () => SignalingSettings;
	createSync?: (options: SessionSyncOptions) => SessionSync;
}

interface Post {
	sync: SessionSync;
	awareness: Awareness;
	doc: Y.Doc;
}

export class RoomSignposts {
	readonly #o: RoomSignpostsOptions;
	readonly #posts = new Map<string, Post>();
	#notice: RoomNotice | null = null;

	constructor(options: RoomSignpostsOptions) {
		this.#o = options;
	}

	/** The rooms with a signpost now. */
	get rooms(): string[] {
		return [...this.#posts.keys()];
	}

	/** Puts `notice` up in each of `rooms` (and takes signposts down from rooms no longer listed).
	 * Without a notice there is nothing to hand on, so no signposts. */
	update(rooms: readonly RoomKey[], notice: RoomNotice | null): void {
		const wanted = notice ? rooms.slice(-MAX_SIGNPOSTS) : [];
		const names = new Set(wanted.map((r) => r.name));
		for (const [name, post] of this.#posts) if (!names.has(name)) this.#takeDown(name, post);
		// A new notice object is made on every record change; only a new signed move is news.
		const changed = notice?.move.sig !== this.#notice?.move.sig;
		this.#notice = notice;
		for (const room of wanted) {
			const post = this.#posts.get(room.name);
			if (post) {
				if (changed) post.awareness.setLocalState({ signpost: notice });
				continue;
			}
			this.#posts.set(room.name, this.#put(room, notice!));
		}
	}

	destroy(): void {
		for (const [name, post] of this.#posts) this.#takeDown(name, post);
	}

	#put(room: RoomKey, notice: RoomNotice): Post {
		const doc = new Y.Doc();
		const awareness = new Awareness(doc);
		awareness.setLocalState({ signpost: notice });
		const settings = this.#o.settings();
		const options: SessionSyncOptions = {
			doc,
			awareness,
			room: room.name,
			secret: room.secret,
			signalingUrl: settings.url,
			RTCPeerConnection: null,
			acceptDocument: false
		};
		const sync = this.#o.createSync ? this.#o.createSync(options) : new SessionSync(options);
		return { sync, awareness, doc };
	}

	#takeDown(name: string, post: Post) {
		this.#posts.delete(name);
		post.sync.destroy();
		post.awareness.destroy();
		post.doc.destroy();
	}
}
