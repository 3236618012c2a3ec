import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { sessionMaps } from './doc';
import { deleteNote } from './commands';
import { declineNotes, setModerated, waitingNotes } from './moderation';
import { readNotes } from './read';
import { mergeStationNotes, type StationNote } from './station';
import { actor, createTestBoard, syncDocs } from './test-board';

const visitors: StationNote[] = Array.from({ length: 50 }, (_, i) => ({
	id: `station-note-${String(i).padStart(3, '0')}`,
	text: `Kävijän ajatus ${i}`,
	ageGroup: i % 2 ? 'adult' : 'child',
	createdAt: 1_700_000_000_000 + i
}));

describe('mergeStationNotes', () => {
	it('merges a station’s notes once, however often they arrive', () => {
		const { doc, facilitator } = createTestBoard();
		const laptop = new Y.Doc();
		expect(mergeStationNotes(doc, facilitator, 'a1', 'hopes', visitors)).toEqual({ ok: true, value: 50 });
		syncDocs(doc, laptop);
		expect(mergeStationNotes(laptop, facilitator, 'a1', 'hopes', visitors)).toEqual({ ok: true, value: 0 });
		syncDocs(doc, laptop);
		const notes = readNotes(sessionMaps(doc), 'a1');
		expect(notes).toHaveLength(50);
		expect(new Set(notes.map((n) => n.text)).size).toBe(50);
	});

	it('a merged note the facilitator deleted or declined does not come back with the next file', () => {
		const { doc, facilitator } = createTestBoard();
		mergeStationNotes(doc, facilitator, 'a1', 'hopes', visitors.slice(0, 3));
		expect(deleteNote(doc, facilitator, visitors[0].id).ok).toBe(true);
		expect(declineNotes(doc, facilitator, [visitors[1].id], '').ok).toBe(true);
		const laptop = new Y.Doc();
		syncDocs(doc, laptop);
		expect(mergeStationNotes(laptop, facilitator, 'a1', 'hopes', visitors.slice(0, 4))).toEqual({ ok: true, value: 1 });
		expect(readNotes(sessionMaps(laptop), 'a1').map((n) => n.id)).toEqual([visitors[2].id, visitors[3].id]);
	});

	it('adds a note that appears twice in one file once', () => {
		const { doc, facilitator } = createTestBoard();
		expect(mergeStationNotes(doc, facilitator, 'a1', null, [visitors[0], visitors[0]])).toEqual({ ok: true, value: 1 });
	});

	it('on a moderated activity the notes wait in the inbox', () => {
		const { doc, facilitator } = createTestBoard();
		setModerated(doc, facilitator, 'a1', true);
		mergeStationNotes(doc, facilitator, 'a1', 'hopes', visitors.slice(0, 3));
		expect(waitingNotes(readNotes(sessionMaps(doc), 'a1'))).toHaveLength(3);
	});

	it('skips malformed notes and refuses a participant', () => {
		const { doc, facilitator } = createTestBoard();
		expect(mergeStationNotes(doc, actor('p1'), 'a1', 'hopes', visitors)).toEqual({ ok: false, reason: 'not-allowed' });
		const bad: StationNote[] = [
			{ id: 'x', text: 'too short an id', createdAt: 1 },
			{ id: 'station-note-empty', text: '   ', createdAt: 1 }
		];
		expect(mergeStationNotes(doc, facilitator, 'a1', 'hopes', bad)).toEqual({ ok: true, value: 0 });
	});
});
