import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addNote } from '../board/commands';
import { sessionMaps } from '../board/doc';
import { readActivities, readNotes } from '../board/read';
import { actor } from '../board/test-board';
import { generateSigningKey } from '../session/keys/signing';
import { newSessionPlan } from '../session/plan';
import { db } from '../storage/db';
import { openSessionDoc, rememberOwnNote } from '../storage/session-doc';
import { appendAgendaItem, createSession, getSession, listAgenda, updateClosingNotes } from '../storage/sessions';
import {
	MAX_BACKUP_BYTES,
	exportBackup,
	parseBackup,
	readBackupFile,
	restoreBackup,
	type BackupFile,
	type BackupProblem,
	type ValidBackup
} from './backup';
import { workshopFixture } from './testing/workshop-fixture';
import { toBase64 } from '../sync/bytes';

/** A session made on this device the way the app makes one: plan, agenda, then a board written
 * through the document y-dexie persists. Returns its id. */
async function seedSession(): Promise<string> {
	const fixture = workshopFixture();
	const session = await createSession({
		...newSessionPlan('fi', fixture.session.title),
		organisation: 'Kaupunginmuseo'
	});
	const ids = new Map<string, string>();
	for (const item of fixture.agenda) {
		const { id: _id, sessionId: _s, position: _p, ...rest } = item;
		const added = await appendAgendaItem(session.id, rest);
		ids.set(item.id, added.id);
	}
	await updateClosingNotes(session.id, 'Jatketaan tammikuussa.');
	const open = (await openSessionDoc(session.id))!;
	// The fixture's boards, under this session's agenda ids.
	const { rekeyActivities } = await import('./backup-copy');
	const scratch = new Y.Doc();
	Y.applyUpdate(scratch, Y.encodeStateAsUpdate(fixture.doc));
	rekeyActivities(scratch, ids);
	Y.applyUpdate(open.doc, Y.encodeStateAsUpdate(scratch));
	await rememberOwnNote(session.id, readNotes(sessionMaps(open.doc))[0].id);
	await persisted(session.id, readNotes(sessionMaps(open.doc)).length);
	open.release();
	return session.id;
}

/** Waits until y-dexie has written the document's updates (it writes asynchronously). */
async function persisted(sessionId: string, notes: number): Promise<void> {
	for (let i = 0; i < 100; i++) {
		const backup = await exportBackup(sessionId, 'test');
		const parsed = backup && parseBackup(backup.text);
		if (parsed?.ok && docOf(parsed.backup).notes === notes) return;
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	throw new Error('document was not persisted');
}

function docOf(backup: ValidBackup) {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, backup.parts.update);
	const maps = sessionMaps(doc);
	const content = {
		json: JSON.stringify(doc.toJSON()),
		notes: readNotes(maps).length,
		texts: readNotes(maps)
			.map((n) => n.text)
			.sort(),
		activities: readActivities(maps).map((a) => a.id)
	};
	doc.destroy();
	return content;
}

/** Everything in the database, for "nothing changed" checks. */
async function snapshot(): Promise<string> {
	const d = db();
	const tables: Record<string, unknown[]> = {};
	for (const table of d.tables) {
		const rows = await table.toArray();
		tables[table.name] = rows.map((row) =>
			JSON.parse(JSON.stringify(row, (_k, v) => (v instanceof Uint8Array ? [...v] : v)))
		);
	}
	return JSON.stringify(tables);
}

async function emptyDevice(): Promise<void> {
	await db().delete();
	await db().open();
}

/** The backup's content, without the moment it was made. */
function content(text: string) {
	const file = JSON.parse(text) as BackupFile;
	const parsed = parseBackup(text);
	if (!parsed.ok) throw new Error(parsed.problem.kind);
	const { exportedAt: _e, doc: _d, ...rest } = file;
	return { ...rest, doc: docOf(parsed.backup).json };
}

function valid(text: string): ValidBackup {
	const parsed = parseBackup(text);
	if (!parsed.ok) throw new Error(`refused: ${JSON.stringify(parsed.problem)}`);
	return parsed.backup;
}

beforeEach(emptyDevice);
afterEach(() => db().close());

describe('session backup', () => {
	it('round-trips without loss: export, restore on an empty device, export again', async () => {
		const id = await seedSession();
		const first = (await exportBackup(id, '1.0.0', Date.UTC(2025, 10, 21)))!;
		expect(first.fileName).toMatch(/^kohtaamo-lahimuseo-ja-yhdistykset-backup-\d{4}-\d\d-\d\d\.json$/);
		const file = JSON.parse(first.text) as BackupFile;
		expect(file).toMatchObject({ format: 'kohtaamo-session', version: 2, app: { version: '1.0.0' } });
		expect(file.agenda).toHaveLength(6);
		expect(file.ownNotes).toHaveLength(1);
		expect(file.session.closingNotes).toBe('Jatketaan tammikuussa.');

		await emptyDevice();
		expect(await restoreBackup(valid(first.text))).toMatchObject({ kind: 'added', sessionId: id });
		const second = (await exportBackup(id, '1.0.0', Date.UTC(2025, 11, 1)))!;
		expect(content(second.text)).toEqual(content(first.text));
		expect(docOf(valid(second.text)).notes).toBe(24);

		// The restored session opens like any other: plan, agenda and boards.
		expect((await getSession(id))!.organisation).toBe('Kaupunginmuseo');
		expect((await listAgenda(id)).map((item) => item.title)).toEqual(file.agenda.map((item) => item.title));
		const open = (await openSessionDoc(id))!;
		expect(readNotes(sessionMaps(open.doc))).toHaveLength(24);
		open.release();
	});

	const broken: [string, () => string, BackupProblem['kind'], string?][] = [
		['an empty file', () => '  \n', 'empty'],
		['a text file', () => 'Kokouksen muistio\n- asia 1', 'not-json'],
		['a truncated backup', () => validText.slice(0, Math.floor(validText.length / 2)), 'truncated'],
		['another program’s JSON', () => '{"type":"FeatureCollection","features":[]}', 'foreign'],
		['a JSON array', () => '[1, 2, 3]', 'foreign'],
		['a newer format', () => edit((f) => (f.version = 3 as 2)), 'newer-version'],
		['an unknown version', () => edit((f) => (f.version = '1' as unknown as 2)), 'unsupported-version'],
		['a bad date', () => edit((f) => (f.session.date = '2025-13-45')), 'invalid-field', 'session.date'],
		[
			'an unknown language',
			() => edit((f) => (f.session.language = 'de' as 'fi')),
			'invalid-field',
			'session.language'
		],
		[
			'a missing room',
			() => edit((f) => delete (f.session as Partial<typeof f.session>).room),
			'invalid-field',
			'session.room'
		],
		[
			'a foreign agenda item',
			() => edit((f) => (f.agenda[0].sessionId = 'other')),
			'invalid-field',
			'agenda[0].sessionId'
		],
		[
			'a broken board',
			() => edit((f) => (f.agenda[2].board = { layout: { template: 'matrix' } } as never)),
			'invalid-field',
			'agenda[2].board'
		],
		['a document that is not base64', () => edit((f) => (f.doc = 'not base64!')), 'invalid-field', 'doc'],
		['a cut document', () => edit((f) => (f.doc = toBase64(updateBytes().slice(0, 200)))), 'doc-unreadable'],
		['a document of garbage', () => edit((f) => (f.doc = toBase64(new Uint8Array(64).fill(255)))), 'doc-unreadable'],
		['a document missing its start', () => edit((f) => (f.doc = toBase64(laterChangesOnly()))), 'doc-incomplete'],
		['a document from a newer app', () => edit((f) => (f.doc = toBase64(newerDoc()))), 'doc-newer']
	];
	let validText = '';
	const edit = (change: (file: BackupFile) => void) => {
		const file = JSON.parse(validText) as BackupFile;
		change(file);
		return JSON.stringify(file);
	};
	const updateBytes = () => valid(validText).parts.update;
	const laterChangesOnly = () => {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, updateBytes());
		const before = Y.encodeStateVector(doc);
		addNote(
			doc,
			actor('facilitator-1', 'facilitator'),
			{ activityId: readActivities(sessionMaps(doc))[0].id, text: 'Myöhempi', color: 'pink', zone: null },
			false
		);
		return Y.encodeStateAsUpdate(doc, before);
	};
	const newerDoc = () => {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, updateBytes());
		sessionMaps(doc).meta.set('schema', 99);
		return Y.encodeStateAsUpdate(doc);
	};

	it.each(broken)('refuses %s, naming the problem, and changes nothing', async (_name, make, kind, field) => {
		const id = await seedSession();
		validText = (await exportBackup(id, '1.0.0'))!.text;
		const before = await snapshot();
		const result = await readBackupFile(new Blob([make()]));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problem.kind).toBe(kind);
		if (field) expect(result.problem).toMatchObject({ field });
		expect(await snapshot()).toBe(before);
	});

	it('refuses an oversized file without reading it', async () => {
		const big = new Blob([new Uint8Array(MAX_BACKUP_BYTES + 1)]);
		expect(await readBackupFile(big)).toEqual({
			ok: false,
			problem: { kind: 'too-large', size: MAX_BACKUP_BYTES + 1 }
		});
	});

	it('asks before touching a session that exists, then merges on request', async () => {
		const id = await seedSession();
		const backup = valid((await exportBackup(id, '1.0.0'))!.text);
		// After the backup, this device goes on: a new note and a new title. The backup has a note
		// and an agenda item that this device has lost.
		const open = (await openSessionDoc(id))!;
		const maps = sessionMaps(open.doc);
		const firstActivity = readActivities(maps)[0].id;
		addNote(
			open.doc,
			actor('facilitator-1', 'facilitator'),
			{ activityId: firstActivity, text: 'Vain tällä laitteella', color: 'green', zone: 'hopes' },
			false
		);
		const lostNote = readNotes(maps).find((n) => n.text === 'Kiitos illasta!')!;
		open.doc.transact(() => maps.notes.delete(lostNote.id));
		await db().sessions.update(id, { title: 'Uusi nimi' });
		const lostItem = (await listAgenda(id))[5];
		await db().agendaItems.delete(lostItem.id);
		await new Promise((resolve) => setTimeout(resolve, 100));

		const before = await snapshot();
		expect(await restoreBackup(backup)).toEqual({ kind: 'exists', sessionId: id, title: 'Lähimuseo ja yhdistykset' });
		expect(await snapshot()).toBe(before);

		expect(await restoreBackup(backup, 'merge')).toMatchObject({ kind: 'merged', sessionId: id });
		expect((await getSession(id))!.title).toBe('Uusi nimi');
		expect((await listAgenda(id)).map((item) => item.id)).toContain(lostItem.id);
		expect(await listAgenda(id)).toHaveLength(6);
		// The open document receives the merge through y-dexie's live query.
		for (let i = 0; i < 50 && !readNotes(maps).some((n) => n.text === 'Kiitos illasta!'); i++)
			await new Promise((resolve) => setTimeout(resolve, 20));
		const texts = readNotes(maps).map((n) => n.text);
		// A CRDT merge: the deletion made after the backup wins over the older state (Yjs keeps
		// deletions), and the note written after it stays.
		expect(texts).toContain('Vain tällä laitteella');
		expect(texts).not.toContain('Kiitos illasta!');
		expect(texts).toHaveLength(24);
		open.release();
	});

	it('merges a backup from another device’s copy of the session, keeping both devices’ notes', async () => {
		const id = await seedSession();
		const mine = valid((await exportBackup(id, '1.0.0'))!.text);
		// The other device: the same session, with a note this device never saw.
		const theirs = new Y.Doc();
		Y.applyUpdate(theirs, mine.parts.update);
		const activityId = readActivities(sessionMaps(theirs))[0].id;
		// Another facilitator's device (the seeded session has ended, so a participant may not write any
		// more). It signs its notes (see note-owner.ts): an unsigned one would be ignored in a session
		// with a facilitator key, as any unsigned entry is.
		const writer = actor('p9', 'facilitator');
		writer.secrets = { device: (await generateSigningKey()).privateKey };
		const added = addNote(
			theirs,
			writer,
			{ activityId, text: 'Toisen laitteen lappu', color: 'blue', zone: 'concerns' },
			false
		);
		expect(added).toMatchObject({ ok: true });
		const other: ValidBackup = { ...mine, parts: { ...mine.parts, update: Y.encodeStateAsUpdate(theirs) } };

		await restoreBackup(other, 'merge');
		const merged = valid((await exportBackup(id, '1.0.0'))!.text);
		expect(docOf(merged).texts).toContain('Toisen laitteen lappu');
		expect(docOf(merged).notes).toBe(25);
	});

	it('keeps both: a separate copy with its own id, room and agenda, boards intact', async () => {
		const id = await seedSession();
		const text = (await exportBackup(id, '1.0.0'))!.text;
		const original = await snapshot();
		const outcome = await restoreBackup(valid(text), 'keep-both');
		expect(outcome.kind).toBe('copied');
		expect(outcome.sessionId).not.toBe(id);
		expect(outcome.title).toBe('Lähimuseo ja yhdistykset (kopio)');

		const [source, copy] = [(await getSession(id))!, (await getSession(outcome.sessionId))!];
		expect(copy.room.name).not.toBe(source.room.name);
		expect(copy.room.secret).not.toBe(source.room.secret);
		const agenda = await listAgenda(copy.id);
		const sourceAgenda = await listAgenda(id);
		expect(agenda.map((item) => item.title)).toEqual(sourceAgenda.map((item) => item.title));
		expect(agenda.filter((item) => sourceAgenda.some((s) => s.id === item.id))).toEqual([]);

		// The copy's boards are keyed by its own agenda: every note is on an activity of the copy.
		const copied = valid((await exportBackup(copy.id, '1.0.0'))!.text);
		const doc = docOf(copied);
		expect(doc.activities.sort()).toEqual(agenda.map((item) => item.id).sort());
		expect(doc.texts).toEqual(docOf(valid(text)).texts);
		// The original is untouched.
		const after = JSON.parse(await snapshot()) as Record<string, { id?: string; sessionId?: string }[]>;
		const originalTables = JSON.parse(original) as Record<string, { id?: string; sessionId?: string }[]>;
		expect(after.sessions.filter((s) => s.id === id)).toEqual(originalTables.sessions);
		expect(after.agendaItems.filter((s) => s.sessionId === id)).toEqual(originalTables.agendaItems);
	});

	it('writes nothing when the restore itself fails', async () => {
		const id = await seedSession();
		const backup = valid((await exportBackup(id, '1.0.0'))!.text);
		await emptyDevice();
		// An agenda item id already used by another session makes the transaction fail midway.
		const other = await createSession(newSessionPlan('fi', 'Toinen'));
		await db().agendaItems.add({ ...backup.parts.agenda[3], sessionId: other.id });
		const before = await snapshot();
		await expect(restoreBackup(backup)).rejects.toThrow();
		expect(await snapshot()).toBe(before);
	});
});
