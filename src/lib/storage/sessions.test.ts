import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newSessionPlan } from '../session/plan';
import { db } from './db';
import { openSessionDoc, ownNoteIds, rememberOwnNote } from './session-doc';
import {
	appendAgendaItem,
	createSession,
	deleteSession,
	duplicateSession,
	getSession,
	joinSession,
	listAgenda,
	reorderAgenda,
	watchAgenda
} from './sessions';

beforeEach(async () => {
	await Promise.all(db().tables.map((table) => table.clear()));
});
afterEach(async () => {
	await Promise.all(db().tables.map((table) => table.clear()));
});

async function sessionWithEverything() {
	const session = await createSession({ ...newSessionPlan('fi', 'Kumppanuuspöytä'), date: '2026-12-01' });
	const items = [];
	for (const title of ['Toiveet ja huolet', 'Tauko', 'Pisteäänestys']) {
		items.push(await appendAgendaItem(session.id, { kind: 'blank', title, minutes: 10, prompt: '' }));
	}
	const open = (await openSessionDoc(session.id))!;
	open.doc.getMap('notes').set('n1', 'a note');
	await rememberOwnNote(session.id, 'n1');
	open.release();
	return { session, items };
}

describe('sessions on this device', () => {
	it('keeps the agenda in order and reorders it', async () => {
		const { session, items } = await sessionWithEverything();
		expect((await listAgenda(session.id)).map((i) => i.title)).toEqual(['Toiveet ja huolet', 'Tauko', 'Pisteäänestys']);
		await reorderAgenda(session.id, [items[2].id, items[0].id, items[1].id]);
		expect((await listAgenda(session.id)).map((i) => i.title)).toEqual(['Pisteäänestys', 'Toiveet ja huolet', 'Tauko']);
	});

	it('deletes a session with its agenda, its boards (the Yjs document) and its own-note marks', async () => {
		const { session } = await sessionWithEverything();
		const docTable = db().tables.find((t) => t.name.startsWith('$sessions'))!;
		expect(await docTable.count()).toBeGreaterThan(0);
		await deleteSession(session.id);
		expect(await db().sessions.count()).toBe(0);
		expect(await db().agendaItems.count()).toBe(0);
		expect(await ownNoteIds(session.id)).toEqual(new Set());
		await expect.poll(() => docTable.count()).toBe(0);
	});

	it('duplicates a session as a template: same plan and agenda, new room, empty boards', async () => {
		const { session } = await sessionWithEverything();
		const copy = (await duplicateSession(session.id, 'Kumppanuuspöytä (kopio)'))!;
		expect(copy).toMatchObject({
			title: 'Kumppanuuspöytä (kopio)',
			date: '2026-12-01',
			language: 'fi',
			role: 'facilitator'
		});
		expect(copy.id).not.toBe(session.id);
		expect(copy.room.name).not.toBe(session.room.name);
		expect(copy.room.secret).not.toBe(session.room.secret);
		expect((await listAgenda(copy.id)).map((i) => i.title)).toEqual(['Toiveet ja huolet', 'Tauko', 'Pisteäänestys']);
		const open = (await openSessionDoc(copy.id))!;
		expect(open.doc.getMap('notes').size).toBe(0);
		open.release();
		expect(await ownNoteIds(copy.id)).toEqual(new Set());
	});
});

describe('joining', () => {
	const invite = {
		sessionId: '3f2b9c1e-8a4d-4c7e-9b1a-0d6e5f4a3b2c',
		room: 'Q2xhcmFfbXVzZXVtX3Jvb20',
		secret: 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0',
		title: 'Senioripaneeli',
		language: 'fi' as const,
		anonymous: false,
		groups: [],
		wifi: 'Museo-Vieras'
	};

	it('keeps the Wi-Fi name of the link, and a newer link replaces it', async () => {
		await joinSession(invite, 'Aino');
		expect((await getSession(invite.sessionId))?.wifi).toBe('Museo-Vieras');
		await joinSession({ ...invite, wifi: 'Kahvila' }, 'Aino');
		expect((await getSession(invite.sessionId))?.wifi).toBe('Kahvila');
		await joinSession({ ...invite, wifi: undefined }, 'Aino');
		expect((await getSession(invite.sessionId))?.wifi).toBeUndefined();
	});
});

describe('watching an agenda', () => {
	it('reports the agenda now and after every change, until stopped', async () => {
		const session = await createSession(newSessionPlan('fi', 'Työpaja'));
		const seen: string[][] = [];
		let wake = () => {};
		const stop = watchAgenda(session.id, (agenda) => {
			seen.push(agenda.map((item) => item.title));
			wake();
		});
		const next = () => new Promise<void>((resolve) => (wake = resolve));
		await next();
		const added = appendAgendaItem(session.id, { kind: 'blank', title: 'Uusi', minutes: 10, prompt: '' });
		await next();
		await added;
		stop();
		await appendAgendaItem(session.id, { kind: 'blank', title: 'Myöhemmin', minutes: 10, prompt: '' });
		expect(seen).toEqual([[], ['Uusi']]);
	});
});
