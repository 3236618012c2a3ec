/**
 * Estimating how far this device's clock is from the facilitator's. Each device puts its clock
 * reading in its presence state every few seconds; a reading arrives after some delay `d ≥ 0`, so
 * `theirs − ours = offset − d`. The largest recent sample has the smallest delay and is the best
 * estimate; on a LAN it is within tens of milliseconds.
 */
export class ClockOffset {
	#samples: { at: number; value: number }[] = [];

	constructor(
		private readonly windowMs = 30_000,
		private readonly maxSamples = 20
	) {}

	/** A clock reading `theirs` from the reference device, received when our clock said `ours`. */
	add(theirs: number, ours: number): void {
		if (!Number.isFinite(theirs) || !Number.isFinite(ours)) return;
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

	reset(): void {
		this.#samples = [];
	}
}
