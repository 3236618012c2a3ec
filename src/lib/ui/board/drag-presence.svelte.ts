/**
 * Live drags through presence: while this device drags a note, others see it move — through
 * awareness, never the document, which is written once at the drop (a drag is a passing state, only
 * its result is shared work and one undo step).
 *
 * This device publishes where its dragged note is at most once per `intervalMs` (~10 a second),
 * only while the pointer moves, the last position of a burst always sent; the drag is cleared at the
 * drop or when the drag is cancelled. Peers' drags are read through the presence schema, because
 * awareness states are untrusted input from the network.
 */
import type { Awareness } from 'y-protocols/awareness';
import { readPresenceState, type PresenceDrag } from '$lib/board/presence-state';

export const DRAG_INTERVAL_MS = 100;

export interface RemoteDrag extends PresenceDrag {
	clientId: number;
	name?: string;
}

export interface DragPresenceOptions {
	intervalMs?: number;
	now?: () => number;
}

type AwarenessLike = Pick<Awareness, 'clientID' | 'getStates' | 'setLocalStateField' | 'on' | 'off'>;

export class DragPresence {
	readonly #awareness: AwarenessLike;
	readonly #interval: number;
	readonly #now: () => number;
	#lastSent = -Infinity;
	#pending: PresenceDrag | null = null;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#publishing = false;
	#remote = $state.raw<RemoteDrag[]>([]);

	constructor(awareness: AwarenessLike, { intervalMs = DRAG_INTERVAL_MS, now = Date.now }: DragPresenceOptions = {}) {
		this.#awareness = awareness;
		this.#interval = intervalMs;
		this.#now = now;
		awareness.on('change', this.#read);
		this.#read();
	}

	/** Notes other devices are dragging right now, with where they are. */
	get remote(): RemoteDrag[] {
		return this.#remote;
	}

	/** This device's dragged note is at `x`, `y` (board coordinates). */
	move(noteId: string, x: number, y: number): void {
		this.#pending = { noteId, x: Math.round(x), y: Math.round(y) };
		const wait = this.#lastSent + this.#interval - this.#now();
		if (wait <= 0) this.#flush();
		else this.#timer ??= setTimeout(() => this.#flush(), wait);
	}

	/** The drag ended (dropped or cancelled): others stop showing it. */
	end(): void {
		clearTimeout(this.#timer);
		this.#timer = undefined;
		this.#pending = null;
		if (!this.#publishing) return;
		this.#publishing = false;
		this.#awareness.setLocalStateField('drag', null);
	}

	#flush(): void {
		clearTimeout(this.#timer);
		this.#timer = undefined;
		if (!this.#pending) return;
		this.#lastSent = this.#now();
		this.#publishing = true;
		this.#awareness.setLocalStateField('drag', this.#pending);
		this.#pending = null;
	}

	#read = (): void => {
		const out: RemoteDrag[] = [];
		this.#awareness.getStates().forEach((state, clientId) => {
			if (clientId === this.#awareness.clientID) return;
			const read = readPresenceState(state);
			if (!read?.drag) return;
			const drag: RemoteDrag = { clientId, ...read.drag };
			if (read.name !== undefined) drag.name = read.name;
			out.push(drag);
		});
		// Most awareness changes are not about drags (clocks, arrivals): keep the same array then, so
		// that nothing on the board redraws.
		const same =
			out.length === this.#remote.length &&
			out.every((d, i) => {
				const r = this.#remote[i];
				return r.clientId === d.clientId && r.noteId === d.noteId && r.x === d.x && r.y === d.y && r.name === d.name;
			});
		if (!same) this.#remote = out;
	};

	destroy(): void {
		this.end();
		this.#awareness.off('change', this.#read);
	}
}
