/**
 * Reading the shared document into domain types. The document comes from other devices, so every
 * entry is checked: a malformed note (wrong types, oversized text, unknown colour) is skipped, never
 * rendered and never allowed to throw into the UI. A hostile peer can spoil its own notes only.
 */
import { isLanguageTag } from '../i18n/note-language';
import type * as Y from 'yjs';
import { isSealed, openText, openWaitingText } from './seal';
import { MAX_IMAGE_BYTES } from './image-notes';
import { parseBoardSpec } from '../methods/board-spec';
import { asAudience } from '../methods/types';
import type { Point } from './geometry';
import {
	MAX_CATEGORY_LENGTH,
	MAX_CLUSTER_NAME_LENGTH,
	MAX_NOTE_LENGTH,
	NOTE_COLORS,
	PHASES,
	type Activity,
	type ActivityKind,
	type ActivityPhase,
	type Ballot,
	type Cluster,
	type Note,
	type NoteColor,
	type Participant,
	type RunState,
	type SessionMetaState
} from './types';
import { versionOf, type SessionMaps } from './doc';
import { readTimer } from './timer';
import { authorityOf, controlStateOf, type ActivityControl } from './authority';
import { noteTextValid } from './note-owner';

const isMap = (v: unknown): v is Y.Map<unknown> =>
	typeof v === 'object' &&
	v !== null &&
	typeof (v as Y.Map<unknown>).get === 'function' &&
	typeof (v as Y.Map<unknown>).toJSON === 'function';
const str = (v: unknown, max: number): string | undefined => (typeof v === 'string' && v.length <= max ? v : undefined);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function readPoint(v: unknown): Point | undefined {
	if (typeof v !== 'object' || v === null) return undefined;
	const { x, y } = v as Record<string, unknown>;
	return finite(x) && finite(y) && Math.abs(x) < 1e6 && Math.abs(y) < 1e6 ? { x, y } : undefined;
}

export function readNote(id: string, value: unknown): Note | null {
	if (!isMap(value)) return null;
	// With signed control, a note that names an owner key shows only with a valid text signature
	// (note-owner.ts): text changed by anyone else is never shown, exported or counted.
	const authority = authorityOf((value as { doc?: Y.Doc | null }).doc);
	if (authority && value.get('owner') !== undefined && !noteTextValid(id, value, authority.facilitatorKey)) return null;
	const activityId = str(value.get('activityId'), 100);
	// A waiting note keeps its text under `sealedText` and has no `text`, so apps from before
	// moderation skip it as malformed instead of showing it to everyone.
	const waiting = value.get('moderation') === 'waiting';
	// A private note before reveal has no `text` either: its text is sealed under `sealedText`
	// (seal.ts). A note this device cannot open (yet) is read with empty text and `sealed`, so
	// its place still counts and `visibleNotes` hides it.
	const doc = (value as { doc?: Y.Doc | null }).doc;
	const sealedText = value.get('sealedText');
	const opened = waiting
		? openWaitingText(doc, id, sealedText)
		: value.get('text') === undefined && isSealed(sealedText)
			? openText(doc, id, sealedText)
			: str(value.get('text'), MAX_NOTE_LENGTH);
	const text = opened === null ? '' : opened;
	const color = value.get('color');
	const place = value.get('place');
	const position = readPoint(place);
	const zone = typeof place === 'object' && place !== null ? (place as Record<string, unknown>).zone : undefined;
	const cluster = value.get('cluster');
	const author = value.get('author');
	const createdAt = value.get('createdAt');
	if (activityId === undefined || text === undefined || !position) return null;
	if (!NOTE_COLORS.includes(color as NoteColor)) return null;
	if (zone !== null && str(zone, 100) === undefined) return null;
	if (cluster !== null && cluster !== undefined && str(cluster, 100) === undefined) return null;
	if (author !== undefined && str(author, 40) === undefined) return null;
	const note: Note = {
		id,
		activityId,
		text,
		color: color as NoteColor,
		position,
		zone: zone as string | null,
		cluster: (cluster as string | null | undefined) ?? null,
		private: value.get('private') === true,
		createdAt: finite(createdAt) ? createdAt : 0
	};
	if (author !== undefined) note.author = author as string;
	// Optional, read leniently: a malformed category is ignored, not the note.
	const category = str(value.get('category'), MAX_CATEGORY_LENGTH);
	if (category) note.category = category;
	if (waiting) note.waiting = true;
	if (opened === null) note.sealed = true;
	// Optional and lenient too: a malformed tag is dropped, the note is kept.
	const language = value.get('language');
	if (isLanguageTag(language)) note.language = language;
	const image = value.get('image');
	if (image instanceof Uint8Array && image.byteLength <= MAX_IMAGE_BYTES) note.image = image;
	return note;
}

export function readCluster(id: string, value: unknown): Cluster | null {
	if (!isMap(value)) return null;
	const activityId = str(value.get('activityId'), 100);
	const name = str(value.get('name'), MAX_CLUSTER_NAME_LENGTH);
	const createdAt = value.get('createdAt');
	if (activityId === undefined || name === undefined) return null;
	return { id, activityId, name, createdAt: finite(createdAt) ? createdAt : 0 };
}

/** A ballot; one sealed before results (seal.ts) is read only where it opens: on the voter's and
 * the facilitator's devices, and everywhere once the record publishes the results key. */
export function readBallot(value: unknown, doc?: Y.Doc | null): Ballot | null {
	if (typeof value !== 'object' || value === null) return null;
	const { activityId, voterId, category, sealed } = value as Record<string, unknown>;
	let { noteIds } = value as Record<string, unknown>;
	if (str(activityId, 100) === undefined || str(voterId, 100) === undefined) return null;
	if (noteIds === undefined && isSealed(sealed)) noteIds = openBallotNotes(doc, `${activityId}/${voterId}`, sealed);
	if (!Array.isArray(noteIds) || noteIds.length > 100 || !noteIds.every((n) => str(n, 100) !== undefined)) return null;
	const ballot: Ballot = { activityId: activityId as string, voterId: voterId as string, noteIds: noteIds as string[] };
	const clean = str(category, MAX_CATEGORY_LENGTH);
	if (clean) ballot.category = clean;
	return ballot;
}

function openBallotNotes(doc: Y.Doc | null | undefined, key: string, sealed: string): unknown {
	const text = openText(doc, `ballot/${key}`, sealed);
	if (typeof text !== 'string') return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

const KINDS: readonly ActivityKind[] = ['method', 'blank', 'break'];

/** The record's entry for an activity, read with the same checks as the document's map. */
const plainMap = (value: ActivityControl) => ({ get: (key: string) => value[key], toJSON: () => value });

/**
 * An activity as this device must show it. With a facilitator key (see `authority.ts`) the signed
 * record is the only source: the activity's map in the document (written too, for older apps) is
 * ignored, so whatever another device writes there changes nothing.
 */
export function readActivity(id: string, value: unknown): Activity | null {
	if (!isMap(value)) return null;
	const doc = (value as { doc?: Y.Doc | null }).doc;
	const control = controlStateOf(doc);
	if (control) {
		const entry = Object.hasOwn(control.activities, id) ? control.activities[id] : undefined;
		return entry ? readActivityFields(id, plainMap(entry)) : null;
	}
	return readActivityFields(id, value);
}

/** An activity of the document by id, whether or not this device has its map yet. */
export function findActivity(maps: SessionMaps, id: string): Activity | null {
	const control = controlStateOf(maps.activities.doc);
	if (control) {
		const entry = Object.hasOwn(control.activities, id) ? control.activities[id] : undefined;
		return entry ? readActivityFields(id, plainMap(entry)) : null;
	}
	return readActivityFields(id, maps.activities.get(id));
}

function readActivityFields(id: string, value: unknown): Activity | null {
	if (!isMap(value)) return null;
	const title = str(value.get('title'), 200);
	const prompt = str(value.get('prompt'), 2000);
	const order = value.get('order');
	const minutes = value.get('minutes');
	const kind = value.get('kind');
	const board = parseBoardSpec(value.get('board'));
	const phase = value.get('phase');
	const dots = value.get('dotsPerPerson');
	if (title === undefined || prompt === undefined || !finite(order) || !finite(minutes) || !board) return null;
	if (!KINDS.includes(kind as ActivityKind)) return null;
	const activity: Activity = {
		id,
		order,
		kind: kind as ActivityKind,
		title,
		prompt,
		minutes,
		board,
		phase: PHASES.includes(phase as ActivityPhase) ? (phase as ActivityPhase) : 'write',
		revealed: value.get('revealed') === true,
		resultsShown: value.get('resultsShown') === true,
		dotsPerPerson: finite(dots) && dots >= 0 && dots <= 20 ? Math.floor(dots) : board.dotsPerPerson
	};
	const methodId = str(value.get('methodId'), 100);
	if (methodId) activity.methodId = methodId;
	const source = str(value.get('source'), 100);
	if (source && source !== id) activity.source = source;
	const startedAt = value.get('startedAt');
	const endedAt = value.get('endedAt');
	if (value.get('archived') === true) activity.archived = true;
	if (value.get('moderated') === true) activity.moderated = true;
	if (finite(startedAt)) activity.startedAt = startedAt;
	if (finite(endedAt)) activity.endedAt = endedAt;
	return activity;
}

export function readNotes(maps: SessionMaps, activityId?: string): Note[] {
	const out: Note[] = [];
	maps.notes.forEach((value, id) => {
		const note = readNote(id, value);
		if (note && (activityId === undefined || note.activityId === activityId)) out.push(note);
	});
	return out;
}

export function readClusters(maps: SessionMaps, activityId?: string): Cluster[] {
	const out: Cluster[] = [];
	maps.clusters.forEach((value, id) => {
		const cluster = readCluster(id, value);
		if (cluster && (activityId === undefined || cluster.activityId === activityId)) out.push(cluster);
	});
	return out;
}

export function readBallots(maps: SessionMaps, activityId?: string): Ballot[] {
	const out: Ballot[] = [];
	maps.votes.forEach((value) => {
		const ballot = readBallot(value, maps.votes.doc);
		if (ballot && (activityId === undefined || ballot.activityId === activityId)) out.push(ballot);
	});
	return out;
}

export function readActivities(maps: SessionMaps): Activity[] {
	const out: Activity[] = [];
	const control = controlStateOf(maps.activities.doc);
	if (control) {
		for (const [id, entry] of Object.entries(control.activities)) {
			const activity = readActivityFields(id, plainMap(entry));
			if (activity) out.push(activity);
		}
		return out.sort((a, b) => a.order - b.order);
	}
	maps.activities.forEach((value, id) => {
		const activity = readActivity(id, value);
		if (activity) out.push(activity);
	});
	return out.sort((a, b) => a.order - b.order);
}

export function readRun(maps: SessionMaps): RunState {
	const control = controlStateOf(maps.run.doc);
	if (control) {
		const { activityId, locked, timer, endedAt, keepCopy } = control;
		return { activityId, locked, timer, endedAt, keepCopy };
	}
	const activityId = maps.run.get('activityId');
	const endedAt = maps.run.get('endedAt');
	return {
		activityId: typeof activityId === 'string' && activityId.length <= 100 ? activityId : null,
		locked: maps.run.get('locked') === true,
		timer: readTimer(maps.run.get('timer')),
		endedAt: finite(endedAt) ? endedAt : null,
		keepCopy: maps.run.get('keepCopy') === true
	};
}

export function readMeta(maps: SessionMaps): SessionMetaState {
	return {
		title: str(maps.meta.get('title'), 200) ?? '',
		language: str(maps.meta.get('language'), 10) ?? '',
		anonymous: maps.meta.get('anonymous') === true,
		schema: versionOf(maps)
	};
}

export function readParticipants(maps: SessionMaps): Participant[] {
	const out: Participant[] = [];
	maps.participants.forEach((value, participantId) => {
		if (typeof value !== 'object' || value === null || participantId.length > 64) return;
		const { group, joinedAt, name, role } = value as Record<string, unknown>;
		const participant: Participant = {
			participantId,
			role: role === 'facilitator' ? 'facilitator' : 'participant',
			group: asAudience(group),
			joinedAt: finite(joinedAt) ? joinedAt : 0
		};
		const clean = str(name, 40);
		if (clean) participant.name = clean;
		out.push(participant);
	});
	return out.sort((a, b) => a.joinedAt - b.joinedAt);
}
