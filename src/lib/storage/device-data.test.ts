import { afterEach, describe, expect, it } from 'vitest';
import { newSessionPlan } from '../session/plan';
import { db } from './db';
import { countSessions, deleteDatabase, deleteSessions, sessionsPastRetention } from './device-data';
import { openSessionDoc } from './session-doc';
import { appendAgendaItem, createSession, listAgenda } from './sessions';
import { readSetting, writeSetting } from './settings';

const DAY = 86_400_000;

afterEach(async () => {
	await db().delete();
	await db().open();
});

async function sessionEdited(daysAgo: number, title: string) {
	const session = await createSession(newSessionPlan('fi', title));
	await appendAgendaItem(session.id, { kind: 'blank', title: 'Osio', minutes: 10, prompt: '' });
	await db().sessions.update(session.id, { updatedAt: Date.now() - daysAgo * DAY });
	return session;
}

describe('retention', () => {
	it('finds sessions not edited within the period, oldest first', async () => {
		await sessionEdited(5, 'Tuore');
		await sessionEdited(40, 'Vanha');
		await sessionEdited(400, 'Ikivanha');
		expect((await sessionsPastRetention(30)).map((s) => s.title)).toEqual(['Ikivanha', 'Vanha']);
		expect((await sessionsPastRetention(365)).map((s) => s.title)).toEqual(['Ikivanha']);
	});

	it('deletes the chosen sessions with their agenda and boards, and nothing else', async () => {
		const keep = await sessionEdited(1, 'Pidetään');
		const old = await sessionEdited(100, 'Poistetaan');
		const open = (await openSessionDoc(old.id))!;
		open.doc.getMap('notes').set('n1', 'lappu');
		open.release();
		const updates = db().table(db().sessions.schema.yProps![0].updatesTable);
		for (let i = 0; i < 50 && (await updates.count()) === 0; i++) await new Promise((r) => setTimeout(r, 20));
		expect(await updates.where('k').equals(old.id).count()).toBeGreaterThan(0);

		await deleteSessions([old.id]);
		expect(await countSessions()).toBe(1);
		expect(await listAgenda(old.id)).toEqual([]);
		expect(await listAgenda(keep.id)).toHaveLength(1);
		expect(await updates.where('k').equals(old.id).count()).toBe(0);
	});
});

describe('deleting everything', () => {
	it('removes every session and setting', async () => {
		await sessionEdited(1, 'Yksi');
		await writeSetting('retentionDays', 90);
		await deleteDatabase();
		await db().open();
		expect(await countSessions()).toBe(0);
		expect(await readSetting('retentionDays')).toBeNull();
	});
});
