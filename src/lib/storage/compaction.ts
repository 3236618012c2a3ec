/**
 * When the stored session documents are compacted.
 *
 * Why: y-dexie stores each Yjs update as a row of its own the moment it happens (so a reload, a
 * closed tab or a crash loses nothing) and, left to itself, compacts those rows ten seconds after the
 * database opens and every five minutes after: it reads a document's rows, merges them in a scratch
 * Y.Doc and writes one row back. For a 1,000-note board that merge is about a second of main-thread
 * work on a tablet, and the profile of panning a board found it in the middle of the first pan or
 * drag after opening — the gesture's worst frames. So the app turns y-dexie's own timer off and runs
 * the same compaction at the same pace itself, but never while a gesture holds it
 * (`holdCompaction`), nor until the pointer has rested `quiet` ms, and in an idle callback.
 *
 * Only compaction waits, never a write: every update still reaches IndexedDB at once, and rows
 * left uncompacted are merged on the next run (or read as they are: y-dexie loads all of them).
 *
 * And a run merges only when there is something worth merging (`MIN_ROWS` new rows): the cost of a
 * merge is the whole document's, its gain the rows it saves, and opening a board writes a handful
 * of small rows (checking in, the facilitator's record) that cost nothing to load as they are.
 */
import type { Dexie } from 'dexie';
import { compressYDocs } from 'y-dexie';

export interface CompactionTiming {
	/** After the database opens (y-dexie's own delay). */
	first: number;
	/** Between runs (y-dexie's own interval; also what another tab's recent run is skipped by). */
	interval: number;
	/** How long after the last gesture ended a run may start. */
	quiet: number;
}

export const COMPACTION_TIMING: CompactionTiming = { first: 10_000, interval: 300_000, quiet: 2_000 };

/** New update rows (in any document) below which a run does not merge. */
export const MIN_ROWS = 100;

/**
 * Compacts the database's stored documents (y-dexie's `compressYDocs`) when at least `minRows`
 * update rows were written since the last compaction; true when it did.
 */
export async function compactStoredDocs(db: Dexie, minRows = MIN_ROWS, skipIfRunWithin?: number): Promise<boolean> {
	let rows = 0;
	for (const table of db.tables)
		for (const { updatesTable } of table.schema.yProps ?? []) {
			const updates = db.table(updatesTable);
			// Row 0 is y-dexie's marker: the last row it merged.
			const marker = (await updates.get(0)) as { lastCompressed?: number } | undefined;
			rows += await updates
				.where('i')
				.above(marker?.lastCompressed ?? 0)
				.count();
		}
	if (rows < minRows) return false;
	await compressYDocs(db, skipIfRunWithin);
	return true;
}

/** Runs `run` now and then, but only while nothing holds it. */
export class CompactionSchedule {
	readonly #run: () => Promise<void>;
	readonly #timing: CompactionTiming;
	#holds = 0;
	#lastRelease = -Infinity;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#started = false;
	#stopped = false;
	#runs = 0;

	constructor(run: () => Promise<void>, timing: CompactionTiming = COMPACTION_TIMING) {
		this.#run = run;
		this.#timing = timing;
	}

	/** Completed runs (tests and diagnostics). */
	get runs(): number {
		return this.#runs;
	}
	/** Whether a gesture holds compaction back right now. */
	get held(): boolean {
		return this.#holds > 0;
	}

	/** Starts the timer (idempotent). */
	start(): void {
		if (this.#started || this.#stopped) return;
		this.#started = true;
		this.#later(this.#timing.first);
	}

	/** Holds compaction back until the returned function is called (once; more calls do nothing). */
	hold(): () => void {
		this.#holds++;
		let released = false;
		return () => {
			if (released) return;
			released = true;
			this.#holds--;
			this.#lastRelease = Date.now();
		};
	}

	stop(): void {
		this.#stopped = true;
		clearTimeout(this.#timer);
	}

	#later(ms: number) {
		clearTimeout(this.#timer);
		if (this.#stopped) return;
		this.#timer = setTimeout(() => this.#due(), Math.max(0, ms));
	}

	/** The time has come, unless a gesture is on or has only just ended. */
	#wait(): number {
		if (this.#holds > 0) return this.#timing.quiet;
		return this.#timing.quiet - (Date.now() - this.#lastRelease);
	}

	#due() {
		if (this.#wait() > 0) return this.#later(this.#wait());
		whenIdle(() => {
			if (this.#stopped) return;
			// A gesture may have started while the browser waited for an idle moment.
			if (this.#wait() > 0) return this.#later(this.#wait());
			this.#run()
				.catch((error: unknown) => console.debug('compaction failed', error))
				.finally(() => {
					this.#runs++;
					this.#later(this.#timing.interval);
				});
		});
	}
}

function whenIdle(run: () => void) {
	const idle = (globalThis as { requestIdleCallback?: (cb: () => void, options?: { timeout: number }) => void })
		.requestIdleCallback;
	if (idle) idle(run, { timeout: 5_000 });
	else run();
}

let target: Dexie | null = null;
const schedule = new CompactionSchedule(async () => {
	// Never opens a closed database just to compact it.
	if (!target?.isOpen()) return;
	try {
		await compactStoredDocs(target, MIN_ROWS, COMPACTION_TIMING.interval);
	} catch (error) {
		if ((error as { name?: string } | null)?.name !== 'DatabaseClosedError') throw error;
	}
});

/** Compacts `db`'s stored documents in the background, away from gestures (the app's database). */
export function compactInBackground(db: Dexie): void {
	if (target) return;
	target = db;
	schedule.start();
}

/** Holds background compaction back while a gesture runs; call the result when it ends. */
export function holdCompaction(): () => void {
	return schedule.hold();
}
