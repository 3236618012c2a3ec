import { afterEach, describe, expect, it } from 'vitest';
import { phasesFor } from '$lib/board/types';
import { testMethod } from '$lib/methods/testing/method-fixture';
import { newSessionPlan } from '$lib/session/plan';
import { db } from '$lib/storage/db';
import { createSession, listAgenda } from '$lib/storage/sessions';
import { runAgenda } from '$lib/ui/testing/activity-from-agenda';
import { addMethodToWorkshop } from './add-to-session';

afterEach(async () => {
	await Promise.all(db().tables.map((table) => table.clear()));
});

describe('"Add to a workshop" on a method page', () => {
	it('adds the method with its board: private writing, dots and the vote phases', async () => {
		const method = testMethod();
		const session = await createSession(newSessionPlan('sv', 'Verkstad'));
		await addMethodToWorkshop(method, session);

		const [activity] = runAgenda(await listAgenda(session.id));
		expect(activity.board).toEqual(method.board);
		expect(activity.board.privateWriting).toBe(true);
		expect(activity.dotsPerPerson).toBe(3);
		expect(phasesFor(activity.dotsPerPerson)).toContain('vote');
		expect(phasesFor(activity.dotsPerPerson)).toContain('results');
		expect(activity).toMatchObject({ methodId: method.id, title: method.name.sv, minutes: 25 });
	});

	it('creates a new workshop in the given language when asked to', async () => {
		const method = testMethod();
		const { session } = await addMethodToWorkshop(method, newSessionPlan('fi', 'Uusi työpaja'));
		const [activity] = runAgenda(await listAgenda(session.id));
		expect(activity.board).toEqual(method.board);
		expect(activity.prompt).toBe('Mitä toivot?\nMikä huolettaa?');
	});
});
