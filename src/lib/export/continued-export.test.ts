import { describe, expect, it } from 'vitest';
import { addNote, castVote } from '../board/commands';
import { setPhase } from '../board/facilitation';
import { activity, actor, COLUMNS_BOARD, createTestBoard, FREE_BOARD } from '../board/test-board';
import type { AgendaItem } from '../session/types';
import { noteRows } from './notes-csv';
import { buildSummary } from './summary-model';
import { workshopFixture } from './testing/workshop-fixture';

/** Two agenda items: notes written in a1, voted on in a2, which continues on them. */
function continuedWorkshop() {
	const { session } = workshopFixture();
	const { doc, facilitator } = createTestBoard([
		activity('a1', COLUMNS_BOARD),
		{ ...activity('a2', FREE_BOARD), source: 'a1' }
	]);
	const aino = actor('p1');
	const ids = ['Penkkejä', 'Kahvila'].map((text) => {
		const added = addNote(doc, aino, { activityId: 'a1', text, color: 'yellow', zone: 'hopes' }, true);
		if (!added.ok) throw new Error(added.reason);
		return added.value;
	});
	setPhase(doc, facilitator, 'a2', 'vote');
	castVote(doc, actor('p2'), ids[1], 'a2');
	const item = (id: string, position: number, extra: Partial<AgendaItem> = {}): AgendaItem => ({
		id,
		sessionId: session.id,
		position,
		kind: 'method',
		title: `Activity ${id}`,
		minutes: 15,
		prompt: '',
		...extra
	});
	const agenda = [item('a1', 1, { board: COLUMNS_BOARD }), item('a2', 2, { board: FREE_BOARD, source: 'a1' })];
	return { session: { ...session, anonymous: true }, agenda, doc, methodNames: {} };
}

describe('exports of an activity that continued on an earlier one', () => {
	it('lists the earlier notes under it, with its own votes and the earlier zones, and names the source', () => {
		const summary = buildSummary(continuedWorkshop());
		const [write, vote] = summary.activities;
		expect(write.sourceTitle).toBeUndefined();
		expect(write.totalVotes).toBe(0);
		expect(vote.sourceTitle).toBe('Activity a1');
		expect(vote.notes.map((n) => n.note.text).sort()).toEqual(['Kahvila', 'Penkkejä']);
		expect(vote.totalVotes).toBe(1);
		expect(vote.zones.find((z) => z.id === 'hopes')?.count).toBe(2);
	});

	it('says in the CSV which activity each note was written in', () => {
		const rows = noteRows(continuedWorkshop());
		const written = rows.filter((row) => row[1] === '1. Activity a1');
		const continued = rows.filter((row) => row[1] === '2. Activity a2');
		expect(written.map((row) => row[9])).toEqual(['', '']);
		expect(continued.map((row) => row[9])).toEqual(['1. Activity a1', '1. Activity a1']);
		expect(continued.find((row) => row[4] === 'Kahvila')?.[6]).toBe('1');
	});
});
