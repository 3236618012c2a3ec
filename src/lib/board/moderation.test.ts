import { describe, expect, it } from 'vitest';
import { addNote, editNote } from './commands';
import { sessionMaps } from './doc';
import {
	approveNotes,
	declinedNote,
	declinedNotes,
	declineNotes,
	observeDeclined,
	setModerated,
	waitingNotes
} from './moderation';
import { readActivity, readNote, readNotes } from './read';
import { visibleNotes } from './results';
import * as Y from 'yjs';
import { actor, createTestBoard, syncDocs } from './test-board';

function moderatedBoard() {
	const board = createTestBoard();
	const turnedOn = setModerated(board.doc, board.facilitator, 'a1', true);
	if (!turnedOn.ok) throw new Error(turnedOn.reason);
	return board;
}

function write(doc: Parameters<typeof addNote>[0], who: ReturnType<typeof actor>, text: string): string {
	const result = addNote(doc, who, { activityId: 'a1', text, color: 'yellow', zone: 'hopes' }, true);
	if (!result.ok) throw new Error(result.reason);
	who.mine.add(result.value);
	return result.value;
}

const activityOf = (doc: Parameters<typeof addNote>[0]) => readActivity('a1', sessionMaps(doc).activities.get('a1'))!;

describe('moderated boards', () => {
	it('only the facilitator turns moderation on', () => {
		const { doc } = createTestBoard();
		expect(setModerated(doc, actor('p1'), 'a1', true)).toEqual({ ok: false, reason: 'not-allowed' });
		expect(activityOf(doc).moderated).toBeUndefined();
	});

	it('a participant’s note waits: visible to its writer, hidden from others, in the inbox', () => {
		const { doc, facilitator } = moderatedBoard();
		const aino = actor('p1');
		const other = actor('p2');
		const id = write(doc, aino, 'Lisää penkkejä');
		const notes = readNotes(sessionMaps(doc), 'a1');
		expect(notes[0]).toMatchObject({ id, text: 'Lisää penkkejä', waiting: true });
		expect(visibleNotes(notes, activityOf(doc), aino.owns).map((n) => n.id)).toEqual([id]);
		expect(visibleNotes(notes, activityOf(doc), other.owns)).toEqual([]);
		expect(visibleNotes(notes, activityOf(doc), facilitator.owns)).toEqual([]);
		expect(waitingNotes(notes).map((n) => n.id)).toEqual([id]);
	});

	it('stores a waiting note without `text`, so apps from before moderation skip it', () => {
		const { doc } = moderatedBoard();
		const id = write(doc, actor('p1'), 'Salaisuus');
		const map = sessionMaps(doc).notes.get(id)!;
		expect(map.get('text')).toBeUndefined();
		expect(map.get('moderation')).toBe('waiting');
	});

	it('the writer edits a waiting note and it stays waiting', () => {
		const { doc } = moderatedBoard();
		const aino = actor('p1');
		const id = write(doc, aino, 'Lisää penkkejä');
		expect(editNote(doc, aino, id, 'Lisää penkkejä ja valoa').ok).toBe(true);
		expect(readNote(id, sessionMaps(doc).notes.get(id))).toMatchObject({
			text: 'Lisää penkkejä ja valoa',
			waiting: true
		});
	});

	it('approval (with an edit) shows the note to everyone, on every device', () => {
		const { doc, facilitator } = moderatedBoard();
		const phone = new Y.Doc();
		const aino = actor('p1');
		const id = write(doc, aino, 'Lisää penkkejä');
		const other = write(doc, aino, 'Toinen');
		expect(approveNotes(doc, actor('p2'), [id])).toEqual({ ok: false, reason: 'not-allowed' });
		expect(approveNotes(doc, facilitator, [id, other], new Map([[id, 'Lisää penkkejä!']]))).toEqual({
			ok: true,
			value: 2
		});
		syncDocs(doc, phone);
		const notes = readNotes(sessionMaps(phone), 'a1');
		expect(notes.find((n) => n.id === id)).toMatchObject({ text: 'Lisää penkkejä!' });
		expect(notes.every((n) => !n.waiting)).toBe(true);
		expect(visibleNotes(notes, activityOf(phone), actor('p3').owns)).toHaveLength(2);
	});

	it('declining deletes the note everywhere and keeps only the reason for its writer', () => {
		const { doc, facilitator } = moderatedBoard();
		const phone = new Y.Doc();
		const aino = actor('p1');
		const id = write(doc, aino, 'Jotain sopimatonta');
		syncDocs(doc, phone);
		expect(declineNotes(doc, facilitator, [id], 'Ei kuulu tähän tehtävään')).toEqual({ ok: true, value: 1 });
		syncDocs(doc, phone);
		expect(readNotes(sessionMaps(phone), 'a1')).toEqual([]);
		expect(declinedNote(phone, id)).toMatchObject({ activityId: 'a1', reason: 'Ei kuulu tähän tehtävään' });
		expect(JSON.stringify(phone.getMap('declined').toJSON())).not.toContain('sopimatonta');
	});

	it('the facilitator’s own notes skip the inbox; a board without moderation is unchanged', () => {
		const { doc, facilitator } = moderatedBoard();
		write(doc, facilitator, 'Ohjaajan lappu');
		expect(waitingNotes(readNotes(sessionMaps(doc), 'a1'))).toEqual([]);
		const plain = createTestBoard();
		write(plain.doc, actor('p1'), 'Tavallinen');
		expect(readNotes(sessionMaps(plain.doc), 'a1')[0].waiting).toBeUndefined();
	});

	it('lists every declined note and tells a listener when one arrives from another device', () => {
		const { doc, facilitator } = moderatedBoard();
		const phone = new Y.Doc();
		const first = write(doc, actor('p1'), 'Yksi');
		const second = write(doc, actor('p2'), 'Kaksi');
		syncDocs(doc, phone);
		let heard = 0;
		const stop = observeDeclined(phone, () => heard++);
		declineNotes(doc, facilitator, [first, second], 'Kirjoita aiheesta');
		syncDocs(doc, phone);
		expect(heard).toBe(1);
		expect(
			declinedNotes(phone)
				.map((d) => d.noteId)
				.sort()
		).toEqual([first, second].sort());
		stop();
		declineNotes(doc, facilitator, [write(doc, actor('p3'), 'Kolme')], '');
		syncDocs(doc, phone);
		expect(heard).toBe(1);
		expect(declinedNotes(phone)).toHaveLength(3);
	});
});
