/**
 * Notes from a visitor comment station, merged into a session's board. The station keeps its notes
 * on its own device for days or weeks; when a facilitator's device meets it (sync) or reads its
 * backup file, `mergeStationNotes` adds them. Each station note keeps its own id as the note's id,
 * so merging the same notes again — a second sync, the same backup file twice — adds nothing.
 * On a moderated activity they arrive waiting, for the facilitator's inbox.
 *
 * A note the facilitator deleted or declined after merging must not come back with the next sync
 * or file: every merged id is kept in the top-level `stationMerged` map (id → true, no text), and
 * ids found there are skipped.
 */
import * as Y from 'yjs';
import { cleanNoteText, type CommandResult } from './commands';
import { isFromNewerVersion, LOCAL_ORIGIN, sessionMaps, type NoteMap } from './doc';
import { boardGeometry, slotPosition } from './geometry';
import { findActivity } from './read';
import { signNoteText } from './note-owner';
import { sealWaitingText } from './seal';
import { MAX_NOTE_LENGTH, type Actor } from './types';

export interface StationNote {
	id: string;
	text: string;
	/** One tap on the station, optional: e.g. 'child', 'teen', 'adult', 'senior'. */
	ageGroup?: string;
	language?: string;
	createdAt: number;
}

const ID = /^[A-Za-z0-9_-]{8,64}$/;
const MERGED = 'stationMerged';

export function mergeStationNotes(
	doc: Y.Doc,
	actor: Actor,
	activityId: string,
	zone: string | null,
	notes: StationNote[]
): CommandResult<number> {
	if (isFromNewerVersion(doc)) return { ok: false, reason: 'read-only' };
	if (actor.role !== 'facilitator') return { ok: false, reason: 'not-allowed' };
	const maps = sessionMaps(doc);
	const activity = findActivity(maps, activityId);
	if (!activity) return { ok: false, reason: 'not-found' };
	const geometry = boardGeometry(activity.board.layout);
	if (zone !== null && !geometry.zones.some((z) => z.id === zone)) return { ok: false, reason: 'invalid' };
	const merged = doc.getMap<true>(MERGED);
	const seen = new Set<string>();
	const fresh = notes
		.map((n) => ({ ...n, text: cleanNoteText(n.text) }))
		.filter(
			(n) =>
				ID.test(n.id) &&
				n.text.length > 0 &&
				n.text.length <= MAX_NOTE_LENGTH &&
				!maps.notes.has(n.id) &&
				!merged.has(n.id) &&
				!seen.has(n.id) &&
				seen.add(n.id)
		);
	let slot = maps.notes.size;
	doc.transact(() => {
		for (const n of fresh) {
			const note: NoteMap = new Y.Map();
			note.set('activityId', activity.id);
			if (activity.moderated) {
				note.set('moderation', 'waiting');
				note.set('sealedText', sealWaitingText(doc, actor, n.id, n.text));
			} else note.set('text', n.text);
			note.set('color', 'yellow');
			note.set('place', { ...slotPosition(geometry, zone, slot++), zone });
			note.set('cluster', null);
			note.set('private', false);
			note.set('createdAt', Number.isFinite(n.createdAt) ? n.createdAt : Date.now());
			if (n.ageGroup) note.set('ageGroup', String(n.ageGroup).slice(0, 20));
			if (n.language) note.set('language', String(n.language).slice(0, 10));
			maps.notes.set(n.id, note);
			merged.set(n.id, true);
			signNoteText(actor, n.id, note);
		}
	}, LOCAL_ORIGIN);
	return { ok: true, value: fresh.length };
}
