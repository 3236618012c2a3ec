/**
 * Who is in the room, and the facilitator's clock as well as this device can tell.
 *
 * Only the facilitator's device puts a clock reading in its presence, every two seconds; the others
 * take a sample each time that reading changes (`ClockOffset` keeps the best recent one) and run the
 * shared timer on `facilitatorNow()`. Why only the facilitator: nobody else's reading is used, and
 * thirty phones each rewriting their presence every two seconds made thirty times the traffic and
 * buried the facilitator's readings under stale copies.
 */
import type { Awareness } from 'y-protocols/awareness';
import { ClockOffset } from '$lib/board/clock';
import {
	countDisplays,
	facilitatorReading,
	presenceKeys,
	readPresence,
	type LocalPresence,
	type Present
} from './presence';

export const CLOCK_INTERVAL_MS = 2000;

export interface SessionPresenceOptions {
	awareness: Awareness;
	self: LocalPresence;
	/** This device's clock (tests give each simulated device its own). */
	now?: () => number;
	clockIntervalMs?: number;
}

export class SessionPresence {
	readonly awareness: Awareness;
	readonly #self: LocalPresence;
	readonly #now: () => number;
	readonly #clock = new ClockOffset();
	#reference: number | null = null;
	#present = $state.raw<Present[]>([]);
	#displays = $state.raw(0);
	#clockOffset = $state.raw(0);
	#publisher: ReturnType<typeof setInterval> | undefined;
	/** Every join key seen in the room since this device opened the session (not reactive). */
	readonly #seen = new Set<string>();

	constructor({ awareness, self, now = Date.now, clockIntervalMs = CLOCK_INTERVAL_MS }: SessionPresenceOptions) {
		this.awareness = awareness;
		this.#self = self;
		this.#now = now;
		awareness.setLocalState({ ...self });
		awareness.on('change', this.#onChange);
		if (this.isFacilitator) {
			this.#publish();
			this.#publisher = setInterval(this.#publish, clockIntervalMs);
		}
		this.#onChange();
	}

	get isFacilitator(): boolean {
		return this.#self.role === 'facilitator';
	}

	/** Everyone in the room, this device first, then the facilitator. */
	get present(): Present[] {
		return this.#present;
	}

	/** How many presenter views (displays, not people) show the session now. */
	get displays(): number {
		return this.#displays;
	}

	/** Whether another device of the room is the facilitator's. */
	get facilitatorPresent(): boolean {
		return this.#present.some((p) => p.role === 'facilitator' && !p.self);
	}

	/** Join keys of every device seen here since the session opened, gone or not: a room move wraps
	 * to them all, so a device asleep now follows when it wakes. */
	get seenKeys(): ReadonlySet<string> {
		return this.#seen;
	}

	/** Milliseconds this device's clock is behind the facilitator's (for diagnostics and tests). */
	get clockOffset(): number {
		return this.#clockOffset;
	}

	/** The facilitator's clock, as well as this device can tell (the shared timer runs on it). */
	facilitatorNow(): number {
		return this.#now() + (this.isFacilitator ? 0 : this.#clockOffset);
	}

	#publish = () => this.awareness.setLocalStateField('clock', this.#now());

	#onChange = () => {
		this.#present = readPresence(this.awareness);
		// Displays too (left out of who is here): a room move takes the projector's screen along.
		for (const key of presenceKeys(this.awareness)) if (this.#seen.size < 1000) this.#seen.add(key);
		this.#displays = countDisplays(this.awareness);
		if (this.isFacilitator) return;
		const reading = facilitatorReading(this.awareness);
		if (!reading) return;
		// Another facilitator device took over: its clock is another clock.
		if (reading.clientId !== this.#reference) this.#clock.reset();
		this.#reference = reading.clientId;
		this.#clock.add(reading.clock, this.#now());
		this.#clockOffset = this.#clock.offset;
	};

	destroy(): void {
		clearInterval(this.#publisher);
		this.awareness.off('change', this.#onChange);
	}
}
