/**
 * What the page's polite live region says. One job: turn events (a phase changed, notes arrived
 * from other devices, I moved a note) into short, spaced-out sentences.
 *
 * Why throttled and summarised: in a room of thirty, notes arrive in bursts, and a screen reader
 * that read each one would talk over the facilitator for minutes. Notes from others are counted
 * per zone for a short window and said once ("3 new notes in Hopes"); everything else is said at
 * once. A sentence repeated later is still announced: the region's text alternates an invisible
 * mark so that screen readers see a change.
 */

export interface AnnouncerOptions {
	/** How long notes from others are gathered before one summary is said. */
	windowMs?: number;
	/** The summary sentence for `count` new notes in `zone`. */
	newNotes: (zone: string, count: number) => string;
	setTimer?: (run: () => void, ms: number) => unknown;
	clearTimer?: (handle: unknown) => void;
}

export class Announcer {
	#text = $state('');
	#flip = false;
	#pending = new Map<string, number>();
	#timer: unknown = null;
	readonly #options: Required<AnnouncerOptions>;

	constructor(options: AnnouncerOptions) {
		this.#options = {
			windowMs: 3000,
			setTimer: (run, ms) => setTimeout(run, ms),
			clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
			...options
		};
	}

	/** The live region's current text. */
	get text(): string {
		return this.#text;
	}

	/** Says `message` now (empty messages are ignored). */
	say(message: string): void {
		const trimmed = message.trim();
		if (!trimmed) return;
		this.#flip = !this.#flip;
		// A zero-width space every other time: the same sentence twice is still a change.
		this.#text = this.#flip ? trimmed : `${trimmed}\u200b`;
	}

	/** Notes written on other devices arrived in `zone`; said together after a short while. */
	notesArrived(zone: string, count = 1): void {
		if (count <= 0) return;
		this.#pending.set(zone, (this.#pending.get(zone) ?? 0) + count);
		if (this.#timer === null) this.#timer = this.#options.setTimer(() => this.flush(), this.#options.windowMs);
	}

	/** Says the gathered summary now. */
	flush(): void {
		if (this.#timer !== null) this.#options.clearTimer(this.#timer);
		this.#timer = null;
		const parts = [...this.#pending].map(([zone, count]) => this.#options.newNotes(zone, count));
		this.#pending.clear();
		if (parts.length > 0) this.say(parts.join(' '));
	}

	/** Stops a pending summary (the page is closing). */
	destroy(): void {
		if (this.#timer !== null) this.#options.clearTimer(this.#timer);
		this.#timer = null;
		this.#pending.clear();
	}
}

/** The timer milestones announced: five minutes left, one minute left, time is up. */
export type TimerMilestone = 5 | 1 | 0;

/**
 * The milestone crossed between two readings of the time left (milliseconds), if any. Crossing
 * means going from above to at-or-below, so a timer started with four minutes announces nothing
 * until one minute is left, and a paused timer announces nothing.
 */
export function timerMilestone(before: number | null, after: number): TimerMilestone | null {
	if (before === null || after >= before) return null;
	for (const milestone of [0, 1, 5] as const) {
		const at = milestone * 60_000;
		if (before > at && after <= at) return milestone;
	}
	return null;
}
