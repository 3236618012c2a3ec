import { afterEach, describe, expect, it } from 'vitest';
import { builtinQuestion, customQuestion, type ParticipationPlan } from '../session/participation';
import { db } from './db';
import { deleteParticipationSet, listParticipationSets, saveParticipationSet } from './participation-sets';
import { MAX_PARTICIPATION_SETS, readSetting } from './settings';

afterEach(async () => {
	await db().settings.clear();
});

const seniors: ParticipationPlan = {
	questions: [builtinQuestion('age'), customQuestion(0, 'Miten tulit?', ['Bussilla', 'Kävellen'])],
	countBy: 'c1'
};
const firstVisit: ParticipationPlan = { questions: [builtinQuestion('firstVisit')], countBy: null };

describe('saved participation question sets', () => {
	it('saves a set, lists it by name and gives back the same questions for a new session', async () => {
		expect(await listParticipationSets()).toEqual([]);
		const saved = await saveParticipationSet('  Seniorit  ', seniors);
		expect(saved.ok).toBe(true);
		await saveParticipationSet('Ensikävijät', firstVisit);
		const sets = await listParticipationSets();
		expect(sets.map((s) => s.name)).toEqual(['Ensikävijät', 'Seniorit']);
		expect(sets[1].plan).toEqual(seniors);
		expect(sets[0].plan).toEqual(firstVisit);
	});

	it('replaces a set saved again under the same name (how a set is updated)', async () => {
		await saveParticipationSet('Sarja', firstVisit);
		await saveParticipationSet('sarja', seniors);
		const sets = await listParticipationSets();
		expect(sets).toHaveLength(1);
		expect(sets[0]).toMatchObject({ name: 'sarja', plan: seniors });
	});

	it('deletes one set and keeps the others', async () => {
		const a = await saveParticipationSet('A', firstVisit);
		await saveParticipationSet('B', seniors);
		if (!a.ok) throw new Error('not saved');
		await deleteParticipationSet(a.set.id);
		expect((await listParticipationSets()).map((s) => s.name)).toEqual(['B']);
	});

	it('refuses a set without a name, without questions, with an unfinished question or past the limit, writing nothing', async () => {
		expect(await saveParticipationSet(' ', seniors)).toEqual({ ok: false, problem: 'noName' });
		expect(await saveParticipationSet('Tyhjä', { questions: [], countBy: null })).toEqual({
			ok: false,
			problem: 'noQuestions'
		});
		const unfinished = { questions: [{ ...customQuestion(0, 'Kysymys', ['Vain yksi']) }], countBy: null };
		expect(await saveParticipationSet('Kesken', unfinished)).toEqual({ ok: false, problem: 'invalid' });
		expect(await readSetting('participationSets')).toEqual([]);
		for (let i = 0; i < MAX_PARTICIPATION_SETS; i++) await saveParticipationSet(`Set ${i}`, firstVisit);
		expect(await saveParticipationSet('One more', firstVisit)).toEqual({ ok: false, problem: 'tooMany' });
		expect(await listParticipationSets()).toHaveLength(MAX_PARTICIPATION_SETS);
		// Saving again under an existing name is still an update, not a new set.
		expect((await saveParticipationSet('Set 3', seniors)).ok).toBe(true);
	});

	it('leaves out stored sets that no longer parse instead of failing', async () => {
		await saveParticipationSet('Hyvä', firstVisit);
		const [good] = await readSetting('participationSets');
		await db().settings.put({
			key: 'participationSets',
			value: [good, { id: 'x', name: 'Rikki', questions: 'q=unknown' }]
		});
		expect((await listParticipationSets()).map((s) => s.name)).toEqual(['Hyvä']);
		await db().settings.put({ key: 'participationSets', value: [{ id: 'x', name: 42 }] });
		expect(await listParticipationSets()).toEqual([]);
	});
});
