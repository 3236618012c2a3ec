/**
 * The board's domain types: what the commands take and what readers return after validating the
 * shared document. Everything read from the document passes through `read.ts` first, because the
 * document arrives from other devices and is untrusted.
 */
import type { Audience, BoardSpec } from '../methods/types';
import type { Point } from './geometry';
import type { TimerState } from './timer';

export const NOTE_COLORS = ['yellow', 'pink', 'green', 'blue', 'orange', 'purple', 'grey'] as const;
export type NoteColor = (typeof NOTE_COLORS)[number];

export const MAX_NOTE_LENGTH = 500;
export const MAX_CLUSTER_NAME_LENGTH = 80;
export const MAX_NICKNAME_LENGTH = 40;
export const MAX_CATEGORY_LENGTH = 40;

/** Phases of an activity, in the order the facilitator usually moves through them. */
export const PHASES = ['write', 'reveal', 'group', 'vote', 'results', 'discuss'] as const;
export type ActivityPhase = (typeof PHASES)[number];

/** The phases an activity offers: without dots there is nothing to vote on, so no vote and no
 * results. */
export function phasesFor(dotsPerPerson: number): readonly ActivityPhase[] {
	return dotsPerPerson > 0 ? PHASES : PHASES.filter((p) => p !== 'vote' && p !== 'results');
}

export interface Note {
	id: string;
	activityId: string;
	text: string;
	color: NoteColor;
	/** Top-left corner in board coordinates. Stored with the zone as one value (`place`), so that
	 * concurrent moves never mix one move's position with another's zone. */
	position: Point;
	/** The zone the note is in, or null on a free board / between zones. */
	zone: string | null;
	cluster: string | null;
	/** The writer's nickname; absent when anonymous (and in anonymous sessions, always). */
	author?: string;
	/** Written during private writing: hidden from others until the activity is revealed. */
	private: boolean;
	/** Written on a moderated board and not yet approved: shown only to its writer (marked
	 * "waiting") and in the facilitator's inbox. */
	waiting?: true;
	/** Its text is sealed and this device cannot open it yet (someone else's private or waiting
	 * note): `text` is empty and the board never shows it (see seal.ts). */
	sealed?: true;
	/** A paper note brought in from a photo: its cropped picture (JPEG bytes); `text` is what the
	 * facilitator typed for it, and its accessible name. */
	image?: Uint8Array;
	createdAt: number;
	/** The writer's answer to the question activity is counted by ("count activity by group"),
	 * only in anonymous sessions that turned it on: a category, never a person. */
	category?: string;
	/** The language it is written in (BCP 47), for `lang` in the UI and exports; absent on notes
	 * from apps before #21 (read as the session's language). */
	language?: string;
}

export interface Cluster {
	id: string;
	activityId: string;
	name: string;
	createdAt: number;
}

/** One participant's dots in one activity: a note id per dot (a note may get several). */
export interface Ballot {
	activityId: string;
	voterId: string;
	noteIds: string[];
	/** The voter's category, as on notes (see `Note.category`). */
	category?: string;
}

export type ActivityKind = 'method' | 'blank' | 'break';

export interface Activity {
	id: string;
	order: number;
	kind: ActivityKind;
	title: string;
	/** What participants read on their screens. */
	prompt: string;
	methodId?: string;
	minutes: number;
	board: BoardSpec;
	phase: ActivityPhase;
	/** Private notes have been revealed to everyone. */
	revealed: boolean;
	/** Vote totals are visible to everyone. */
	resultsShown: boolean;
	/** Dots per person, as set by the facilitator (starts from the method's). */
	dotsPerPerson: number;
	/** Removed from the agenda after the workshop started: hidden from the run, kept with its
	 * notes for the summary. (Apps before it show it as a plain activity.) */
	archived?: true;
	/** Notes of participants wait in the facilitator's inbox until approved (school groups). */
	moderated?: true;
	/** The earlier activity whose notes and groups this one continues on (see `continuation.ts`). */
	source?: string;
	startedAt?: number;
	endedAt?: number;
}

/** Who is acting: decides what a command may do. */
export interface Actor {
	/** Random per device and session; never a name. */
	participantId: string;
	role: 'facilitator' | 'participant';
	/** The nickname to show on notes, or undefined to stay anonymous. */
	nickname?: string;
	/** The participant's category for counting activity by group (anonymous sessions only). */
	category?: string;
	/** Notes this device wrote (kept on the device, never in the shared document). */
	owns(noteId: string): boolean;
	/** Private keys this device signs with in a session with signed control (see note-owner.ts):
	 * its device secret, from which each note's key is derived, and the facilitator's key on the
	 * facilitator's device. Absent in sessions from before signed control. */
	secrets?: { device: Uint8Array; facilitator?: Uint8Array };
}

/** What is happening in the session now, as every device reads it from the document. */
export interface RunState {
	/** The activity everyone is on; null before the facilitator starts. */
	activityId: string | null;
	/** Participants' boards are read-only. */
	locked: boolean;
	timer: TimerState;
	/** When the facilitator ended the session (facilitator's clock); participants then leave. */
	endedAt: number | null;
	/** Whether participants may keep a copy of the session on their devices after it ends. */
	keepCopy: boolean;
}

export interface SessionMetaState {
	title: string;
	language: string;
	anonymous: boolean;
	/** The document's schema version: the highest any device recorded (see `documentVersion`). */
	schema: number;
}

/** A device that took part. `group` is what the participant said they are (optional); the name
 * is stored only in named sessions, and the summary shows it only when the facilitator opts in. */
export interface Participant {
	participantId: string;
	role: 'facilitator' | 'participant';
	group: Audience | null;
	joinedAt: number;
	name?: string;
}
