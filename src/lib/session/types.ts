/**
 * A workshop session as the facilitator plans it. These are the domain types; storage persists
 * them and the session's shared Yjs document carries what participants need while it runs.
 */
import type { Locale } from '../i18n/locales';
import type { Audience, BoardSpec } from '../methods/types';
import type { Answers, ParticipationPlan } from './participation';

export type SessionRole = 'facilitator' | 'participant';

/** The secret half of a join link: both travel only in the URL fragment, never to a server. */
export interface RoomKey {
	/** Random, unguessable; the signaling topic. */
	name: string;
	/** Random; encrypts everything the devices exchange. */
	secret: string;
}

export interface SessionPlan {
	title: string;
	organisation: string;
	/** ISO date `YYYY-MM-DD`, or empty while undecided. */
	date: string;
	/** Start time `HH:MM`, or empty. */
	startTime: string;
	place: string;
	goal: string;
	groups: Audience[];
	language: Locale;
	availableMinutes: number;
	/** Notes show no author, and none is stored. */
	anonymous: boolean;
	/** Participation questions asked at join (optional; see participation.ts). */
	participation?: ParticipationPlan;
}

/** What the facilitator adds to the report before exporting it. */
export interface ReportNotes {
	/** Accessibility and inclusion: interpretation, accessible venue, languages used. */
	accessibility: string;
	/** Public summary (at most 2,000 characters), in the session's language and in English. */
	publicSummary: string;
	publicSummaryEn: string;
	/** Who facilitated (names as the museum wants them printed). */
	facilitators: string;
}

export const MAX_PUBLIC_SUMMARY_LENGTH = 2000;

export interface SessionSummary extends SessionPlan {
	id: string;
	role: SessionRole;
	room: RoomKey;
	/** Rooms the session moved away from (removing a device, closing the room), oldest first: the
	 * facilitator's device keeps a signpost in each for devices that slept through the move. */
	previousRooms?: RoomKey[];
	/** This device's random id in the session (voting, presence); never a name. */
	participantId: string;
	/** The name this device shows on its notes; absent to stay anonymous. */
	nickname?: string;
	/** The group this participant said they belong to (participants only). */
	group?: Audience;
	/** The Wi-Fi network the join link named (participants only): said again if the phone loses
	 * the workshop. */
	wifi?: string;
	/** Decisions and next steps, written by the facilitator at the end (for the summary). */
	closingNotes?: string;
	/** The report's facilitator-written parts (facilitators only). */
	report?: ReportNotes;
	/** This participant's answers to the participation questions (participants only). */
	answers?: Answers;
	/** The random key the answers are stored under in the session document: not the participant
	 * id, so that answers are not joined to names or votes (participants only). */
	answersKey?: string;
	/** The facilitator's public signing key (base64url): made with the session on the facilitator's
	 * device, learned from the join link elsewhere. Sessions from before signed control have none. */
	facilitatorKey?: string;
	/** This device's signing key pair (base64url): the facilitator's key on the facilitator's device,
	 * a device key on a participant's (which the facilitator may delegate to: a co-facilitator). It
	 * never appears on notes, so it does not link a person's notes together. */
	signingKey?: StoredSigningKey;
	createdAt: number;
	updatedAt: number;
}

export interface StoredSigningKey {
	publicKey: string;
	privateKey: string;
}

export type AgendaKind = 'method' | 'blank' | 'break';

export interface AgendaItem {
	id: string;
	sessionId: string;
	/** Sort key; fractional positions let one item move without rewriting the others. */
	position: number;
	kind: AgendaKind;
	/** The library method (built-in or custom) for `kind: 'method'`. */
	methodId?: string;
	title: string;
	minutes: number;
	/** The prompt participants see, edited from the method's default. */
	prompt: string;
	/** The board, copied from the method when added (a later edit or deletion of the method does
	 * not change a planned session). Blank activities and breaks have none: a free board. */
	board?: BoardSpec;
	/** An earlier item whose notes and groups this one continues on (see board/continuation.ts). */
	source?: string;
	/** What actually happened, recorded in run mode for the summary. */
	startedAt?: number;
	endedAt?: number;
}
