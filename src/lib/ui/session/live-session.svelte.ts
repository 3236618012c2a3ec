/**
 * A session open on this device: its document loaded from IndexedDB, mirrored for the UI, kept in
 * sync with the other devices, with this device's undo history and identity. Pages open one with
 * `LiveSession.open(id)` and `destroy()` it when they leave; components call its methods, which go
 * through the board's commands.
 */
import { Awareness } from 'y-protocols/awareness';
import * as commands from '$lib/board/commands';
import * as facilitation from '$lib/board/facilitation';
import { ClockOffset } from '$lib/board/clock';
import { migrateDoc } from '$lib/board/doc';
import * as timer from '$lib/board/timer';
import { createBoardHistory } from '$lib/board/history';
import { recordAnswers } from '$lib/board/participation';
import type { Actor, ActivityPhase, NoteColor } from '$lib/board/types';
import type { Point } from '$lib/board/geometry';
import type { SessionSummary } from '$lib/session/types';
import { openSessionDoc, ownNoteIds, rememberOwnNote, type OpenDoc } from '$lib/storage/session-doc';
import { getSession } from '$lib/storage/sessions';
import { SessionSync, type SyncLogEvent, type SyncState } from '$lib/sync';
import { readPresence, type Present } from './presence';
import { SessionView } from './session-view.svelte';
import { signalingSettings } from './signaling-url';
import type * as Y from 'yjs';

export type { Refusal } from '$lib/board/commands';

const CLOCK_INTERVAL_MS = 2000;

export class LiveSession {
	readonly summary: SessionSummary;
	readonly view: SessionView;
	readonly actor: Actor;
	readonly awareness: Awareness;
	readonly #open: OpenDoc;
	readonly #history: Y.UndoManager;
	readonly #own: Set<string>;
	#sync: SessionSync | null = null;
	#destroyed = false;
	#syncState = $state.raw<SyncState>({ signaling: 'connecting', direct: 0, relayed: 0, synced: false });
	#present = $state.raw<Present[]>([]);
	#canUndo = $state.raw(false);
	#canRedo = $state.raw(false);
	#ownVersion = $state.raw(0);
	readonly #clock = new ClockOffset();
	#clockOffset = $state.raw(0);
	#clockTimer: ReturnType<typeof setInterval> | undefined;

	private constructor(summary: SessionSummary, open: OpenDoc, own: Set<string>) {
		this.summary = summary;
		this.#open = open;
		this.#own = own;
		migrateDoc(open.doc);
		this.view = new SessionView(open.doc);
		const actor: Actor = {
			participantId: summary.participantId,
			role: summary.role,
			nickname: summary.anonymous ? undefined : summary.nickname,
			owns: (id) => this.#own.has(id)
		};
		// Counting activity by group: only in anonymous sessions (see session/participation.ts).
		const countBy = summary.anonymous ? summary.participation?.countBy : null;
		const category = countBy ? summary.answers?.[countBy] : undefined;
		if (category) actor.category = category;
		this.actor = actor;
		this.awareness = new Awareness(open.doc);
		this.awareness.setLocalState({
			participantId: summary.participantId,
			role: summary.role,
			...(this.actor.nickname ? { name: this.actor.nickname } : {})
		});
		this.awareness.on('change', this.#onPresence);
		this.#onPresence();
		// Every device shares its clock reading; participants estimate their offset from the
		// facilitator's readings, so that the shared timer shows the same time everywhere.
		this.#clockTimer = setInterval(() => this.awareness.setLocalStateField('clock', Date.now()), CLOCK_INTERVAL_MS);
		this.awareness.setLocalStateField('clock', Date.now());
		this.#history = createBoardHistory(open.doc);
		const onHistory = () => {
			this.#canUndo = this.#history.canUndo();
			this.#canRedo = this.#history.canRedo();
		};
		this.#history.on('stack-item-added', onHistory);
		this.#history.on('stack-item-popped', onHistory);
		this.#history.on('stack-cleared', onHistory);
		window.addEventListener('pagehide', this.#onPageHide);
		window.addEventListener('pageshow', this.#onPageShow);
	}

	/** Opens a session stored on this device; null when there is none with that id. */
	static async open(sessionId: string): Promise<LiveSession | null> {
		const summary = await getSession(sessionId);
		if (!summary) return null;
		const open = await openSessionDoc(sessionId);
		if (!open) return null;
		const live = new LiveSession(summary, open, await ownNoteIds(sessionId));
		facilitation.checkIn(open.doc, live.actor, summary.group ?? null, summary.anonymous);
		if (summary.role === 'participant' && summary.answersKey)
			recordAnswers(open.doc, summary.answersKey, summary.answers ?? {});
		live.connect();
		return live;
	}

	/** Starts syncing with the other devices of the room (idempotent). */
	connect(): void {
		if (this.#sync || this.#destroyed) return;
		const settings = signalingSettings();
		const sync = new SessionSync({
			doc: this.#open.doc,
			awareness: this.awareness,
			room: this.summary.room.name,
			secret: this.summary.room.secret,
			signalingUrl: settings.url,
			iceServers: settings.iceServers,
			log: this.#logSync
		});
		sync.on('state', (state) => (this.#syncState = state));
		this.#syncState = sync.state;
		this.#sync = sync;
	}

	/** Drops and errors are worth a console line for whoever debugs a workshop — but a peer sending
	 * garbage must not flood the console, so each kind is reported at most every ten seconds. */
	#lastLogged = new Map<string, number>();
	#logSync = (event: SyncLogEvent) => {
		if (event.type !== 'dropped' && event.type !== 'error') return;
		const kind = event.type === 'dropped' ? `dropped:${event.reason}` : `error:${event.where}`;
		const now = Date.now();
		if (now - (this.#lastLogged.get(kind) ?? 0) < 10_000) return;
		this.#lastLogged.set(kind, now);
		console.warn('sync', event);
	};

	/** Leaves the room when the page goes away (a closed tab, a phone locking the browser), so that
	 * the others' presence lists update at once; joins again if the page comes back. */
	#onPageHide = () => {
		this.#sync?.destroy();
		this.#sync = null;
	};
	#onPageShow = (event: PageTransitionEvent) => {
		if (event.persisted) this.connect();
	};

	get doc(): Y.Doc {
		return this.#open.doc;
	}
	get sync(): SyncState {
		return this.#syncState;
	}
	get present(): Present[] {
		return this.#present;
	}
	get canUndo(): boolean {
		return this.#canUndo;
	}
	get canRedo(): boolean {
		return this.#canRedo;
	}
	get isFacilitator(): boolean {
		return this.summary.role === 'facilitator';
	}

	/** Whether this device wrote the note (reactive: re-read after own notes change). */
	owns(noteId: string): boolean {
		void this.#ownVersion;
		return this.#own.has(noteId);
	}

	#onPresence = () => {
		this.#present = readPresence(this.awareness);
		if (this.isFacilitator) return;
		const now = Date.now();
		this.awareness.getStates().forEach((state, clientId) => {
			if (clientId === this.awareness.clientID || typeof state !== 'object' || state === null) return;
			const { role, clock } = state as Record<string, unknown>;
			if (role === 'facilitator' && typeof clock === 'number') this.#clock.add(clock, now);
		});
		this.#clockOffset = this.#clock.offset;
	};

	/** The facilitator's clock, as well as this device can tell (the shared timer runs on it). */
	facilitatorNow(): number {
		return Date.now() + (this.isFacilitator ? 0 : this.#clockOffset);
	}

	/** Milliseconds this device's clock is behind the facilitator's (for diagnostics and tests). */
	get clockOffset(): number {
		return this.#clockOffset;
	}

	get facilitatorPresent(): boolean {
		return this.#present.some((p) => p.role === 'facilitator' && !p.self);
	}

	// --- notes, clusters, votes -------------------------------------------------------------

	addNote(input: commands.NewNote) {
		const result = commands.addNote(this.doc, this.actor, input, this.summary.anonymous || this.view.meta.anonymous);
		if (result.ok) {
			this.#own.add(result.value);
			this.#ownVersion++;
			void rememberOwnNote(this.summary.id, result.value);
		}
		return result;
	}
	editNote = (id: string, text: string) => commands.editNote(this.doc, this.actor, id, text);
	recolorNote = (id: string, color: NoteColor) => commands.recolorNote(this.doc, this.actor, id, color);
	deleteNote = (id: string) => commands.deleteNote(this.doc, this.actor, id);
	moveNote = (id: string, position: Point) => {
		const result = commands.moveNote(this.doc, this.actor, id, position);
		this.#history.stopCapturing();
		return result;
	};
	moveNotesToZone = (ids: string[], zone: string | null) => commands.moveNotesToZone(this.doc, this.actor, ids, zone);
	groupNotes = (ids: string[], name: string) => commands.groupNotes(this.doc, this.actor, ids, name);
	dropNoteOnNote = (id: string, targetId: string) => commands.dropNoteOnNote(this.doc, this.actor, id, targetId, '');
	renameCluster = (id: string, name: string) => commands.renameCluster(this.doc, this.actor, id, name);
	ungroup = (id: string) => commands.ungroup(this.doc, this.actor, id);
	removeFromCluster = (id: string) => commands.removeFromCluster(this.doc, this.actor, id);
	castVote = (noteId: string) => commands.castVote(this.doc, this.actor, noteId);
	retractVote = (noteId: string) => commands.retractVote(this.doc, this.actor, noteId);
	myDots = (activityId: string) => {
		void this.view.ballots;
		return commands.myDots(this.view.maps, activityId, this.actor.participantId);
	};

	undo(): void {
		this.#history.undo();
	}
	redo(): void {
		this.#history.redo();
	}

	// --- facilitation ------------------------------------------------------------------------

	setPhase = (activityId: string, phase: ActivityPhase) =>
		facilitation.setPhase(this.doc, this.actor, activityId, phase);
	setDotBudget = (activityId: string, dots: number) =>
		facilitation.setDotBudget(this.doc, this.actor, activityId, dots);
	setLocked = (locked: boolean) => facilitation.setLocked(this.doc, this.actor, locked);
	setCurrentActivity = (activityId: string) => facilitation.setCurrentActivity(this.doc, this.actor, activityId);
	endSession = (keepCopy: boolean) => facilitation.endSession(this.doc, this.actor, keepCopy);
	reopenSession = () => facilitation.reopenSession(this.doc, this.actor);
	startTimer = () => timer.startTimer(this.doc, this.actor, this.facilitatorNow());
	pauseTimer = () => timer.pauseTimer(this.doc, this.actor, this.facilitatorNow());
	addMinute = () => timer.addMinute(this.doc, this.actor, this.facilitatorNow());
	resetTimer = (minutes: number) => timer.resetTimer(this.doc, this.actor, minutes);
	publishActivities = (agenda: facilitation.ActivityInput[]) =>
		facilitation.publishActivities(this.doc, this.actor, agenda);
	writeMeta = (meta: facilitation.SessionMeta) => facilitation.writeSessionMeta(this.doc, meta);

	destroy(): void {
		this.#destroyed = true;
		window.removeEventListener('pagehide', this.#onPageHide);
		window.removeEventListener('pageshow', this.#onPageShow);
		clearInterval(this.#clockTimer);
		this.#sync?.destroy();
		this.#sync = null;
		this.awareness.off('change', this.#onPresence);
		this.awareness.destroy();
		this.#history.destroy();
		this.view.destroy();
		this.#open.release();
	}
}
