/**
 * Which room this device is in, following the facilitator's signed record (issue #15, "remove a
 * device"): when the record moves the room (`board/room-move.ts`) and holds a wrap for this
 * device, the device stores the new room and its connection moves there; when the record lists this
 * device as removed, it leaves the room and the page says so. The removed device never learns the
 * new room, so it receives nothing written after the move.
 *
 * A device that slept through the move wakes in the old room, where only a signpost of the
 * facilitator's device (`room-signposts.ts`) is left: its presence carries the signed move notice,
 * which this device checks and follows the same way — or, with no wrap for it, it is told that it
 * has left, or (a new device from an old poster) that the workshop takes no new participants.
 */
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { authorityOf } from '$lib/board/authority';
import {
	isRemoved,
	isRoomClosed,
	noticeVerdict,
	readRoomMove,
	readRoomNotice,
	roomFor,
	type RoomKey
} from '$lib/board/room-move';
import { MAX_SIGNPOSTS } from './room-signposts';

/** How long a device stays in the old room after learning of a move, so that the record reaches
 * every device there (each passes it on) — the removed one too, which is then told it has left. */
export const MOVE_DELAY_MS = 3_000;

export interface SessionRoomOptions {
	doc: Y.Doc;
	room: RoomKey;
	/** Rooms the session was in before (for the signposts), oldest first. */
	previous?: RoomKey[];
	/** Where signposts in an old room show up (this device's presence). */
	awareness?: Awareness;
	/** Stores the new room (and the rooms left) and moves the connection there. */
	move: (room: RoomKey, previous: RoomKey[]) => void;
	/** Leaves the room for good (this device was removed). */
	leave: () => void;
	/** How long to stay in the old room (`MOVE_DELAY_MS`; tests shorten it). */
	delayMs?: number;
}

export class SessionRoom {
	#room = $state.raw<RoomKey>({ name: '', secret: '' });
	#removed = $state.raw(false);
	#closed = $state.raw(false);
	#turnedAway = $state.raw<'closed' | 'moved' | null>(null);
	#previous = $state.raw<RoomKey[]>([]);
	readonly #o: SessionRoomOptions;
	#stop: () => void = () => {};
	#timer: ReturnType<typeof setTimeout> | undefined;
	/** The room a move is scheduled to. */
	#moving: string | null = null;

	constructor(options: SessionRoomOptions) {
		this.#o = options;
		this.#room = options.room;
		this.#previous = options.previous ?? [];
		const authority = authorityOf(options.doc);
		if (!authority) return;
		this.#follow();
		const stop = authority.subscribe(() => this.#follow());
		const awareness = options.awareness;
		if (!awareness) {
			this.#stop = stop;
			return;
		}
		const onChange = () => this.#readSignposts(awareness);
		awareness.on('change', onChange);
		this.#stop = () => {
			stop();
			awareness.off('change', onChange);
		};
	}

	/** The room this device is in now (the join link and QR code it shows). */
	get current(): RoomKey {
		return this.#room;
	}
	/** The facilitator removed this device. */
	get removed(): boolean {
		return this.#removed;
	}
	/** The room takes no new devices (the join panel shows no invitation). */
	get closed(): boolean {
		return this.#closed;
	}
	/** This device opened an invitation the facilitator's signpost says is no longer valid: the room
	 * is closed to new devices, or it moved without this device. */
	get turnedAway(): 'closed' | 'moved' | null {
		return this.#turnedAway;
	}
	/** The rooms the session left, oldest first (where the signposts stand). */
	get previous(): RoomKey[] {
		return this.#previous;
	}

	#follow() {
		this.#closed = isRoomClosed(this.#o.doc);
		if (isRemoved(this.#o.doc)) {
			if (!this.#removed) this.#o.leave();
			this.#removed = true;
			return;
		}
		const next = roomFor(this.#o.doc);
		if (!next || (next.name === this.#room.name && next.secret === this.#room.secret)) return;
		if (next.name === this.#moving) return;
		this.#moving = next.name;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => {
			this.#moving = null;
			if (isRemoved(this.#o.doc)) return;
			this.#moveTo(next);
		}, this.#o.delayMs ?? MOVE_DELAY_MS);
	}

	#moveTo(next: RoomKey) {
		if (next.name === this.#room.name) return;
		this.#previous = [...this.#previous.filter((r) => r.name !== next.name), this.#room].slice(-MAX_SIGNPOSTS);
		this.#room = { name: next.name, secret: next.secret };
		this.#o.move(this.#room, this.#previous);
	}

	/** A signpost in this room hands on a move this device has not seen (it slept through it). */
	#readSignposts(awareness: Awareness) {
		const authority = authorityOf(this.#o.doc);
		const key = authority?.signerKey;
		const privateKey = authority?.signerPrivateKey;
		if (!authority || !key || !privateKey || this.#removed || this.#turnedAway) return;
		const known = readRoomMove(authority.best?.state ?? null)?.seq ?? 0;
		const minDelegation = authority.best?.delegation.seq ?? 0;
		for (const [client, state] of awareness.getStates()) {
			if (client === awareness.clientID || typeof state !== 'object' || state === null) continue;
			const notice = (state as { signpost?: unknown }).signpost;
			if (notice === undefined) continue;
			const move = readRoomNotice(notice, authority.facilitatorKey, minDelegation);
			// Only news: a notice of a move this device already follows (or an older one) changes nothing.
			if (!move || move.seq <= known) continue;
			const verdict = noticeVerdict(move, key, privateKey);
			if (verdict.kind === 'move') {
				// No need to linger here: nobody in the old room is waiting for a record from us.
				this.#moveTo(verdict.room);
			} else if (verdict.kind === 'removed') {
				this.#removed = true;
				this.#o.leave();
			} else {
				this.#turnedAway = verdict.closed ? 'closed' : 'moved';
				this.#o.leave();
			}
			return;
		}
	}

	destroy(): void {
		clearTimeout(this.#timer);
		this.#stop();
	}
}
