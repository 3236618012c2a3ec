/**
 * A session document mirrored into Svelte state. Svelte does not proxy Yjs objects, so this class
 * observes the document and keeps immutable snapshots in `$state.raw` fields; components read the
 * getters and re-render when a snapshot is replaced. Notes update incrementally: a change to one
 * note re-reads that note only, which keeps boards with thousands of notes responsive.
 */
import type * as Y from 'yjs';
import { authorityOf } from '$lib/board/authority';
import { SCHEMA_VERSION, sessionMaps, type SessionMaps } from '$lib/board/doc';
import { readActivities, readBallots, readClusters, readMeta, readNote, readRun } from '$lib/board/read';
import { IDLE_TIMER } from '$lib/board/timer';
import { chainOf } from '$lib/board/continuation';
import type { Activity, Ballot, Cluster, Note, RunState, SessionMetaState } from '$lib/board/types';

export class SessionView {
	readonly doc: Y.Doc;
	readonly maps: SessionMaps;
	#meta = $state.raw<SessionMetaState>({ title: '', language: '', anonymous: false, schema: 0 });
	#run = $state.raw<RunState>({ activityId: null, locked: false, timer: IDLE_TIMER, endedAt: null, keepCopy: false });
	#activities = $state.raw<Activity[]>([]);
	#notes = $state.raw<ReadonlyMap<string, Note>>(new Map());
	#clusters = $state.raw<Cluster[]>([]);
	#ballots = $state.raw<Ballot[]>([]);
	#unobserve: (() => void)[] = [];
	readonly #ignored = new Set<string>();
	#ignoredCount = $state.raw(0);

	constructor(doc: Y.Doc) {
		this.doc = doc;
		this.maps = sessionMaps(doc);
		const { meta, run, activities, notes, clusters, votes, versions } = this.maps;
		this.#watch(meta, () => (this.#meta = readMeta(this.maps)));
		// The schema version in `meta` is read from `versions` too: a newer device joining makes
		// the session read-only here.
		this.#watch(versions, () => (this.#meta = readMeta(this.maps)));
		this.#watch(run, () => (this.#run = readRun(this.maps)));
		// Archived activities (removed from the agenda mid-workshop) are not run; exports read the
		// document itself and keep them.
		this.#watch(activities, () => (this.#activities = readActivities(this.maps).filter((a) => !a.archived)));
		// With signed control (board/authority.ts) the run and activities are read from the verified
		// record: they change when a record arrives or this device proposes one.
		const authority = authorityOf(doc);
		if (authority) {
			const reread = () => {
				this.#run = readRun(this.maps);
				this.#activities = readActivities(this.maps).filter((a) => !a.archived);
				// A record may publish a key that opens sealed notes and ballots (board/seal.ts): those
				// notes are read again (only they), and the ballots.
				const sealed = [...this.#notes.values()].filter((note) => note.sealed);
				if (sealed.length > 0) {
					const next = new Map(this.#notes);
					for (const note of sealed) this.#refreshNote(next, note.id);
					this.#notes = next;
				}
				this.#ballots = readBallots(this.maps);
			};
			this.#unobserve.push(authority.subscribe(reread));
		}
		this.#watch(clusters, () => (this.#clusters = readClusters(this.maps)));
		this.#watch(votes, () => (this.#ballots = readBallots(this.maps)));
		this.#notes = this.#readAllNotes();
		const onNotes = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
			const next = new Map(this.#notes);
			for (const event of events) {
				if (event.target === notes) {
					for (const key of event.changes.keys.keys()) this.#refreshNote(next, key);
				} else {
					const id = event.path[0];
					if (typeof id === 'string') this.#refreshNote(next, id);
				}
			}
			this.#notes = next;
		};
		notes.observeDeep(onNotes);
		this.#unobserve.push(() => notes.unobserveDeep(onNotes));
	}

	#watch<T>(map: Y.Map<T>, read: () => void) {
		read();
		const handler = () => read();
		map.observeDeep(handler);
		this.#unobserve.push(() => map.unobserveDeep(handler));
	}

	#readAllNotes(): Map<string, Note> {
		const all = new Map<string, Note>();
		this.maps.notes.forEach((value, id) => {
			const note = readNote(id, value);
			if (note) all.set(id, note);
			else this.#ignored.add(id);
		});
		this.#ignoredCount = this.#ignored.size;
		return all;
	}

	#refreshNote(into: Map<string, Note>, id: string) {
		const value = this.maps.notes.get(id);
		const note = readNote(id, value);
		if (note) into.set(id, note);
		else into.delete(id);
		if (value !== undefined && !note) this.#ignored.add(id);
		else this.#ignored.delete(id);
		this.#ignoredCount = this.#ignored.size;
	}

	/** Notes in the document that fail their checks (malformed, oversized or not validly signed):
	 * never shown, exported or counted; the facilitator's view says how many. */
	get ignoredNotes(): number {
		return this.#ignoredCount;
	}

	get meta(): SessionMetaState {
		return this.#meta;
	}
	/** The document comes from a newer app version: it is shown, every change is refused
	 * ('read-only'), and the page asks to update the app. */
	get fromNewerVersion(): boolean {
		return this.#meta.schema > SCHEMA_VERSION;
	}
	get run(): RunState {
		return this.#run;
	}
	get activities(): Activity[] {
		return this.#activities;
	}
	get notes(): ReadonlyMap<string, Note> {
		return this.#notes;
	}
	get clusters(): Cluster[] {
		return this.#clusters;
	}
	get ballots(): Ballot[] {
		return this.#ballots;
	}

	activity(id: string | null): Activity | undefined {
		return id === null ? undefined : this.#activities.find((a) => a.id === id);
	}

	/** The notes on an activity's board: its own and, when it continues earlier activities, theirs. */
	notesOf(activityId: string): Note[] {
		const chain = this.boardChain(activityId);
		const out: Note[] = [];
		for (const note of this.#notes.values()) if (chain.includes(note.activityId)) out.push(note);
		return out.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
	}

	/** The activities whose notes and groups an activity's board shows (see continuation.ts). */
	boardChain(activityId: string): string[] {
		return chainOf(this.#activities, activityId);
	}

	/** The groups on an activity's board. */
	clustersOf(activityId: string): Cluster[] {
		const chain = this.boardChain(activityId);
		return this.#clusters.filter((c) => chain.includes(c.activityId));
	}

	destroy(): void {
		for (const stop of this.#unobserve.splice(0)) stop();
	}
}
