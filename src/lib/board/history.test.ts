import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, deleteNote, moveNote } from './commands';
import { sessionMaps, SCHEMA_VERSION } from './doc';
import { endSession, reopenSession, setLocked } from './facilitation';
import { createBoardHistory } from './history';
import { readNote } from './read';
import { activity, actor, createTestBoard, FREE_BOARD } from './test-board';

const note = (doc: Y.Doc, id: string) => readNote(id, sessionMaps(doc).notes.get(id));

function boardWithOwnNote() {
	const { doc, facilitator } = createTestBoard([activity('a1', FREE_BOARD)]);
	const aino = actor('p1');
	const history = createBoardHistory(doc, aino);
	const added = addNote(doc, aino, { activityId: 'a1', text: 'Oma lappu', color: 'yellow', zone: null }, false);
	if (!added.ok) throw new Error(added.reason);
	aino.mine.add(added.value);
	history.endStep();
	return { doc, facilitator, aino, history, id: added.value };
}

describe('BoardHistory: undo obeys the board’s rules', () => {
	it('undoes and redoes this device’s own step when the board is open', () => {
		const { doc, aino, history, id } = boardWithOwnNote();
		moveNote(doc, aino, id, { x: 600, y: 400 });
		history.endStep();
		expect(history.undo()).toEqual({ ok: true, value: true });
		expect(note(doc, id)?.position).not.toEqual({ x: 600, y: 400 });
		expect(history.redo()).toEqual({ ok: true, value: true });
		expect(note(doc, id)?.position).toEqual({ x: 600, y: 400 });
	});

	it('says there was nothing to undo without changing anything', () => {
		const { doc } = createTestBoard();
		const history = createBoardHistory(doc, actor('p1'));
		expect(history.undo()).toEqual({ ok: true, value: false });
		expect(history.redo()).toEqual({ ok: true, value: false });
	});

	it.each([
		['undo', 'locked'],
		['redo', 'locked'],
		['undo', 'ended'],
		['redo', 'ended']
	] as const)('refuses %s to a participant while the board is %s, changing nothing', (what, closed) => {
		const { doc, facilitator, aino, history, id } = boardWithOwnNote();
		moveNote(doc, aino, id, { x: 600, y: 400 });
		history.endStep();
		deleteNote(doc, aino, id);
		if (what === 'redo') {
			expect(history.undo().ok).toBe(true);
			expect(note(doc, id)).not.toBeNull();
		}
		const before = Y.encodeStateVector(doc);
		if (closed === 'locked') setLocked(doc, facilitator, true);
		else endSession(doc, facilitator, false);
		const closedState = Y.encodeStateVector(doc);
		expect(history[what]()).toEqual({ ok: false, reason: closed });
		expect(Y.encodeStateVector(doc)).toEqual(closedState);
		expect(before).not.toEqual(closedState);
		// The step is still there once the board opens again.
		if (closed === 'locked') setLocked(doc, facilitator, false);
		else reopenSession(doc, facilitator);
		expect(history[what]()).toEqual({ ok: true, value: true });
	});

	it('lets the facilitator undo under the lock', () => {
		const { doc, facilitator } = createTestBoard([activity('a1', FREE_BOARD)]);
		const history = createBoardHistory(doc, facilitator);
		const added = addNote(doc, facilitator, { activityId: 'a1', text: 'F', color: 'blue', zone: null }, false);
		if (!added.ok) throw new Error(added.reason);
		setLocked(doc, facilitator, true);
		expect(history.undo()).toEqual({ ok: true, value: true });
		expect(note(doc, added.value)).toBeNull();
	});

	it('refuses on a document from a newer app', () => {
		const { doc, history } = boardWithOwnNote();
		sessionMaps(doc).versions.set(String(SCHEMA_VERSION + 1), true);
		expect(history.undo()).toEqual({ ok: false, reason: 'read-only' });
		expect(history.hasUndo()).toBe(true);
	});
});

describe('commands after the session ended', () => {
	it('refuses a participant’s changes, not the facilitator’s', () => {
		const { doc, facilitator, aino, id } = boardWithOwnNote();
		endSession(doc, facilitator, false);
		expect(moveNote(doc, aino, id, { x: 10, y: 10 })).toEqual({ ok: false, reason: 'locked' });
		expect(moveNote(doc, facilitator, id, { x: 10, y: 10 }).ok).toBe(true);
	});
});
