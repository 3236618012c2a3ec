import { afterEach, describe, expect, it } from 'vitest';
import { phasesFor } from '$lib/board/types';
import { testMethod } from '$lib/methods/testing/method-fixture';
import { newSessionPlan } from '$lib/session/plan';
import { db } from '$lib/storage/db';
import { createSession, listAgenda } from '$lib/storage/sessions';
import { runAgenda } from '$lib/ui/testing/activity-from-agenda';
import { SessionPlanner } from './session-plan.svelte';

afterEach(async () => {
	await Promise.all(db().tables.map((table) => table.clear()));
});

describe('"+ Add a method" in the plan', () => {
	it('adds the method with its board: private writing, dots and the vote phases', async () => {
		const method = testMethod();
		const session = await createSession(newSessionPlan('en', 'Workshop'));
		const planner = (await SessionPlanner.load(session.id))!;
		await planner.addMethod(method);
		await planner.saved();

		const [activity] = runAgenda(await listAgenda(session.id));
		expect(activity.board).toEqual(method.board);
		expect(activity.board.privateWriting).toBe(true);
		expect(activity.dotsPerPerson).toBe(3);
		expect(phasesFor(activity.dotsPerPerson)).toEqual(['write', 'reveal', 'group', 'vote', 'results', 'discuss']);
		expect(activity).toMatchObject({ methodId: method.id, title: method.name.en, minutes: 25 });
	});
});
