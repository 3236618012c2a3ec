/**
 * Everything a device can do to a running session, as the board's named commands bound to this
 * device's document, identity and history. Components call these; none of them writes to the
 * document directly. `LiveSession` extends this class, so `live.addNote(…)` reads as before.
 */
import type * as Y from 'yjs';
import * as commands from '$lib/board/commands';
import * as facilitation from '$lib/board/facilitation';
import * as imageNotes from '$lib/board/image-notes';
import * as moderation from '$lib/board/moderation';
import { mergeStationNotes, type StationNote } from '$lib/board/station';
import * as timer from '$lib/board/timer';
import type { Point } from '$lib/board/geometry';
import type { Actor, ActivityPhase, NoteColor } from '$lib/board/types';
import type { OwnNotes } from './own-notes.svelte';
import type { SessionHistory } from './session-history.svelte';
import type { SessionView } from './session-view.svelte';

export type { Refusal } from '$lib/board/commands';

export interface CommandContext {
	doc: Y.Doc;
	actor: Actor;
	view: SessionView;
	own: OwnNotes;
	history: SessionHistory;
	/** Whether notes are written without names. */
	anonymous: () => boolean;
	/** The facilitator's clock, which the shared timer runs on. */
	facilitatorNow: () => number;
}

export class SessionCommands {
	readonly #c: CommandContext;

	constructor(context: CommandContext) {
		this.#c = context;
	}

	// --- notes, clusters, votes -------------------------------------------------------------

	addNote(input: commands.NewNote) {
		const c = this.#c;
		const result = commands.addNote(c.doc, c.actor, input, c.anonymous());
		if (result.ok) c.own.add(result.value);
		return result;
	}
	editNote = (id: string, text: string) => commands.editNote(this.#c.doc, this.#c.actor, id, text);
	recolorNote = (id: string, color: NoteColor) => commands.recolorNote(this.#c.doc, this.#c.actor, id, color);
	setNoteLanguage = (id: string, language: string) =>
		commands.setNoteLanguage(this.#c.doc, this.#c.actor, id, language);
	deleteNote = (id: string) => commands.deleteNote(this.#c.doc, this.#c.actor, id);
	moveNote = (id: string, position: Point) => {
		const result = commands.moveNote(this.#c.doc, this.#c.actor, id, position);
		// A drag writes once, at its end: that one write is one undo step.
		this.#c.history.endStep();
		return result;
	};
	moveNotesToZone = (ids: string[], zone: string | null) =>
		commands.moveNotesToZone(this.#c.doc, this.#c.actor, ids, zone);
	groupNotes = (ids: string[], name: string) => commands.groupNotes(this.#c.doc, this.#c.actor, ids, name);
	moveToGroup = (ids: string[], clusterId: string | null, name = '') =>
		commands.moveToGroup(this.#c.doc, this.#c.actor, ids, clusterId, name);
	dropNoteOnNote = (id: string, targetId: string) =>
		commands.dropNoteOnNote(this.#c.doc, this.#c.actor, id, targetId, '');
	renameCluster = (id: string, name: string) => commands.renameCluster(this.#c.doc, this.#c.actor, id, name);
	ungroup = (id: string) => commands.ungroup(this.#c.doc, this.#c.actor, id);
	removeFromCluster = (id: string) => commands.removeFromCluster(this.#c.doc, this.#c.actor, id);
	/** `activityId`: the board voted on, when it continues an earlier activity's notes. */
	castVote = (noteId: string, activityId?: string) => commands.castVote(this.#c.doc, this.#c.actor, noteId, activityId);
	retractVote = (noteId: string, activityId?: string) =>
		commands.retractVote(this.#c.doc, this.#c.actor, noteId, activityId);
	/** This device's dots in an activity (reactive: follows the ballots). */
	/** Paper notes from a photo (facilitator): one transaction, one undo step. */
	addImageNotes = (activityId: string, zone: string | null, notes: imageNotes.NewImageNote[]) =>
		imageNotes.addImageNotes(this.#c.doc, this.#c.actor, activityId, zone, notes);
	/** How many more image notes the session can hold. */
	imageNoteRoom = () => imageNotes.MAX_IMAGE_NOTES - imageNotes.imageNoteCount(this.#c.doc);
	myDots = (activityId: string) => {
		void this.#c.view.ballots;
		return commands.myDots(this.#c.view.maps, activityId, this.#c.actor.participantId);
	};

	// --- facilitation ------------------------------------------------------------------------

	setPhase = (activityId: string, phase: ActivityPhase) =>
		facilitation.setPhase(this.#c.doc, this.#c.actor, activityId, phase);
	setDotBudget = (activityId: string, dots: number) =>
		facilitation.setDotBudget(this.#c.doc, this.#c.actor, activityId, dots);
	setLocked = (locked: boolean) => facilitation.setLocked(this.#c.doc, this.#c.actor, locked);
	setCurrentActivity = (activityId: string) => facilitation.setCurrentActivity(this.#c.doc, this.#c.actor, activityId);
	endSession = (keepCopy: boolean) => facilitation.endSession(this.#c.doc, this.#c.actor, keepCopy);
	reopenSession = () => facilitation.reopenSession(this.#c.doc, this.#c.actor);
	startTimer = () => timer.startTimer(this.#c.doc, this.#c.actor, this.#c.facilitatorNow());
	pauseTimer = () => timer.pauseTimer(this.#c.doc, this.#c.actor, this.#c.facilitatorNow());
	addMinute = () => timer.addMinute(this.#c.doc, this.#c.actor, this.#c.facilitatorNow());
	resetTimer = (minutes: number) => timer.resetTimer(this.#c.doc, this.#c.actor, minutes);
	publishActivities = (agenda: facilitation.ActivityInput[]) =>
		facilitation.publishActivities(this.#c.doc, this.#c.actor, agenda);
	// --- moderation and comment stations --------------------------------------------------------

	setModerated = (activityId: string, on: boolean) =>
		moderation.setModerated(this.#c.doc, this.#c.actor, activityId, on);
	/** `edits`: a new text for some of the notes (edit and approve). */
	approveNotes = (ids: string[], edits?: ReadonlyMap<string, string>) =>
		moderation.approveNotes(this.#c.doc, this.#c.actor, ids, edits);
	declineNotes = (ids: string[], reason: string) => moderation.declineNotes(this.#c.doc, this.#c.actor, ids, reason);
	mergeStationNotes = (activityId: string, zone: string | null, notes: StationNote[]) =>
		mergeStationNotes(this.#c.doc, this.#c.actor, activityId, zone, notes);
	writeMeta = (meta: facilitation.SessionMeta) => facilitation.writeSessionMeta(this.#c.doc, meta);
}
