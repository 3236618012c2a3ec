import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addNote } from './commands';
import { documentVersion, isFromNewerVersion, migrateDoc, SCHEMA_VERSION, sessionMaps } from './doc';
import { setPhase, writeSessionMeta } from './facilitation';
import { readMeta } from './read';
import { startTimer } from './timer';
import { actor, createTestBoard } from './test-board';

/** What an app of version 1 wrote when it opened a document (its `migrateDoc` and its
 * `writeSessionMeta`, run on every run-page mount): one last-writer-wins key. */
const versionOneOpens = (doc: Y.Doc) => sessionMaps(doc).meta.set('schema', 1);

/** What a later app records when it opens a document, by the rule this version introduces. */
const laterVersionOpens = (doc: Y.Doc, version: number) => sessionMaps(doc).versions.set(String(version), true);

const withClient = (clientID: number) => {
	const doc = new Y.Doc();
	doc.clientID = clientID;
	return doc;
};

/** Delivers a's changes to b, then b's to a. */
function exchange(a: Y.Doc, b: Y.Doc) {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'remote');
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b), 'remote');
}

describe('migrateDoc', () => {
	const cases: {
		name: string;
		prepare: (doc: Y.Doc) => void;
		found: number;
		after: number;
		writes: boolean;
	}[] = [
		{ name: 'an empty document', prepare: () => {}, found: 0, after: SCHEMA_VERSION, writes: true },
		{ name: 'a version 1 document', prepare: versionOneOpens, found: 1, after: SCHEMA_VERSION, writes: true },
		{
			name: 'a current document',
			prepare: (doc) => laterVersionOpens(doc, SCHEMA_VERSION),
			found: SCHEMA_VERSION,
			after: SCHEMA_VERSION,
			writes: false
		},
		{
			name: 'a document a newer app has opened',
			prepare: (doc) => laterVersionOpens(doc, SCHEMA_VERSION + 1),
			found: SCHEMA_VERSION + 1,
			after: SCHEMA_VERSION + 1,
			writes: false
		},
		{
			name: 'a version 1 document from a newer app without `versions`',
			prepare: (doc) => sessionMaps(doc).meta.set('schema', SCHEMA_VERSION + 5),
			found: SCHEMA_VERSION + 5,
			after: SCHEMA_VERSION + 5,
			writes: false
		},
		{
			name: 'a document with garbage version keys',
			prepare: (doc) => {
				laterVersionOpens(doc, SCHEMA_VERSION);
				sessionMaps(doc).versions.set('nine', true);
				sessionMaps(doc).versions.set('1e99', true);
				sessionMaps(doc).versions.set('-4', true);
				sessionMaps(doc).meta.set('schema', 'x');
			},
			found: SCHEMA_VERSION,
			after: SCHEMA_VERSION,
			writes: false
		}
	];

	it.each(cases)('$name: finds $found, leaves version $after', ({ prepare, found, after, writes }) => {
		const doc = new Y.Doc();
		prepare(doc);
		const before = Y.encodeStateVector(doc);
		const metaBefore = sessionMaps(doc).meta.toJSON();
		expect(migrateDoc(doc)).toBe(found);
		expect(documentVersion(doc)).toBe(after);
		expect(readMeta(sessionMaps(doc)).schema).toBe(after);
		// Migrations only add: nothing an older device wrote is changed or removed.
		expect(sessionMaps(doc).meta.toJSON()).toEqual(metaBefore);
		if (writes) expect(sessionMaps(doc).versions.get(String(SCHEMA_VERSION))).toBe(true);
		else expect(Y.encodeStateVector(doc)).toEqual(before);
	});

	it('is idempotent: opening again writes nothing', () => {
		const doc = new Y.Doc();
		migrateDoc(doc);
		const before = Y.encodeStateVector(doc);
		migrateDoc(doc);
		expect(Y.encodeStateVector(doc)).toEqual(before);
	});
});

describe('versions only go up', () => {
	// Both last-writer-wins outcomes (Yjs breaks ties by client id) and both delivery orders.
	const orders = [
		{ name: 'old device has the higher client id, old first', oldClient: 900, newClient: 100, oldFirst: true },
		{ name: 'old device has the higher client id, new first', oldClient: 900, newClient: 100, oldFirst: false },
		{ name: 'new device has the higher client id, old first', oldClient: 100, newClient: 900, oldFirst: true },
		{ name: 'new device has the higher client id, new first', oldClient: 100, newClient: 900, oldFirst: false }
	];

	it.each(orders)('a version 1 device opening at the same time as this one: $name', (order) => {
		const old = withClient(order.oldClient);
		const current = withClient(order.newClient);
		// Both open an empty document before their first sync.
		versionOneOpens(old);
		migrateDoc(current);
		if (order.oldFirst) exchange(old, current);
		else exchange(current, old);
		expect(documentVersion(current)).toBe(SCHEMA_VERSION);
		expect(documentVersion(old)).toBe(SCHEMA_VERSION);
		// The version 1 device keeps writing its key on every mount; the version does not drop.
		versionOneOpens(old);
		exchange(old, current);
		expect(readMeta(sessionMaps(current)).schema).toBe(SCHEMA_VERSION);
	});

	it.each(orders)('a newer device opening at the same time as this one: $name', (order) => {
		const current = withClient(order.oldClient);
		const newer = withClient(order.newClient);
		migrateDoc(current);
		laterVersionOpens(newer, SCHEMA_VERSION + 1);
		if (order.oldFirst) exchange(current, newer);
		else exchange(newer, current);
		// This device opens the session again (a reload): still the newer version.
		migrateDoc(current);
		expect(documentVersion(current)).toBe(SCHEMA_VERSION + 1);
		expect(isFromNewerVersion(current)).toBe(true);
		expect(documentVersion(newer)).toBe(SCHEMA_VERSION + 1);
	});

	it('writing the session facts on every mount never writes a version', () => {
		const doc = new Y.Doc();
		laterVersionOpens(doc, SCHEMA_VERSION + 1);
		const facilitator = actor('f', 'facilitator');
		writeSessionMeta(doc, { title: 'Työpaja', language: 'fi', anonymous: false });
		expect(documentVersion(doc)).toBe(SCHEMA_VERSION + 1);
		expect(sessionMaps(doc).meta.has('schema')).toBe(false);
		expect(sessionMaps(doc).meta.has('title')).toBe(false);
		expect(setPhase(doc, facilitator, 'a1', 'vote')).toEqual({ ok: false, reason: 'read-only' });
	});
});

describe('a document from a newer version is read-only', () => {
	it('refuses every change with "read-only" and changes nothing', () => {
		const { doc, facilitator } = createTestBoard();
		const aino = actor('p1', 'participant', 'Aino');
		laterVersionOpens(doc, SCHEMA_VERSION + 1);
		const before = Y.encodeStateAsUpdate(doc);
		expect(addNote(doc, aino, { activityId: 'a1', text: 'Hei', color: 'yellow', zone: 'hopes' }, false)).toEqual({
			ok: false,
			reason: 'read-only'
		});
		expect(setPhase(doc, facilitator, 'a1', 'reveal')).toEqual({ ok: false, reason: 'read-only' });
		expect(startTimer(doc, facilitator, 1000)).toEqual({ ok: false, reason: 'read-only' });
		expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
	});
});
