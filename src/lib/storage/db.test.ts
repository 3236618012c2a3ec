import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, SCHEMA_V1, SCHEMA_V2, type KohtaamoDb } from './db';

const opened: Dexie[] = [];
afterEach(async () => {
	for (const db of opened.splice(0)) {
		db.close();
		await Dexie.delete(db.name);
	}
});

describe('database migrations', () => {
	it('opens a version-1 database and migrates it to the current version without loss', async () => {
		const name = `kohtaamo-migration-${crypto.randomUUID()}`;
		// A database as the first version wrote it: the agenda inside each session row.
		const v1 = new Dexie(name);
		v1.version(1).stores(SCHEMA_V1);
		await v1.open();
		await v1.table('sessions').bulkAdd([
			{
				id: 's1',
				title: 'Lähimuseo ja yhdistykset',
				createdAt: 1000,
				updatedAt: 2000,
				agenda: [
					{ id: 'a1', methodId: 'hopes-and-concerns', title: 'Toiveet ja huolet', minutes: 15 },
					{ id: 'a2', title: 'Tauko', minutes: 10 }
				]
			},
			{ id: 's2', title: 'Seniors’ panel', createdAt: 3000, updatedAt: 4000 }
		]);
		await v1.table('settings').put({ key: 'locale', value: 'sv' });
		v1.close();

		const db: KohtaamoDb = openDb(name);
		opened.push(db);
		await db.open();
		expect(db.verno).toBe(4);

		const sessions = await db.sessions.orderBy('updatedAt').toArray();
		expect(sessions.map((s) => [s.id, s.title, s.createdAt, s.updatedAt])).toEqual([
			['s1', 'Lähimuseo ja yhdistykset', 1000, 2000],
			['s2', 'Seniors’ panel', 3000, 4000]
		]);
		for (const session of sessions) {
			expect(session).not.toHaveProperty('agenda');
			expect(session.role).toBe('facilitator');
			expect(session.anonymous).toBe(false);
			expect(session.room.name).toMatch(/^[\w-]{22}$/);
			expect(session.room.secret.length).toBeGreaterThanOrEqual(32);
		}
		expect(sessions[0].room.name).not.toBe(sessions[1].room.name);

		const agenda = await db.agendaItems
			.where('[sessionId+position]')
			.between(['s1', -Infinity], ['s1', Infinity])
			.toArray();
		expect(agenda).toEqual([
			expect.objectContaining({
				id: 'a1',
				sessionId: 's1',
				position: 1,
				kind: 'method',
				methodId: 'hopes-and-concerns',
				title: 'Toiveet ja huolet',
				minutes: 15
			}),
			expect.objectContaining({ id: 'a2', sessionId: 's1', position: 2, kind: 'blank', title: 'Tauko', minutes: 10 })
		]);
		expect(await db.agendaItems.where('sessionId').equals('s2').count()).toBe(0);
		expect(await db.settings.get('locale')).toEqual({ key: 'locale', value: 'sv' });
	});

	it('opens a version-2 database as the current version: every row kept, and empty tables for own templates and stations', async () => {
		const name = `kohtaamo-migration-${crypto.randomUUID()}`;
		const v2 = new Dexie(name);
		v2.version(1).stores(SCHEMA_V1);
		v2.version(2).stores(SCHEMA_V2);
		await v2.open();
		await v2
			.table('sessions')
			.add({ id: 's1', title: 'Kumppanuusilta', createdAt: 1, updatedAt: 2, role: 'facilitator' });
		await v2
			.table('agendaItems')
			.add({ id: 'a1', sessionId: 's1', position: 1, kind: 'break', title: 'Tauko', minutes: 15 });
		await v2.table('customMethods').add({ id: 'own-abc123', method: { id: 'own-abc123' }, createdAt: 1, updatedAt: 1 });
		v2.close();

		const db = openDb(name);
		opened.push(db);
		await db.open();
		expect(db.verno).toBe(4);
		expect(await db.sessions.get('s1')).toMatchObject({ title: 'Kumppanuusilta' });
		expect(await db.agendaItems.get('a1')).toMatchObject({ title: 'Tauko', minutes: 15 });
		expect(await db.customMethods.count()).toBe(1);
		expect(await db.ownTemplates.count()).toBe(0);
		expect(await db.stations.count()).toBe(0);
		expect(await db.stationNotes.count()).toBe(0);
	});

	it('stores a session document through y-dexie and reads it back', async () => {
		const { DexieYProvider } = await import('y-dexie');
		const name = `kohtaamo-ydoc-${crypto.randomUUID()}`;
		const db = openDb(name);
		opened.push(db);
		await db.sessions.add({
			id: 's1',
			role: 'facilitator',
			title: 'Test',
			organisation: '',
			date: '',
			startTime: '',
			place: '',
			goal: '',
			groups: [],
			language: 'fi',
			availableMinutes: 60,
			anonymous: false,
			room: { name: 'r', secret: 's' },
			createdAt: 1,
			updatedAt: 1
		} as never);
		const row = (await db.sessions.get('s1'))!;
		const provider = DexieYProvider.load(row.doc);
		await provider.whenLoaded;
		row.doc.getMap('meta').set('title', 'Åsa Öhman: ääkkösiä');
		DexieYProvider.release(row.doc);
		db.close();

		const again = openDb(name);
		opened.push(again);
		const reread = (await again.sessions.get('s1'))!;
		const provider2 = DexieYProvider.load(reread.doc);
		await provider2.whenLoaded;
		expect(reread.doc.getMap('meta').get('title')).toBe('Åsa Öhman: ääkkösiä');
		DexieYProvider.release(reread.doc);
	});
});
