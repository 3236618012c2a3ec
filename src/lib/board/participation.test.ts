import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addNote, castVote } from './commands';
import { sessionMaps } from './doc';
import { setPhase, writeSessionMeta } from './facilitation';
import { readAnswers, recordAnswers } from './participation';
import { readBallots, readNotes } from './read';
import { actor, createTestBoard } from './test-board';

describe('participation answers', () => {
	it('are recorded, replaced and removed under their own key, in one transaction each', () => {
		const doc = new Y.Doc();
		let transactions = 0;
		doc.on('afterTransaction', () => transactions++);
		recordAnswers(doc, 'k1', { age: '18to29' });
		recordAnswers(doc, 'k2', { age: '65plus', firstVisit: 'yes' });
		recordAnswers(doc, 'k1', { age: '30to44' });
		expect(readAnswers(doc)).toEqual([{ age: '30to44' }, { age: '65plus', firstVisit: 'yes' }]);
		recordAnswers(doc, 'k1', {});
		expect(readAnswers(doc)).toEqual([{ age: '65plus', firstVisit: 'yes' }]);
		expect(transactions).toBe(4);
	});

	it('skip malformed entries from a peer', () => {
		const doc = new Y.Doc();
		const map = doc.getMap('participation');
		map.set('a', { age: 42 });
		map.set('b', 'text');
		map.set('c', { age: '18to29' });
		expect(readAnswers(doc)).toEqual([{ age: '18to29' }]);
	});
});

describe('a note’s and a ballot’s category', () => {
	const setup = (anonymous: boolean) => {
		const { doc, facilitator } = createTestBoard();
		writeSessionMeta(doc, { title: 'T', language: 'fi', anonymous });
		const person = Object.assign(actor('p1', 'participant', anonymous ? undefined : 'Aino'), { category: '18to29' });
		const note = addNote(doc, person, { activityId: 'a1', text: 'Idea', color: 'yellow', zone: null }, anonymous);
		if (!note.ok) throw new Error(note.reason);
		setPhase(doc, facilitator, 'a1', 'vote');
		castVote(doc, person, note.value);
		return sessionMaps(doc);
	};

	it('is carried in an anonymous session', () => {
		const maps = setup(true);
		expect(readNotes(maps)[0].category).toBe('18to29');
		expect(readBallots(maps)[0].category).toBe('18to29');
	});

	it('is never carried beside a name', () => {
		const maps = setup(false);
		expect(readNotes(maps)[0]).toMatchObject({ author: 'Aino' });
		expect(readNotes(maps)[0].category).toBeUndefined();
		expect(readBallots(maps)[0].category).toBeUndefined();
	});
});
