/**
 * Paper notes brought in from a photo: each becomes a note carrying its cropped picture. Pictures
 * travel to every device and every late joiner, so they are bounded — each at most
 * `MAX_IMAGE_BYTES`, and at most `MAX_IMAGE_NOTES` per session (`bench/image-notes.ts` reports what
 * they add to a late joiner's state). The import dialog compresses before it calls this; the
 * command refuses, changing nothing, when a picture or the count is over.
 *
 * An image note is an ordinary note (grouping, voting, list view, exports) whose `image` key older
 * apps ignore, showing its typed text; its text may be empty until the facilitator types it.
 */
import * as Y from 'yjs';
import { newId } from '../session/ids';
import type { CommandResult } from './commands';
import { cleanNoteText } from './commands';
import { isFromNewerVersion, LOCAL_ORIGIN, sessionMaps, type NoteMap } from './doc';
import { boardGeometry, NOTE_HEIGHT, NOTE_WIDTH, zoneAt, type Point } from './geometry';
import { findActivity, readNote } from './read';
import { signNoteText } from './note-owner';
import { MAX_NOTE_LENGTH, NOTE_COLORS, type Actor, type NoteColor } from './types';

export const MAX_IMAGE_BYTES = 60 * 1024;
export const MAX_IMAGE_NOTES = 300;

export interface NewImageNote {
	image: Uint8Array;
	text: string;
	color: NoteColor;
	/** Where the note was in the photo, 0…1 across and down: the import keeps the arrangement. */
	at: Point;
}

/** How many image notes the session holds. */
export function imageNoteCount(doc: Y.Doc): number {
	let n = 0;
	sessionMaps(doc).notes.forEach((value, id) => {
		if (readNote(id, value)?.image) n++;
	});
	return n;
}

/**
 * Adds notes from a photo to a zone (or a free board), laid out in the zone as they lay in the
 * photo. Facilitator only; one transaction, so one undo step.
 */
export function addImageNotes(
	doc: Y.Doc,
	actor: Actor,
	activityId: string,
	zone: string | null,
	notes: NewImageNote[]
): CommandResult<string[]> {
	if (isFromNewerVersion(doc)) return { ok: false, reason: 'read-only' };
	if (actor.role !== 'facilitator') return { ok: false, reason: 'not-allowed' };
	const maps = sessionMaps(doc);
	const activity = findActivity(maps, activityId);
	if (!activity) return { ok: false, reason: 'not-found' };
	const geometry = boardGeometry(activity.board.layout);
	const area =
		zone === null
			? { x: 0, y: 0, w: geometry.width, h: geometry.height }
			: geometry.zones.find((z) => z.id === zone)?.slots;
	if (!area) return { ok: false, reason: 'invalid' };
	if (imageNoteCount(doc) + notes.length > MAX_IMAGE_NOTES) return { ok: false, reason: 'invalid' };
	const cleaned = notes.map((n) => ({ ...n, text: cleanNoteText(n.text) }));
	const bad = cleaned.some(
		(n) =>
			n.image.byteLength === 0 ||
			n.image.byteLength > MAX_IMAGE_BYTES ||
			n.text.length > MAX_NOTE_LENGTH ||
			!NOTE_COLORS.includes(n.color) ||
			!(n.at.x >= 0 && n.at.x <= 1 && n.at.y >= 0 && n.at.y <= 1)
	);
	if (bad) return { ok: false, reason: 'invalid' };
	const ids: string[] = [];
	doc.transact(() => {
		for (const n of cleaned) {
			const x = Math.round(area.x + n.at.x * Math.max(0, area.w - NOTE_WIDTH));
			const y = Math.round(area.y + n.at.y * Math.max(0, area.h - NOTE_HEIGHT));
			const id = newId();
			const note: NoteMap = new Y.Map();
			note.set('activityId', activity.id);
			note.set('text', n.text);
			note.set('color', n.color);
			note.set('image', n.image);
			note.set('place', { x, y, zone: zone ?? zoneAt(geometry, { x: x + NOTE_WIDTH / 2, y: y + NOTE_HEIGHT / 2 }) });
			note.set('cluster', null);
			note.set('private', false);
			note.set('createdAt', Date.now());
			maps.notes.set(id, note);
			signNoteText(actor, id, note);
			ids.push(id);
		}
	}, LOCAL_ORIGIN);
	return { ok: true, value: ids };
}
