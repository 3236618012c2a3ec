/**
 * Which waiting notes the facilitator has ticked in the moderation inbox, for the bulk actions.
 * Notes that leave the inbox (approved or declined, here or on another facilitator device) leave
 * the selection too, so a bulk action never acts on a note the facilitator can no longer see.
 */
export class InboxSelection {
	#ids = $state.raw<ReadonlySet<string>>(new Set());

	get ids(): ReadonlySet<string> {
		return this.#ids;
	}
	get size(): number {
		return this.#ids.size;
	}

	has(id: string): boolean {
		return this.#ids.has(id);
	}

	toggle(id: string): void {
		const next = new Set(this.#ids);
		if (!next.delete(id)) next.add(id);
		this.#ids = next;
	}

	/** Ticks every note of `present`, or none. */
	setAll(present: readonly string[], on: boolean): void {
		this.#ids = new Set(on ? present : []);
	}

	/** Whether every one of `present` (at least one) is ticked. */
	allOf(present: readonly string[]): boolean {
		return present.length > 0 && present.every((id) => this.#ids.has(id));
	}

	/** Keeps only the ticked notes still in `present`. */
	keepOnly(present: readonly string[]): void {
		const still = new Set(present);
		if ([...this.#ids].every((id) => still.has(id))) return;
		this.#ids = new Set([...this.#ids].filter((id) => still.has(id)));
	}

	clear(): void {
		if (this.#ids.size > 0) this.#ids = new Set();
	}
}
