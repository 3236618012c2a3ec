import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addNote, castVote, groupNotes } from './commands';
import { sessionMaps } from './doc';
import { checkIn, isAnonymousSession, publishActivities, setPhase, writeSessionMeta } from './facilitation';
import { createBoardHistory } from './history';
import { readActivities, readBallots, readClusters, readNotes, readParticipants } from './read';
import { activity, actor, createTestBoard } from './test-board';

function expectOk<T>(result: { ok: true; value: T } | { ok: false; reason: string }): T {
	if (!result.ok) throw new Error(`refused: ${result.reason}`);
	return result.value;
}

/** A started workshop: two activities, notes grouped and voted on in the first. */
function startedWorkshop() {
	const { doc, facilitator } = createTestBoard([activity('a1'), activity('a2')]);
	const aino = actor('p1', 'participant', 'Aino');
	const n1 = expectOk(
		addNote(doc, aino, { activityId: 'a1', text: 'Penkkejä', color: 'yellow', zone: 'hopes' }, false)
	);
	const n2 = expectOk(addNote(doc, aino, { activityId: 'a1', text: 'Varjoa', color: 'pink', zone: 'hopes' }, false));
	expectOk(groupNotes(doc, facilitator, [n1, n2], 'Piha'));
	expectOk(setPhase(doc, facilitator, 'a1', 'vote'));
	expectOk(castVote(doc, aino, n1));
	return { doc, facilitator, notes: [n1, n2] };
}

describe('publishActivities once the workshop has started', () => {
	it('archives an activity missing from the agenda and keeps its notes, groups and votes', () => {
		const { doc, facilitator } = startedWorkshop();
		const maps = sessionMaps(doc);
		expectOk(publishActivities(doc, facilitator, [activity('a2')]));

		const byId = new Map(readActivities(maps).map((a) => [a.id, a]));
		expect(byId.get('a1')?.archived).toBe(true);
		expect(byId.get('a2')?.archived).toBeUndefined();
		expect(
			readNotes(maps, 'a1')
				.map((n) => n.text)
				.sort()
		).toEqual(['Penkkejä', 'Varjoa']);
		expect(readClusters(maps, 'a1').map((c) => c.name)).toEqual(['Piha']);
		expect(readBallots(maps, 'a1')).toHaveLength(1);
	});

	it('brings an archived activity back whole, with its run state, when it returns to the agenda', () => {
		const { doc, facilitator } = startedWorkshop();
		const maps = sessionMaps(doc);
		expectOk(publishActivities(doc, facilitator, [activity('a2')]));
		expectOk(publishActivities(doc, facilitator, [activity('a1'), activity('a2')]));
		const a1 = readActivities(maps).find((a) => a.id === 'a1');
		expect(a1?.archived).toBeUndefined();
		expect(a1?.phase).toBe('vote');
		expect(readNotes(maps, 'a1')).toHaveLength(2);
		expect(readBallots(maps, 'a1')).toHaveLength(1);
	});

	it('removes nothing that undo would have to bring back orphaned', () => {
		const { doc, facilitator, notes } = startedWorkshop();
		const history = createBoardHistory(doc, { role: 'participant' });
		expectOk(publishActivities(doc, facilitator, []));
		history.undo();
		const maps = sessionMaps(doc);
		expect(
			readNotes(maps)
				.map((n) => n.id)
				.sort()
		).toEqual([...notes].sort());
		expect(readActivities(maps).map((a) => a.id)).toEqual(['a1', 'a2']);
	});

	it('updates planned fields and order, keeping run state', () => {
		const { doc, facilitator } = startedWorkshop();
		expectOk(publishActivities(doc, facilitator, [{ ...activity('a2') }, { ...activity('a1'), title: 'Uusi nimi' }]));
		const [first, second] = readActivities(sessionMaps(doc));
		expect(first.id).toBe('a2');
		expect(second).toMatchObject({ id: 'a1', title: 'Uusi nimi', phase: 'vote' });
	});

	it('converges when one device archives while another writes into the activity', () => {
		const { doc, facilitator } = startedWorkshop();
		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
		expectOk(publishActivities(doc, facilitator, [activity('a2')]));
		expectOk(addNote(other, actor('p2'), { activityId: 'a1', text: 'Myöhässä', color: 'green', zone: null }, true));
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
		for (const d of [doc, other]) expect(readNotes(sessionMaps(d), 'a1')).toHaveLength(3);
	});
});

describe('isAnonymousSession: one answer', () => {
	it.each([
		{ planned: false, inDocument: false, anonymous: false },
		{ planned: true, inDocument: false, anonymous: true },
		{ planned: false, inDocument: true, anonymous: true },
		{ planned: true, inDocument: true, anonymous: true }
	])('plan/join link $planned, document $inDocument → $anonymous', ({ planned, inDocument, anonymous }) => {
		const doc = new Y.Doc();
		writeSessionMeta(doc, { title: 'T', language: 'fi', anonymous: inDocument });
		expect(isAnonymousSession(doc, planned)).toBe(anonymous);
		// Check-in and notes follow the same answer: no name is stored in an anonymous session.
		const aino = actor('p1', 'participant', 'Aino');
		checkIn(doc, aino, null, isAnonymousSession(doc, planned));
		expect(readParticipants(sessionMaps(doc))[0].name).toBe(anonymous ? undefined : 'Aino');
	});
});
