/**
 * Which room this device is in, following the facilitator's signed record (issue #15, "remove a
 * device"): when the record moves the room (`board/room-move.ts`) and holds a wrap for this
 * device, the device stores the new room and its connection moves there; when the record lists this
 * device as removed, it leaves the room and the page says so. The removed device never learns the
 * new room, so it receives nothing written after the move.
 */
import type * as Y from 'yjs';
import { authorityOf } from '$lib/board/authority';
import { isRemoved, roomFor, type RoomKey } from '$lib/board/room-move';

/** How long a device stays in the old room after learning of a move, so that the record reaches
 * every device there (each passes it on) — the removed one too, which is then told it has left. */
export const MOVE_DELAY_MS = 3_000;

export interface SessionRoomOptions {
	doc: Y.Doc;
	room: RoomKey;
	/** Stores the new room and moves the connection there. */
	move: (room: RoomKey) => void;
	/** Leaves the room for good (this device was removed). */
	leave: () => void;
	/** How long to stay in the old room (`MOVE_DELAY_MS`; tests shorten it). */
	delayMs?: number;
}

export class SessionRoom {
	#room = $state.raw<RoomKey>({ name: '', secret: '' });
	#removed = $state.raw(false);
	readonly #o: SessionRoomOptions;
	#stop: () => void = () => {};
	#timer: ReturnType<typeof setTimeout> | undefined;
	/** The room a move is scheduled to. */
	#moving: string | null = null;

	constructor(options: SessionRoomOptions) {
		this.#o = options;
		this.#room = options.room;
		const authority = authorityOf(options.doc);
		if (!authority) return;
		this.#follow();
		this.#stop = authority.subscribe(() => this.#follow());
	}

	/** The room this device is in now (the join link and QR code it shows). */
	get current(): RoomKey {
		return this.#room;
	}
	/** The facilitator removed this device. */
	get removed(): boolean {
		return this.#removed;
	}

	#follow() {
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
			this.#room = { name: next.name, secret: next.secret };
			this.#o.move(this.#room);
		}, this.#o.delayMs ?? MOVE_DELAY_MS);
	}

	destroy(): void {
		clearTimeout(this.#timer);
		this.#stop();
	}
}
