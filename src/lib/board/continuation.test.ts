import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, castVote, editNote, groupNotes, moveNote, myDots } from './commands';
import { sessionMaps } from './doc';
import { boardChain, boardHome, chainOf, MAX_CHAIN } from './continuation';
import { publishActivities, setPhase } from './facilitation';
import { readActivity, readClusters, readNote, readNotes } from './read';
import { activity, actor, COLUMNS_BOARD, createTestBoard, FREE_BOARD, syncDocs } from './test-board';

/** Write on a columns board (a1), then vote on its notes in a2, which continues on them. */
function writeThenVote() {
	const vote = { ...activity('a2', FREE_BOARD), source: 'a1' };
	const { doc, facilitator } = createTestBoard([activity('a1', COLUMNS_BOARD), vote]);
	const aino = actor('p1', 'participant', 'Aino');
	const ids = ['Penkkejä', 'Kahvila', 'Opastus'].map((text) => {
		const result = addNote(doc, aino, { activityId: 'a1', text, color: 'yellow', zone: 'hopes' }, false);
		if (!result.ok) throw new Error(result.reason);
		aino.mine.add(result.value);
		return result.value;
	});
	const grouped = groupNotes(doc, facilitator, ids.slice(0, 2), 'Oleskelu');
	if (!grouped.ok) throw new Error(grouped.reason);
	return { doc, facilitator, aino, ids, vote };
}

describe('continuing on an earlier activity’s notes', () => {
	it('records the source on the activity, only for one earlier on the agenda', () => {
		const { doc } = writeThenVote();
		const maps = sessionMaps(doc);
		expect(readActivity('a2', maps.activities.get('a2'))?.source).toBe('a1');
		expect(boardChain(maps, 'a2')).toEqual(['a2', 'a1']);
		expect(boardHome(maps, 'a2')).toBe('a1');
		// A later activity, or itself, cannot be a source: the field is dropped.
		const { doc: other, facilitator } = createTestBoard([{ ...activity('a1'), source: 'a2' }, activity('a2')]);
		expect(sessionMaps(other).activities.get('a1')?.has('source')).toBe(false);
		publishActivities(other, facilitator, [activity('a1'), { ...activity('a2'), source: 'a2' }]);
		expect(sessionMaps(other).activities.get('a2')?.has('source')).toBe(false);
	});

	it('takes the source away when the agenda no longer names it', () => {
		const { doc, facilitator, vote } = writeThenVote();
		const { source: _dropped, ...alone } = vote;
		void _dropped;
		publishActivities(doc, facilitator, [activity('a1', COLUMNS_BOARD), alone]);
		expect(boardChain(sessionMaps(doc), 'a2')).toEqual(['a2']);
	});

	it('votes on the source’s notes in the continuing activity, with its own budget and ballots', () => {
		const { doc, facilitator, ids } = writeThenVote();
		const bo = actor('p2');
		expect(castVote(doc, bo, ids[0], 'a2')).toEqual({ ok: false, reason: 'not-voting' });
		setPhase(doc, facilitator, 'a2', 'vote');
		expect(castVote(doc, bo, ids[0], 'a2')).toEqual({ ok: true, value: 1 });
		expect(castVote(doc, bo, ids[2], 'a2')).toEqual({ ok: true, value: 0 });
		const maps = sessionMaps(doc);
		expect(myDots(maps, 'a2', 'p2')).toEqual([ids[0], ids[2]]);
		// The earlier activity's own vote is untouched.
		expect(myDots(maps, 'a1', 'p2')).toEqual([]);
		// A note of an unrelated board is not on a2's board.
		expect(castVote(doc, bo, ids[0], 'a1')).toEqual({ ok: false, reason: 'not-voting' });
	});

	it('files a note written in the continuing activity under the first one, in its zones', () => {
		const { doc, aino } = writeThenVote();
		const added = addNote(doc, aino, { activityId: 'a2', text: 'Myöhäinen', color: 'blue', zone: 'concerns' }, false);
		if (!added.ok) throw new Error(added.reason);
		const note = readNote(added.value, sessionMaps(doc).notes.get(added.value));
		expect(note).toMatchObject({ activityId: 'a1', zone: 'concerns', author: 'Aino' });
		expect(readNotes(sessionMaps(doc), 'a1')).toHaveLength(4);
	});

	it('keeps the writers’ right to edit their own notes and nobody else’s; anonymity is unchanged', () => {
		const { doc, aino, ids } = writeThenVote();
		expect(editNote(doc, aino, ids[0], 'Lisää penkkejä').ok).toBe(true);
		expect(editNote(doc, actor('p2'), ids[0], 'toinen')).toEqual({ ok: false, reason: 'not-allowed' });
		expect(moveNote(doc, aino, ids[0], { x: 1200, y: 300 }).ok).toBe(true);
		const { doc: anonymous, facilitator } = createTestBoard([activity('a1'), { ...activity('a2'), source: 'a1' }]);
		const named = actor('p3', 'participant', 'Nimi');
		const written = addNote(anonymous, named, { activityId: 'a2', text: 'x', color: 'yellow', zone: null }, true);
		if (!written.ok) throw new Error(written.reason);
		expect(readNote(written.value, sessionMaps(anonymous).notes.get(written.value))?.author).toBeUndefined();
		void facilitator;
	});

	it('shows the same notes and groups on a second device', () => {
		const { doc } = writeThenVote();
		const other = new Y.Doc();
		syncDocs(doc, other);
		const maps = sessionMaps(other);
		const chain = boardChain(maps, 'a2');
		expect(readNotes(maps).filter((n) => chain.includes(n.activityId))).toHaveLength(3);
		expect(
			readClusters(maps)
				.filter((c) => chain.includes(c.activityId))
				.map((c) => c.name)
		).toEqual(['Oleskelu']);
	});

	it('ends a cycle or an over-long chain that a peer wrote', () => {
		const { doc } = createTestBoard(Array.from({ length: 12 }, (_, i) => activity(`a${i}`)));
		const maps = sessionMaps(doc);
		doc.transact(() => {
			for (let i = 1; i < 12; i++) maps.activities.get(`a${i}`)!.set('source', `a${i - 1}`);
			maps.activities.get('a0')!.set('source', 'a11');
		});
		expect(boardChain(maps, 'a11')).toHaveLength(MAX_CHAIN);
		doc.transact(() => maps.activities.get('a1')!.set('source', 'a2'));
		expect(boardChain(maps, 'a2')).toEqual(['a2', 'a1']);
		expect(
			chainOf(
				[
					{ id: 'x', source: 'y' },
					{ id: 'y', source: 'x' }
				],
				'x'
			)
		).toEqual(['x', 'y']);
		expect(chainOf([{ id: 'x', source: 'gone' }], 'x')).toEqual(['x']);
	});
});
