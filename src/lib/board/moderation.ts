/**
 * Moderated boards (school and youth groups): participants' notes wait in the facilitator's inbox
 * until approved. Turning moderation on and off, approving (with an optional edit) and declining
 * are facilitator commands, each one transaction. Approval goes through `approveNotes` alone, so
 * that the authority issue (#15) can sign it there.
 *
 * A declined note is deleted from `notes` everywhere; what remains is an entry in the top-level
 * `declined` map — the note's id, its activity and the facilitator's short reason, never its text
 * — so the writer's device, which remembers its own note ids, can say why it went.
 */
import * as Y from 'yjs';
import { cleanNoteText, type CommandResult } from './commands';
import { isFromNewerVersion, LOCAL_ORIGIN, sessionMaps } from './doc';
import { findActivity, readNote } from './read';
import { DELETIONS, signDeletion, signNoteText } from './note-owner';
import { facilitatorChange } from './control';
import { MAX_NOTE_LENGTH, type Actor, type Note } from './types';

export const MAX_DECLINE_REASON_LENGTH = 200;

export interface Declined {
	noteId: string;
	activityId: string;
	reason: string;
	at: number;
}

const declinedMap = (doc: Y.Doc) => doc.getMap<unknown>('declined');

export function setModerated(doc: Y.Doc, actor: Actor, activityId: string, on: boolean): CommandResult {
	if (!findActivity(sessionMaps(doc), activityId)) return { ok: false, reason: 'not-found' };
	const map = sessionMaps(doc).activities.get(activityId);
	return facilitatorChange(
		doc,
		actor,
		() => {
			if (on) map?.set('moderated', true);
			else map?.delete('moderated');
		},
		(state) => {
			if (on) state.activities[activityId].moderated = true;
			else delete state.activities[activityId].moderated;
		}
	);
}

/** The facilitator's inbox: waiting notes of an activity, oldest first. */
export function waitingNotes(notes: Note[]): Note[] {
	return notes.filter((n) => n.waiting).sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * Approves waiting notes: each one's text moves from `sealedText` to `text`, edited when
 * `edits` has a text for it. Notes that are gone or no longer waiting are skipped (another
 * facilitator device got there first). Returns how many were approved.
 */
export function approveNotes(
	doc: Y.Doc,
	actor: Actor,
	ids: string[],
	edits: ReadonlyMap<string, string> = new Map()
): CommandResult<number> {
	if (isFromNewerVersion(doc)) return { ok: false, reason: 'read-only' };
	if (actor.role !== 'facilitator') return { ok: false, reason: 'not-allowed' };
	const maps = sessionMaps(doc);
	const approvals: { id: string; map: Y.Map<unknown>; text: string }[] = [];
	for (const id of ids) {
		const map = maps.notes.get(id);
		const note = readNote(id, map);
		if (!map || !note?.waiting) continue;
		const edited = edits.get(id);
		const text = edited === undefined ? note.text : cleanNoteText(edited);
		if (text.length === 0 || text.length > MAX_NOTE_LENGTH) return { ok: false, reason: 'invalid' };
		approvals.push({ id, map, text });
	}
	doc.transact(() => {
		for (const { id, map, text } of approvals) {
			map.set('text', text);
			map.delete('sealedText');
			map.delete('moderation');
			signNoteText(actor, id, map);
		}
	}, LOCAL_ORIGIN);
	return { ok: true, value: approvals.length };
}

/** Declines notes (waiting or already shown): deleted everywhere, with a reason for the writer. */
export function declineNotes(doc: Y.Doc, actor: Actor, ids: string[], reason: string): CommandResult<number> {
	if (isFromNewerVersion(doc)) return { ok: false, reason: 'read-only' };
	if (actor.role !== 'facilitator') return { ok: false, reason: 'not-allowed' };
	const why = cleanNoteText(reason).replace(/\s+/g, ' ');
	if (why.length > MAX_DECLINE_REASON_LENGTH) return { ok: false, reason: 'invalid' };
	const maps = sessionMaps(doc);
	const declined = declinedMap(doc);
	let count = 0;
	doc.transact(() => {
		for (const id of ids) {
			const note = readNote(id, maps.notes.get(id));
			if (!note) continue;
			const tombstone = signDeletion(actor, id, maps.notes.get(id)?.get('owner'));
			if (tombstone) doc.getMap(DELETIONS).set(id, tombstone);
			maps.notes.delete(id);
			declined.set(id, { activityId: note.activityId, reason: why, at: Date.now() });
			count++;
		}
	}, LOCAL_ORIGIN);
	return { ok: true, value: count };
}

/** Why the facilitator declined a note, for its writer; null when it was not declined. */
export function declinedNote(doc: Y.Doc, noteId: string): Declined | null {
	const value = declinedMap(doc).get(noteId);
	if (typeof value !== 'object' || value === null) return null;
	const { activityId, reason, at } = value as Record<string, unknown>;
	if (typeof activityId !== 'string' || typeof reason !== 'string' || reason.length > MAX_DECLINE_REASON_LENGTH)
		return null;
	return { noteId, activityId, reason, at: typeof at === 'number' && Number.isFinite(at) ? at : 0 };
}

/** Every declined note's entry: a writer's device picks its own out by the ids it remembers. */
export function declinedNotes(doc: Y.Doc): Declined[] {
	const out: Declined[] = [];
	for (const id of declinedMap(doc).keys()) {
		const entry = declinedNote(doc, id);
		if (entry) out.push(entry);
	}
	return out.sort((a, b) => a.at - b.at);
}

/** Calls `listener` whenever a note is declined (here or on another device); returns the unsubscribe. */
export function observeDeclined(doc: Y.Doc, listener: () => void): () => void {
	const map = declinedMap(doc);
	const handler = () => listener();
	map.observe(handler);
	return () => map.unobserve(handler);
}
