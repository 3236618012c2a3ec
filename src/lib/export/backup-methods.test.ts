import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionMaps } from '../board/doc';
import { publishActivities } from '../board/facilitation';
import { readActivities } from '../board/read';
import { actor } from '../board/test-board';
import { readMethodLibrary } from '../methods/read-files.node';
import type { Method } from '../methods/types';
import { newSessionPlan } from '../session/plan';
import { getCustomMethod, listCustomMethods, saveCustomMethod } from '../storage/custom-methods';
import { db } from '../storage/db';
import { openSessionDoc } from '../storage/session-doc';
import { appendAgendaItem, createSession, listAgenda } from '../storage/sessions';
import { exportBackup, parseBackup, restoreBackup, type BackupFile, type ValidBackup } from './backup';
import { buildSummary } from './summary-model';

const [builtIn] = readMethodLibrary(fileURLToPath(new URL('../../../workshops', import.meta.url)));

/** A facilitator's own method, named unlike any agenda title (a summary without the method falls
 * back to the item's title). */
function ownMethod(name = 'Oma menetelmä'): Method {
	const method = structuredClone(builtIn);
	method.id = 'oma-menetelma-own-abc123';
	method.name = { fi: name, sv: `${name} (sv)`, en: `${name} (en)` };
	return method;
}

/** A session planned with an own method and a built-in one, its boards published. */
async function seedSession(method: Method): Promise<string> {
	await saveCustomMethod(method, builtIn.id);
	const session = await createSession(newSessionPlan('fi', 'Oman menetelmän työpaja'));
	const items = [
		await appendAgendaItem(session.id, {
			kind: 'method',
			methodId: method.id,
			title: 'Ensimmäinen harjoitus',
			minutes: 20,
			prompt: '',
			board: method.board
		}),
		await appendAgendaItem(session.id, {
			kind: 'method',
			methodId: builtIn.id,
			title: 'Toinen harjoitus',
			minutes: 20,
			prompt: '',
			board: builtIn.board
		})
	];
	const open = (await openSessionDoc(session.id))!;
	publishActivities(open.doc, actor(session.participantId, 'facilitator'), items.map(activityInput));
	await persisted(session.id);
	open.release();
	return session.id;
}

const activityInput = (item: Awaited<ReturnType<typeof appendAgendaItem>>) => ({
	id: item.id,
	kind: item.kind,
	title: item.title,
	prompt: item.prompt,
	methodId: item.methodId,
	minutes: item.minutes,
	board: item.board!
});

/** Waits until y-dexie has written the document (it writes asynchronously). */
async function persisted(sessionId: string): Promise<void> {
	for (let i = 0; i < 100; i++) {
		const parsed = parseBackup((await exportBackup(sessionId, 'test'))!.text);
		if (parsed.ok && docActivities(parsed.backup).length > 0) return;
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	throw new Error('document was not persisted');
}

function docActivities(backup: ValidBackup) {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, backup.parts.update);
	const activities = readActivities(sessionMaps(doc));
	doc.destroy();
	return activities;
}

function valid(text: string): ValidBackup {
	const parsed = parseBackup(text);
	if (!parsed.ok) throw new Error(`refused: ${JSON.stringify(parsed.problem)}`);
	return parsed.backup;
}

/** The PDF summary's content for a stored session, with method names as the export page gives
 * them: every method in the library (own ones from storage) in the session's language. */
async function summaryOf(sessionId: string) {
	const text = (await exportBackup(sessionId, 'test'))!.text;
	const { parts } = valid(text);
	const own = await listCustomMethods();
	const methodNames = Object.fromEntries(
		[builtIn, ...own.map((row) => row.method)].map((m) => [m.id, m.name[parts.session.language]])
	);
	const doc = new Y.Doc();
	Y.applyUpdate(doc, parts.update);
	const model = buildSummary({ session: parts.session, agenda: parts.agenda, doc, methodNames });
	doc.destroy();
	return model;
}

async function emptyDevice(): Promise<void> {
	await db().delete();
	await db().open();
}

beforeEach(emptyDevice);
afterEach(() => db().close());

describe('own methods travel in the backup', () => {
	it('carries the own methods the session uses, and a restore on a fresh device names them in the summary', async () => {
		const method = ownMethod();
		const id = await seedSession(method);
		// An own method the session does not use stays out of its backup.
		await saveCustomMethod({ ...ownMethod('Käyttämätön'), id: 'kayttamaton-own-zzz999' });
		const text = (await exportBackup(id, '1.0.0'))!.text;
		const file = JSON.parse(text) as BackupFile;
		expect(file.version).toBe(2);
		expect(file.methods.map((m) => m.method.id)).toEqual([method.id]);
		expect(file.methods[0]).toMatchObject({
			basedOn: builtIn.id,
			method: { board: { timerMinutes: expect.any(Number) } }
		});

		await emptyDevice();
		expect(await restoreBackup(valid(text))).toMatchObject({ kind: 'added', sessionId: id });
		expect(await getCustomMethod(method.id)).toMatchObject({ method, basedOn: builtIn.id });
		const summary = await summaryOf(id);
		expect(summary.methods).toEqual(['Oma menetelmä', builtIn.name.fi]);
		expect(summary.activities[0].methodName).toBe('Oma menetelmä');
	});

	it('keeps both when this device has a different method of the same id, and the restored session names its own', async () => {
		const id = await seedSession(ownMethod());
		const text = (await exportBackup(id, '1.0.0'))!.text;
		await emptyDevice();
		// Another device made a different method that happens to have the same id.
		const theirs = ownMethod('Toisen laitteen menetelmä');
		await saveCustomMethod(theirs);

		const outcome = await restoreBackup(valid(text));
		expect(outcome.kind).toBe('added');
		const own = await listCustomMethods();
		expect(own.map((row) => row.method.name.fi).sort()).toEqual(['Oma menetelmä', 'Toisen laitteen menetelmä']);
		expect((await getCustomMethod(theirs.id))!.method).toEqual(theirs);
		const copy = own.find((row) => row.method.name.fi === 'Oma menetelmä')!;
		expect(copy.id).not.toBe(theirs.id);
		expect(copy.method.id).toBe(copy.id);
		// Agenda and document point at the copy, so the summary names the method the session used.
		expect((await listAgenda(id))[0].methodId).toBe(copy.id);
		const restored = valid((await exportBackup(id, '1.0.0'))!.text);
		expect(docActivities(restored)[0].methodId).toBe(copy.id);
		expect((await summaryOf(id)).activities[0].methodName).toBe('Oma menetelmä');
	});

	it('adds nothing when this device already has the same method', async () => {
		const method = ownMethod();
		const id = await seedSession(method);
		const text = (await exportBackup(id, '1.0.0'))!.text;
		const outcome = await restoreBackup(valid(text), 'keep-both');
		expect(outcome.kind).toBe('copied');
		expect((await listCustomMethods()).map((row) => row.id)).toEqual([method.id]);
		expect((await listAgenda(outcome.sessionId))[0].methodId).toBe(method.id);
	});

	it('refuses a backup whose method is broken, naming the field, and changes nothing', async () => {
		const id = await seedSession(ownMethod());
		const file = JSON.parse((await exportBackup(id, '1.0.0'))!.text) as BackupFile;
		file.methods[0].method.name.sv = '';
		expect(parseBackup(JSON.stringify(file))).toEqual({
			ok: false,
			problem: { kind: 'invalid-field', field: 'methods[0].method.name.sv' }
		});
		file.methods[0].method = 'not a method' as never;
		expect(parseBackup(JSON.stringify(file))).toEqual({
			ok: false,
			problem: { kind: 'invalid-field', field: 'methods[0].method' }
		});
	});

	it('still reads a version 1 backup (written by the version 1 app), which carries no methods', async () => {
		const text = readFileSync(new URL('./testing/backup-v1.json', import.meta.url), 'utf8');
		expect(JSON.parse(text)).toMatchObject({ version: 1 });
		const backup = valid(text);
		expect(backup.version).toBe(1);
		expect(backup.parts.methods).toEqual([]);
		expect(await restoreBackup(backup)).toMatchObject({ kind: 'added', sessionId: 'session-1' });
		expect(await listAgenda('session-1')).toHaveLength(6);
		const again = valid((await exportBackup('session-1', '1.0.0'))!.text);
		expect(docActivities(again)).toHaveLength(6);
	});
});
