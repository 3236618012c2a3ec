/**
 * Estimating how far this device's clock is from the facilitator's. The facilitator's device puts
 * its clock reading in its presence state every few seconds; a reading arrives after some delay
 * `d ≥ 0`, so `theirs − ours = offset − d`. The largest recent sample has the smallest delay and is
 * the best estimate; on a LAN it is within tens of milliseconds.
 *
 * Why a reading counts once: presence states are re-read whenever anyone's presence changes, and a
 * reading seen again later looks like one that took longer to arrive. Re-added, such stale copies
 * used to fill the sample window and push out the good samples (the error grew with room size); a
 * reading equal to the last one is therefore ignored.
 */
export class ClockOffset {
	#samples: { at: number; value: number }[] = [];
	#lastReading: number | null = null;

	constructor(
		private readonly windowMs = 30_000,
		private readonly maxSamples = 20
	) {}

	/** A clock reading `theirs` from the reference device, received when our clock said `ours`. */
	add(theirs: number, ours: number): void {
		if (!Number.isFinite(theirs) || !Number.isFinite(ours) || theirs === this.#lastReading) return;
		this.#lastReading = theirs;
		this.#samples.push({ at: ours, value: theirs - ours });
		this.#samples = this.#samples.filter((s) => ours - s.at <= this.windowMs).slice(-this.maxSamples);
	}

	/** Milliseconds to add to our clock to get the reference clock; 0 before any sample. */
	get offset(): number {
		if (this.#samples.length === 0) return 0;
		return Math.max(...this.#samples.map((s) => s.value));
	}

	get known(): boolean {
		return this.#samples.length > 0;
	}

	/** Forgets every sample (the reference device changed). */
	reset(): void {
		this.#samples = [];
		this.#lastReading = null;
	}
}
