import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, setNoteLanguage } from './commands';
import { sessionMaps } from './doc';
import { createBoardHistory } from './history';
import { readNote } from './read';
import { actor, createTestBoard } from './test-board';

const note = (doc: Y.Doc, id: string) => readNote(id, sessionMaps(doc).notes.get(id));

describe('a note’s language', () => {
	it('is stored when the note is written, and a malformed tag is left out', () => {
		const { doc } = createTestBoard();
		const aino = actor('p1');
		const input = { activityId: 'a1', text: 'Lisää penkkejä', color: 'yellow', zone: null } as const;
		const fi = addNote(doc, aino, { ...input, language: 'fi' }, false);
		const bad = addNote(doc, aino, { ...input, language: '<b>' }, false);
		const none = addNote(doc, aino, input, false);
		if (!fi.ok || !bad.ok || !none.ok) throw new Error('not added');
		expect(note(doc, fi.value)?.language).toBe('fi');
		expect(note(doc, bad.value)?.language).toBeUndefined();
		expect(note(doc, none.value)?.language).toBeUndefined();
	});

	it('is changed by the writer or the facilitator, undoably; nobody else; never to a malformed tag', () => {
		const { doc, facilitator } = createTestBoard();
		const history = createBoardHistory(doc, { role: 'participant' });
		const aino = actor('p1');
		const added = addNote(
			doc,
			aino,
			{ activityId: 'a1', text: 'مزيد من المقاعد', color: 'yellow', zone: null, language: 'fi' },
			false
		);
		if (!added.ok) throw new Error('not added');
		aino.mine.add(added.value);
		history.endStep();
		expect(setNoteLanguage(doc, aino, added.value, 'ar')).toEqual({ ok: true, value: undefined });
		expect(note(doc, added.value)?.language).toBe('ar');
		history.undo();
		expect(note(doc, added.value)?.language).toBe('fi');
		history.redo();
		expect(note(doc, added.value)?.language).toBe('ar');
		expect(setNoteLanguage(doc, actor('p2'), added.value, 'en')).toEqual({ ok: false, reason: 'not-allowed' });
		expect(setNoteLanguage(doc, facilitator, added.value, 'Arabic')).toEqual({ ok: false, reason: 'invalid' });
		expect(setNoteLanguage(doc, facilitator, added.value, 'fa')).toEqual({ ok: true, value: undefined });
		expect(note(doc, added.value)?.language).toBe('fa');
	});

	it('a malformed language from a peer drops the tag, not the note', () => {
		const { doc } = createTestBoard();
		const added = addNote(doc, actor('p1'), { activityId: 'a1', text: 'x', color: 'yellow', zone: null }, false);
		if (!added.ok) throw new Error('not added');
		sessionMaps(doc).notes.get(added.value)!.set('language', { evil: true });
		expect(note(doc, added.value)?.text).toBe('x');
		expect(note(doc, added.value)?.language).toBeUndefined();
	});
});
