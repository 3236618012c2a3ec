import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { sessionMaps } from '../board/doc';
import { publishActivities } from '../board/facilitation';
import { actor } from '../board/test-board';
import { buildSummary } from './summary-model';
import { workshopFixture } from './testing/workshop-fixture';

describe('summary model', () => {
	it('accounts for every note exactly once, numbered 1…n per activity', () => {
		const fixture = workshopFixture({ extraNotes: 60 });
		const model = buildSummary(fixture);
		for (const activity of model.activities) {
			const listed = activity.zones.flatMap((z) => [...z.clusters.flatMap((c) => c.notes), ...z.loose]);
			expect(listed.map((n) => n.number)).toEqual(listed.map((_, i) => i + 1));
			expect(new Set(listed.map((n) => n.note.id)).size).toBe(listed.length);
			expect(listed.map((n) => n.note.text).sort()).toEqual([...(fixture.texts.get(activity.id) ?? [])].sort());
			expect(activity.notes).toEqual(listed);
		}
		expect(model.noteCount).toBe([...fixture.texts.values()].flat().length);
	});

	it('leaves out breaks, and keeps the agenda’s numbers', () => {
		const model = buildSummary(workshopFixture());
		expect(model.activities.map((a) => [a.number, a.id])).toEqual([
			[1, 'a-hopes'],
			[3, 'a-matrix'],
			[4, 'a-rings'],
			[5, 'a-journey'],
			[6, 'a-free']
		]);
		expect(model.agenda.map((row) => row.number)).toEqual([1, 2, 3, 4, 5, 6]);
	});

	it('ranks by votes, with the most voted first in their zone and in the top list', () => {
		const model = buildSummary(workshopFixture());
		const hopes = model.activities[0];
		const [first, ...tied] = hopes.top;
		expect([first.note.text, first.votes, first.rank]).toEqual(['Åsa Öhman: ääkkösiä', 7, 1]);
		// Equal votes share a rank (notes written in the same millisecond have no further order).
		expect(tied.map((n) => [n.votes, n.rank])).toEqual(Array(5).fill([1, 2]));
		expect(tied.map((n) => n.note.text.slice(0, 5)).sort()).toEqual(
			['Loist', 'sana0', 'Ελένη', 'Женя', 'שלום '].sort()
		);
		const cluster = hopes.zones[0].clusters[0];
		expect(cluster).toMatchObject({ name: 'Nimet ja kielet', votes: 9 });
		expect(cluster.notes.map((n) => n.votes)).toEqual([7, 1, 1]);
		expect(hopes.totalVotes).toBe(12);
	});

	it('lists a 2×2 board by quadrant, and a journey stage by stage', () => {
		const model = buildSummary(workshopFixture());
		const matrix = model.activities.find((a) => a.id === 'a-matrix')!;
		expect(matrix.zones.map((z) => z.quadrant)).toEqual(['top-left', 'top-right', 'bottom-left', 'bottom-right']);
		const journey = model.activities.find((a) => a.id === 'a-journey')!;
		expect(journey.zones.map((z) => z.parts.join(' / '))).toEqual([
			'Kuulee museosta / Mitä hän tekee',
			'Saapuu / Tunteet',
			'Saapuu / Ideat',
			'Jälkeenpäin / Mitä hän tekee'
		]);
		expect(journey.drawn).toBe(true);
		expect(model.activities.find((a) => a.id === 'a-free')!.drawn).toBe(false);
	});

	it('counts participants by group, never the facilitator, and names only when asked', () => {
		const fixture = workshopFixture();
		const model = buildSummary(fixture);
		expect(model.participants).toEqual({
			total: 6,
			groups: [
				{ group: 'visitors', count: 2 },
				{ group: 'community', count: 3 },
				{ group: null, count: 1 }
			],
			names: []
		});
		expect(model.activities.flatMap((a) => a.notes).some((n) => n.author)).toBe(false);
		const named = buildSummary({ ...fixture, includeNames: true });
		expect(named.participants.names).toHaveLength(6);
		expect(named.activities[0].notes[0].author).toBe('Osallistuja 1');
	});

	it('skips a malformed note written by a hostile peer, and keeps notes of activities the agenda lost', () => {
		const fixture = workshopFixture();
		const maps = sessionMaps(fixture.doc);
		fixture.doc.transact(() => {
			const bad = new Y.Map<unknown>();
			bad.set('activityId', 'a-hopes');
			bad.set('text', 42);
			maps.notes.set('bad', bad);
		});
		const lost = fixture.agenda.filter((item) => item.id !== 'a-free');
		const model = buildSummary({ ...fixture, agenda: lost });
		expect(model.activities.map((a) => a.id)).toEqual(['a-hopes', 'a-matrix', 'a-rings', 'a-journey', 'a-free']);
		expect(model.activities.at(-1)!.notes.map((n) => n.note.text)).toEqual(['Kiitos illasta!']);
		expect(model.activities[0].notes).toHaveLength(10);
	});

	it('summarises a planned session that never ran', () => {
		const fixture = workshopFixture();
		const model = buildSummary({ ...fixture, doc: new Y.Doc() });
		expect(model.activities.map((a) => a.notes.length)).toEqual([0, 0, 0, 0, 0]);
		expect(model.agenda.every((row) => row.startedAt === undefined)).toBe(true);
		expect(model.participants.total).toBe(0);
	});

	it('uses the running activity’s title and prompt from the document', () => {
		const fixture = workshopFixture();
		const facilitator = actor('facilitator-1', 'facilitator');
		publishActivities(
			fixture.doc,
			facilitator,
			fixture.agenda.map((item) => ({ ...item, title: `${item.title}!`, board: item.board! }))
		);
		expect(buildSummary(fixture).activities[0].title).toBe('Toiveet ja huolet!');
	});
});
