/**
 * Every change to a board goes through these commands — components never write to the document.
 * Each command checks what the actor may do, validates its input, and makes its change in one
 * transaction with `LOCAL_ORIGIN`, so that one user action is one undo step and one sync update.
 *
 * Expected refusals (the board is locked, the dots are used up, not your note) are returned as
 * results for the UI to explain; they are not exceptions.
 */
import { isLanguageTag } from '../i18n/note-language';
import * as Y from 'yjs';
import { newId } from '../session/ids';
import {
	boardGeometry,
	NOTE_HEIGHT,
	NOTE_WIDTH,
	slotPosition,
	zoneAt,
	type BoardGeometry,
	type Point
} from './geometry';
import { isFromNewerVersion, LOCAL_ORIGIN, sessionMaps, type NoteMap, type SessionMaps } from './doc';
import { boardChain, boardHome, isOnBoardOf } from './continuation';
import { findActivity, readBallot, readMeta, readNote, readNotes, readPoint, readRun } from './read';
import { isSealed, labelOf, sealText, sealWaitingText, type SealLabel } from './seal';
import { DELETIONS, signDeletion, signNoteText } from './note-owner';
import {
	MAX_CATEGORY_LENGTH,
	MAX_CLUSTER_NAME_LENGTH,
	MAX_NOTE_LENGTH,
	NOTE_COLORS,
	type Activity,
	type Actor,
	type Ballot,
	type Note,
	type NoteColor
} from './types';

/** `read-only`: the document comes from a newer app version, whose data this one may not understand
 * well enough to change; the UI asks to update the app. */
export type Refusal =
	'locked' | 'ended' | 'not-allowed' | 'not-found' | 'invalid' | 'no-dots-left' | 'not-voting' | 'read-only' | 'sealed';
export type CommandResult<T = void> = { ok: true; value: T } | { ok: false; reason: Refusal };

const ok = <T>(value: T): CommandResult<T> => ({ ok: true, value });
const refuse = (reason: Refusal): CommandResult<never> => ({ ok: false, reason });

function transact(doc: Y.Doc, fn: () => void) {
	doc.transact(fn, LOCAL_ORIGIN);
}

export const isLocked = (maps: SessionMaps): boolean => readRun(maps).locked;

/** Why the board is closed to this actor: participants may not change anything while the
 * facilitator has locked the board, nor after the session ended. Null when it is open. */
export function boardClosedFor(maps: SessionMaps, actor: Pick<Actor, 'role'>): 'locked' | 'ended' | null {
	if (actor.role === 'facilitator') return null;
	if (isLocked(maps)) return 'locked';
	return readRun(maps).endedAt !== null ? 'ended' : null;
}

const lockedFor = (maps: SessionMaps, actor: Actor) => boardClosedFor(maps, actor) !== null;

function activityOf(maps: SessionMaps, id: string): Activity | null {
	return findActivity(maps, id);
}

/** Cleans note text: plain text only, normalised, within the length limit. Never HTML — the UI
 * renders it as text; this only removes control characters that would break layouts. */
export function cleanNoteText(text: string): string {
	return (
		text
			.normalize('NFC')
			.replace(/\r\n?/g, '\n')
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
			.trim()
	);
}

const clamp = (p: Point): Point => ({
	x: Math.round(Math.min(Math.max(p.x, 0), 1600 - NOTE_WIDTH)),
	y: Math.round(Math.min(Math.max(p.y, 0), 1000 - NOTE_HEIGHT))
});

/** Position and zone are one value: written separately, two concurrent moves could merge into the
 * position of one and the zone of the other. */
const place = (p: Point, zone: string | null) => ({ x: p.x, y: p.y, zone });

const centre = (p: Point): Point => ({ x: p.x + NOTE_WIDTH / 2, y: p.y + NOTE_HEIGHT / 2 });

/** How many of the first free slots a new note picks from at random. */
const SLOT_CHOICE = 6;

/**
 * A free place for a new note in a zone. Two devices adding to the same zone at the same moment
 * each see the other's slot as free; picking at random among the first few free slots makes it
 * unlikely that their notes land exactly on top of each other.
 */
export function freeSlot(geometry: BoardGeometry, zone: string | null, notes: Note[], random = Math.random): Point {
	const taken = notes.filter((n) => n.zone === zone).map((n) => n.position);
	const free: Point[] = [];
	for (let index = 0; free.length < SLOT_CHOICE && index < taken.length + SLOT_CHOICE; index++) {
		const slot = slotPosition(geometry, zone, index);
		const occupied = taken.some(
			(p) => Math.abs(p.x - slot.x) < NOTE_WIDTH / 2 && Math.abs(p.y - slot.y) < NOTE_HEIGHT / 2
		);
		if (!occupied) free.push(slot);
	}
	return free[Math.floor(random() * free.length)] ?? slotPosition(geometry, zone, taken.length);
}

export interface NewNote {
	activityId: string;
	text: string;
	color: NoteColor;
	/** The zone to put it in; its position is the zone's next free slot unless given. */
	zone: string | null;
	position?: Point;
	/** The language it is written in (BCP 47); a malformed tag is left out. */
	language?: string;
}

/** Writes a new note. In an anonymous session, or for an actor without a nickname, no author is
 * stored at all. */
export function addNote(doc: Y.Doc, actor: Actor, input: NewNote, anonymousSession: boolean): CommandResult<string> {
	if (isFromNewerVersion(doc)) return refuse('read-only');
	const maps = sessionMaps(doc);
	if (lockedFor(maps, actor)) return refuse('locked');
	const activity = activityOf(maps, input.activityId);
	if (!activity) return refuse('not-found');
	const text = cleanNoteText(input.text);
	if (text.length === 0 || text.length > MAX_NOTE_LENGTH || !NOTE_COLORS.includes(input.color))
		return refuse('invalid');
	// On an activity that continues an earlier one, the note joins the earlier board's notes, in
	// its zones (see continuation.ts); moderation and private writing follow this activity.
	const home = activityOf(maps, boardHome(maps, activity.id)) ?? activity;
	const geometry = boardGeometry(home.board.layout);
	if (input.zone !== null && !geometry.zones.some((z) => z.id === input.zone)) return refuse('invalid');
	const position = clamp(input.position ?? freeSlot(geometry, input.zone, readNotes(maps, home.id)));
	const id = newId();
	const isPrivate = activity.board.privateWriting && activity.phase === 'write' && !activity.revealed;
	// A private note's text is sealed to this activity's reveal key (seal.ts): no other device
	// reads it before the reveal publishes that key. Without a key (a session from before signed
	// control) it is written plain and hidden by the UI only, as before.
	const sealedPrivate = isPrivate ? sealText(doc, actor, id, `reveal:${activity.id}`, text) : null;
	transact(doc, () => {
		const note: NoteMap = new Y.Map();
		note.set('activityId', home.id);
		if (activity.moderated && actor.role !== 'facilitator') {
			note.set('moderation', 'waiting');
			note.set('sealedText', sealWaitingText(doc, actor, id, text));
		} else if (sealedPrivate) note.set('sealedText', sealedPrivate);
		else note.set('text', text);
		note.set('color', input.color);
		note.set('place', place(position, input.position ? zoneAt(geometry, centre(position)) : input.zone));
		note.set('cluster', null);
		note.set('private', isPrivate);
		note.set('createdAt', Date.now());
		if (!anonymousSession && actor.nickname) note.set('author', actor.nickname);
		if (isLanguageTag(input.language)) note.set('language', input.language);
		// The category only ever without a name (see session/participation.ts).
		if (anonymousSession && actor.category) note.set('category', actor.category.slice(0, MAX_CATEGORY_LENGTH));
		maps.notes.set(id, note);
		signNoteText(actor, id, note);
	});
	return ok(id);
}

function editable(maps: SessionMaps, actor: Actor, id: string): CommandResult<{ map: NoteMap; note: Note }> {
	if (lockedFor(maps, actor)) return refuse('locked');
	const map = maps.notes.get(id);
	const note = readNote(id, map);
	if (!map || !note) return refuse('not-found');
	return ok({ map, note });
}

export function editNote(doc: Y.Doc, actor: Actor, id: string, text: string): CommandResult {
	if (isFromNewerVersion(doc)) return refuse('read-only');
	const found = editable(sessionMaps(doc), actor, id);
	if (!found.ok) return found;
	if (actor.role !== 'facilitator' && !actor.owns(id)) return refuse('not-allowed');
	const clean = cleanNoteText(text);
	if (clean.length === 0 || clean.length > MAX_NOTE_LENGTH) return refuse('invalid');
	if (clean === found.value.note.text) return ok(undefined);
	const { map, note } = found.value;
	// A sealed private note stays sealed to the same key until that key is published; then the
	// edit is written plain, as everyone may read it.
	const stored = map.get('sealedText');
	const label = !note.waiting && map.get('text') === undefined && isSealed(stored) ? labelOf(doc, stored) : null;
	// Someone else's sealed text (the facilitator editing a private note before reveal, or a waiting
	// note outside the inbox) is refused: sealed again by this device, it would open only for the
	// facilitator and no longer for its writer, whose device opens its own text as the envelope's
	// sender. Sealing to the writer as a second recipient would need a new stored form that apps of
	// this release read as malformed; after reveal (or through approval) the edit is plain and fine.
	const resealed = label ? sealText(doc, actor, id, label as SealLabel, clean) : null;
	if (!actor.owns(id) && (resealed !== null || (note.waiting && isSealed(stored)))) return refuse('sealed');
	transact(doc, () => {
		if (note.waiting) map.set('sealedText', sealWaitingText(doc, actor, id, clean));
		else if (resealed) map.set('sealedText', resealed);
		else {
			map.set('text', clean);
			if (map.has('sealedText')) map.delete('sealedText');
		}
		signNoteText(actor, id, found.value.map);
	});
	return ok(undefined);
}

export function recolorNote(doc: Y.Doc, actor: Actor, id: string, color: NoteColor): CommandResult {
	if (isFromNewerVersion(doc)) return refuse('read-only');
	const found = editable(sessionMaps(doc), actor, id);
	if (!found.ok) return found;
	if (actor.role !== 'facilitator' && !actor.owns(id)) return refuse('not-allowed');
	if (!NOTE_COLORS.includes(color)) return refuse('invalid');
	transact(doc, () => found.value.map.set('color', color));
	return ok(undefined);
}

/** Says which language a note is written in (the writer corrects it in the note dialog). Who may
 * edit the note may change its language. */
export function setNoteLanguage(doc: Y.Doc, actor: Actor, id: string, language: string): CommandResult {
	if (isFromNewerVersion(doc)) return refuse('read-only');
	const found = editable(sessionMaps(doc), actor, id);
	if (!found.ok) return found;
	if (actor.role !== 'facilitator' && !actor.owns(id)) return refuse('not-allowed');
	if (!isLanguageTag(language)) return refuse('invalid');
	transact(doc, () => found.value.map.set('language', language));
	return ok(undefined);
}

/** Moves a note to a position (a drag's end, or an arrow-key nudge); its zone follows from where
 * its centre lands. Anyone may move any note: arranging is shared work. */
export function moveNote(doc: Y.Doc, actor: Actor, id: string, position: Point): CommandResult<string | null> {
	if (isFromNewerVersion(doc)) return refuse('read-only');
	const maps = sessionMaps(doc);
	const found = editable(maps, actor, id);
	if (!found.ok) return found;
	const p = readPoint(position);
	const activity = activityOf(maps, found.value.note.activityId);
	if (!p || !activity) return refuse('invalid');
	const at = clamp(p);
	const zone = zoneAt(boardGeometry(activity.board.layout), centre(at));
	transact(doc, () => found.value.map.set('place', place(at, zone)));
	return ok(zone);
}

/** Moves notes into a zone's next free slots (the keyboard's "move to zone"). */
export function moveNotesToZone(doc: Y.Doc, actor: Actor, ids: string[], zone: string | null): CommandResult {
	if (isFromNewerVersion(doc)) return refuse('read-only');
	const maps = sessionMaps(doc);
	if (lockedFor(maps, actor)) return refuse('locked');
	const notes = ids.map((id) => readNote(id, maps.notes.get(id)));
	if (notes.length === 0 || notes.some((n) => n === null)) return refuse('not-found');
	const activityId = notes[0]!.activityId;
	const activity = activityOf(maps, activityId);
	if (!activity || notes.some((n) => n!.activityId !== activityId)) return refuse('invalid');
	const geometry = boardGeometry(activity.board.layout);
	if (zone !== null && !geometry.zones.some((z) => z.id === zone)) return refuse('invalid');
	const moving = new Set(ids);
	let index = readNotes(maps, activityId).filter((n) => n.zone === zone && !moving.has(n.id)).length;
	transact(doc, () => {
		for (const id of ids) {
			const map = maps.notes.get(id)!;
			map.set('place', place(clamp(slotPosition(geometry, zone, index++)), zone));
		}
	});
	return ok(undefined);
}

export function deleteNote(doc: Y.Doc, actor: Actor, id: string): CommandResult {
	if (isFromNewerVersion(doc)) return refuse('read-only');
	const maps = sessionMaps(doc);
	const found = editable(maps, actor, id);
	if (!found.ok) return found;
	if (actor.role !== 'facilitator' && !actor.owns(id)) return refuse('not-allowed');
	const cluster = found.value.note.cluster;
	const owner = found.value.map.get('owner');
	const tombstone = signDeletion(actor, id, owner);
	transact(doc, () => {
		if (tombstone) doc.getMap(DELETIONS).set(id, tombstone);
		maps.notes.delete(id);
		if (cluster) dropClusterIfEmpty(maps, cluster);
	});
	return ok(undefined);
}

function dropClusterIfEmpty(maps: SessionMaps, clusterId: string) {
	let members = 0;
	maps.notes.forEach((value, id) => {
		if (readNote(id, value)?.cluster === clusterId) members++;
	});
	if (members < 2) {
		maps.notes.forEach((value, id) => {
			if (readNote(id, value)?.cluster === clusterId) value.set('cluster', null);
		});
		maps.clusters.delete(clusterId);
	}
}

/** Gap between the notes of a gathered group, in board pixels. */
const GROUP_GAP = 12;
/** A gathered group is at most this many notes wide (a long row runs off a tablet). */
const GROUP_COLUMNS = 4;

/**
 * Where the notes of a group go when they are gathered: a tidy grid, as square as it can be (at most
 * `GROUP_COLUMNS` wide), from `anchor` (its top-left corner), kept on the board. `ordered` comes
 * first-to-last: the notes that were already together first, so that they stay where they were.
 */
export function groupGrid(anchor: Point, count: number): Point[] {
	const columns = Math.max(1, Math.min(GROUP_COLUMNS, Math.ceil(Math.sqrt(count))));
	const rows = Math.ceil(count / columns);
	// Pulled back onto the board as a whole, so that the grid keeps its shape at the board's edge.
	const width = columns * (NOTE_WIDTH + GROUP_GAP) - GROUP_GAP;
	const height = rows * (NOTE_HEIGHT + GROUP_GAP) - GROUP_GAP;
	const x0 = Math.max(0, Math.min(anchor.x, 1600 - width));
	const y0 = Math.max(0, Math.min(anchor.y, 1000 - height));
	return Array.from({ length: count }, (_, i) =>
		clamp({
			x: x0 + (i % columns) * (NOTE_WIDTH + GROUP_GAP),
			y: y0 + Math.floor(i / columns) * (NOTE_HEIGHT + GROUP_GAP)
		})
	);
}

const readingOrder = (a: Note, b: Note) => a.position.y - b.position.y || a.position.x - b.position.x;

/** Lays `notes` out as a group's grid from `anchor`, each in the zone its centre lands in. */
function gather(maps: SessionMaps, geometry: BoardGeometry, anchor: Point, notes: Note[], clusterId: string) {
	const spots = groupGrid(anchor, notes.length);
	notes.forEach((note, i) => {
		const map = maps.notes.get(note.id)!;
		map.set('cluster', clusterId);
		map.set('place', place(spots[i], zoneAt(geometry, centre(spots[i]))));
	});
	makeRoom(maps, geometry, spots, notes);
}

/**
 * A gathered group must not land on top of other notes (a covered note could no longer be seen,
 * tapped or dragged): the activity's other notes under the group's grid move to just below it,
 * in reading order, each keeping its column. Part of the grouping's transaction.
 */
function makeRoom(maps: SessionMaps, geometry: BoardGeometry, spots: Point[], members: Note[]) {
	if (spots.length === 0) return;
	const left = Math.min(...spots.map((p) => p.x));
	const top = Math.min(...spots.map((p) => p.y));
	const right = Math.max(...spots.map((p) => p.x)) + NOTE_WIDTH;
	const bottom = Math.max(...spots.map((p) => p.y)) + NOTE_HEIGHT;
	const memberIds = new Set(members.map((n) => n.id));
	const covered = readNotes(maps, members[0].activityId)
		.filter(
			(n) =>
				!memberIds.has(n.id) &&
				n.position.x < right &&
				n.position.x + NOTE_WIDTH > left &&
				n.position.y < bottom &&
				n.position.y + NOTE_HEIGHT > top
		)
		.sort(readingOrder);
	let y = bottom + GROUP_GAP;
	for (const note of covered) {
		const at = clamp({ x: note.position.x, y });
		maps.notes.get(note.id)!.set('place', place(at, zoneAt(geometry, centre(at))));
		y += NOTE_HEIGHT + GROUP_GAP;
	}
}

/** The cluster's members, in reading order. */
function membersOf(maps: SessionMaps, clusterId: string): Note[] {
	const members: Note[] = [];
	maps.notes.forEach((value, id) => {
		const note = readNote(id, value);
		if (note?.cluster === clusterId) members.push(note);
	});
	return members.sort(readingOrder);
}

/**
 * Groups notes of one activity into one named cluster, gathered where people expect it: if some of
 * them are already in a group, the largest of those groups stays where it is and the others join it
 * (it keeps its id and takes the new name when one is given); otherwise the group forms at the first
 * selected note. The notes are laid out as a tidy grid — a group never stretches its frame across
 * unrelated notes between them. One transaction.
 */
export function groupNotes(doc: Y.Doc, actor: Actor, ids: string[], name: string): CommandResult<string> {
	if (isFromNewerVersion(doc)) return refuse('read-only');
	const maps = sessionMaps(doc);
	if (lockedFor(maps, actor)) return refuse('locked');
	const unique = [...new Set(ids)];
	const read = unique.map((id) => readNote(id, maps.notes.get(id)));
	if (unique.length < 2 || read.some((n) => n === null)) return refuse(unique.length < 2 ? 'invalid' : 'not-found');
	const notes = read as Note[];
	const activityId = notes[0].activityId;
	const activity = activityOf(maps, activityId);
	if (!activity || notes.some((n) => n.activityId !== activityId)) return refuse('invalid');
	const clean = cleanNoteText(name).slice(0, MAX_CLUSTER_NAME_LENGTH);

	// The largest existing group among the chosen notes (by its whole membership) is the anchor.
	const sizes = new Map<string, Note[]>();
	for (const n of notes)
		if (n.cluster && maps.clusters.has(n.cluster)) sizes.set(n.cluster, membersOf(maps, n.cluster));
	let anchorCluster: string | null = null;
	for (const [id, members] of sizes)
		if (anchorCluster === null || members.length > sizes.get(anchorCluster)!.length) anchorCluster = id;

	const clusterId = anchorCluster ?? newId();
	const kept = anchorCluster ? sizes.get(anchorCluster)! : [];
	const keptIds = new Set(kept.map((n) => n.id));
	const ordered = [...kept, ...notes.filter((n) => !keptIds.has(n.id))];
	const anchor =
		kept.length > 0
			? { x: Math.min(...kept.map((n) => n.position.x)), y: Math.min(...kept.map((n) => n.position.y)) }
			: notes[0].position;
	const previous = new Set(notes.map((n) => n.cluster).filter((c): c is string => c !== null && c !== clusterId));
	transact(doc, () => {
		if (anchorCluster) {
			if (clean) maps.clusters.get(anchorCluster)!.set('name', clean);
		} else {
			const cluster = new Y.Map<unknown>();
			cluster.set('activityId', activityId);
			cluster.set('name', clean);
			cluster.set('createdAt', Date.now());
			maps.clusters.set(clusterId, cluster);
		}
		gather(maps, boardGeometry(activity.board.layout), anchor, ordered, clusterId);
		for (const old of previous) dropClusterIfEmpty(maps, old);
	});
	return ok(clusterId);
}

/**
 * "Move to group…": puts notes into an existing group of their activity (laid out after its members,
 * in the group's grid), or — with `clusterId` null — into a new group named `name`, formed where the
 * first note is. Groups the notes leave dissolve when one note is left. One transaction.
 */
export function moveToGroup(
	doc: Y.Doc,
	actor: Actor,
	ids: string[],
	clusterId: string | null,
	name = ''
): CommandResult<string> {
	if (isFromNewerVersion(doc)) return refuse('read-only');
	const maps = sessionMaps(doc);
	if (lockedFor(maps, actor)) return refuse('locked');
	const unique = [...new Set(ids)];
	const read = unique.map((id) => readNote(id, maps.notes.get(id)));
	if (unique.length === 0 || read.some((n) => n === null)) return refuse('not-found');
	const notes = read as Note[];
	const activityId = notes[0].activityId;
	const activity = activityOf(maps, activityId);
	if (!activity || notes.some((n) => n.activityId !== activityId)) return refuse('invalid');
	if (clusterId !== null) {
		const cluster = maps.clusters.get(clusterId);
		if (!cluster) return refuse('not-found');
		if (cluster.get('activityId') !== activityId) return refuse('invalid');
	}
	const target = clusterId ?? newId();
	const moving = new Set(unique);
	const members = clusterId ? membersOf(maps, clusterId).filter((n) => !moving.has(n.id)) : [];
	const ordered = [...members, ...notes];
	const anchor =
		members.length > 0
			? { x: Math.min(...members.map((n) => n.position.x)), y: Math.min(...members.map((n) => n.position.y)) }
			: notes[0].position;
	const previous = new Set(notes.map((n) => n.cluster).filter((c): c is string => c !== null && c !== target));
	transact(doc, () => {
		if (clusterId === null) {
			const cluster = new Y.Map<unknown>();
			cluster.set('activityId', activityId);
			cluster.set('name', cleanNoteText(name).slice(0, MAX_CLUSTER_NAME_LENGTH));
			cluster.set('createdAt', Date.now());
			maps.clusters.set(target, cluster);
		}
		gather(maps, boardGeometry(activity.board.layout), anchor, ordered, target);
		for (const old of previous) dropClusterIfEmpty(maps, old);
	});
	return ok(target);
}

/** Drops one note onto another: it joins the other's cluster (or both form a new one) and is laid
 * next to it, in its zone. */
export function dropNoteOnNote(
	doc: Y.Doc,
	actor: Actor,
	id: string,
	targetId: string,
	newClusterName: string
): CommandResult<string> {
	if (isFromNewerVersion(doc)) return refuse('read-only');
	const maps = sessionMaps(doc);
	if (lockedFor(maps, actor)) return refuse('locked');
	const note = readNote(id, maps.notes.get(id));
	const target = readNote(targetId, maps.notes.get(targetId));
	if (!note || !target) return refuse('not-found');
	if (id === targetId || note.activityId !== target.activityId) return refuse('invalid');
	let clusterId = target.cluster;
	const result = clusterId ? ok(clusterId) : groupNotes(doc, actor, [targetId, id], newClusterName);
	if (!result.ok) return result;
	clusterId = result.value;
	const beside = clamp({ x: target.position.x + 24, y: target.position.y + 24 });
	transact(doc, () => {
		const map = maps.notes.get(id)!;
		map.set('cluster', clusterId);
		map.set('place', place(beside, target.zone));
		if (note.cluster && note.cluster !== clusterId) dropClusterIfEmpty(maps, note.cluster);
	});
	return ok(clusterId);
}

export function renameCluster(doc: Y.Doc, actor: Actor, clusterId: string, name: string): CommandResult {
	if (isFromNewerVersion(doc)) return refuse('read-only');
	const maps = sessionMaps(doc);
	if (lockedFor(maps, actor)) return refuse('locked');
	const cluster = maps.clusters.get(clusterId);
	if (!cluster) return refuse('not-found');
	transact(doc, () => cluster.set('name', cleanNoteText(name).slice(0, MAX_CLUSTER_NAME_LENGTH)));
	return ok(undefined);
}

export function ungroup(doc: Y.Doc, actor: Actor, clusterId: string): CommandResult {
	if (isFromNewerVersion(doc)) return refuse('read-only');
	const maps = sessionMaps(doc);
	if (lockedFor(maps, actor)) return refuse('locked');
	if (!maps.clusters.has(clusterId)) return refuse('not-found');
	transact(doc, () => {
		maps.notes.forEach((value, id) => {
			if (readNote(id, value)?.cluster === clusterId) value.set('cluster', null);
		});
		maps.clusters.delete(clusterId);
	});
	return ok(undefined);
}

/** Takes a note out of its cluster; a cluster left with one note dissolves. */
export function removeFromCluster(doc: Y.Doc, actor: Actor, id: string): CommandResult {
	if (isFromNewerVersion(doc)) return refuse('read-only');
	const maps = sessionMaps(doc);
	const found = editable(maps, actor, id);
	if (!found.ok) return found;
	const clusterId = found.value.note.cluster;
	if (!clusterId) return ok(undefined);
	transact(doc, () => {
		found.value.map.set('cluster', null);
		dropClusterIfEmpty(maps, clusterId);
	});
	return ok(undefined);
}

export const ballotKey = (activityId: string, voterId: string) => `${activityId}/${voterId}`;

/** This voter's dots in an activity that still count (dots on deleted notes come back). */
export function myDots(maps: SessionMaps, activityId: string, voterId: string): string[] {
	const ballot = readBallot(maps.votes.get(ballotKey(activityId, voterId)), maps.votes.doc);
	const chain = boardChain(maps, activityId);
	return ballot
		? ballot.noteIds.filter((id) => chain.includes(readNote(id, maps.notes.get(id))?.activityId ?? ''))
		: [];
}

/** The activity a vote on `noteId` belongs to, if the actor may vote on it now: `activityId` when
 * given (a board continuing an earlier one votes on that one's notes), else the note's own. */
function votingOn(maps: SessionMaps, actor: Actor, noteId: string, activityId?: string): CommandResult<Activity> {
	if (lockedFor(maps, actor)) return refuse('locked');
	const note = readNote(noteId, maps.notes.get(noteId));
	const activity = note && activityOf(maps, activityId ?? note.activityId);
	if (!note || !activity || !isOnBoardOf(maps, activity.id, note.activityId)) return refuse('not-found');
	if (activity.phase !== 'vote') return refuse('not-voting');
	return ok(activity);
}

function writeBallot(doc: Y.Doc, actor: Actor, activity: Activity, noteIds: string[]): CommandResult<number> {
	const { votes } = sessionMaps(doc);
	const key = ballotKey(activity.id, actor.participantId);
	// Before results, the dots are sealed to the activity's results key (seal.ts): only the voter's
	// and the facilitator's devices read them until the results are shown.
	const sealed = sealText(doc, actor, `ballot/${key}`, `results:${activity.id}`, JSON.stringify(noteIds));
	const ballot: Record<string, unknown> = sealed
		? { activityId: activity.id, voterId: actor.participantId, sealed }
		: ({ activityId: activity.id, voterId: actor.participantId, noteIds } satisfies Ballot);
	if (actor.category && readMeta(sessionMaps(doc)).anonymous)
		ballot.category = actor.category.slice(0, MAX_CATEGORY_LENGTH);
	transact(doc, () => votes.set(key, ballot));
	return ok(activity.dotsPerPerson - noteIds.length);
}

/** Puts one of the actor's dots on a note, within the activity's budget, during the vote phase.
 * Only the voter writes their own ballot, so concurrent voting never conflicts. Returns the dots left. */
export function castVote(doc: Y.Doc, actor: Actor, noteId: string, activityId?: string): CommandResult<number> {
	if (isFromNewerVersion(doc)) return refuse('read-only');
	const maps = sessionMaps(doc);
	const voting = votingOn(maps, actor, noteId, activityId);
	if (!voting.ok) return voting;
	const dots = myDots(maps, voting.value.id, actor.participantId);
	if (dots.length >= voting.value.dotsPerPerson) return refuse('no-dots-left');
	return writeBallot(doc, actor, voting.value, [...dots, noteId]);
}

/** Takes back one of the actor's dots from a note. Returns the dots left. */
export function retractVote(doc: Y.Doc, actor: Actor, noteId: string, activityId?: string): CommandResult<number> {
	if (isFromNewerVersion(doc)) return refuse('read-only');
	const maps = sessionMaps(doc);
	const voting = votingOn(maps, actor, noteId, activityId);
	if (!voting.ok) return voting;
	const dots = myDots(maps, voting.value.id, actor.participantId);
	const at = dots.lastIndexOf(noteId);
	if (at < 0) return refuse('invalid');
	return writeBallot(
		doc,
		actor,
		voting.value,
		dots.filter((_, i) => i !== at)
	);
}
