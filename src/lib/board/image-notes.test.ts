import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { groupNotes } from './commands';
import { sessionMaps } from './doc';
import { addImageNotes, MAX_IMAGE_BYTES, MAX_IMAGE_NOTES, type NewImageNote } from './image-notes';
import { readNotes } from './read';
import { actor, createTestBoard, syncDocs } from './test-board';

const picture = (bytes: number) => new Uint8Array(bytes).fill(7);
const paper = (x: number, y: number, text = ''): NewImageNote => ({
	image: picture(2000),
	text,
	color: 'yellow',
	at: { x, y }
});

describe('addImageNotes', () => {
	it('adds notes with their pictures into a zone, keeping the photo’s arrangement, on every device', () => {
		const { doc, facilitator } = createTestBoard();
		const phone = new Y.Doc();
		const result = addImageNotes(doc, facilitator, 'a1', 'hopes', [paper(0, 0, 'Penkkejä'), paper(1, 0), paper(0, 1)]);
		if (!result.ok) throw new Error(result.reason);
		syncDocs(doc, phone);
		const notes = readNotes(sessionMaps(phone), 'a1');
		expect(notes).toHaveLength(3);
		expect(notes.every((n) => n.zone === 'hopes' && n.image?.byteLength === 2000)).toBe(true);
		const [a, b, c] = result.value.map((id) => notes.find((n) => n.id === id)!);
		expect(new Set(notes.map((n) => n.text))).toEqual(new Set(['Penkkejä', '']));
		expect(b.position.x).toBeGreaterThan(a.position.x);
		expect(c.position.y).toBeGreaterThanOrEqual(a.position.y);
	});

	it('image notes group like any note', () => {
		const { doc, facilitator } = createTestBoard();
		const ids = addImageNotes(doc, facilitator, 'a1', 'hopes', [paper(0, 0, 'A'), paper(1, 1, 'B')]);
		if (!ids.ok) throw new Error(ids.reason);
		expect(groupNotes(doc, facilitator, ids.value, 'Paperilla').ok).toBe(true);
	});

	it('refuses, changing nothing: a participant, a picture over 60 KB, more than the session’s bound', () => {
		const { doc, facilitator } = createTestBoard();
		expect(addImageNotes(doc, actor('p1'), 'a1', 'hopes', [paper(0, 0)])).toEqual({ ok: false, reason: 'not-allowed' });
		const big = { ...paper(0, 0), image: picture(MAX_IMAGE_BYTES + 1) };
		expect(addImageNotes(doc, facilitator, 'a1', 'hopes', [paper(0, 0), big])).toEqual({
			ok: false,
			reason: 'invalid'
		});
		const many = Array.from({ length: MAX_IMAGE_NOTES + 1 }, () => paper(0.5, 0.5));
		expect(addImageNotes(doc, facilitator, 'a1', 'hopes', many)).toEqual({ ok: false, reason: 'invalid' });
		expect(readNotes(sessionMaps(doc), 'a1')).toEqual([]);
	});
});
