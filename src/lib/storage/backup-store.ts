/**
 * Reading a whole session out of the database for a backup, and writing a restored one in.
 *
 * Why this shape: a backup must move a session between devices without loss, and a restore must
 * either land completely or not at all — a half-imported session (its plan without its boards)
 * would be worse than none. So each restore is one Dexie transaction over every table it
 * touches, the session's Yjs state included:
 *
 * - a new session is added with its document as a `Y.Doc` property: y-dexie's middleware writes
 *   the document's state into its updates table inside the same transaction;
 * - a merge appends the backup's state as one more row of the session's document updates (the
 *   `YUpdateRow` shape y-dexie itself writes). Yjs merges it with what the device has — a CRDT
 *   merge, whatever order the edits happened in — and any page that has the document open
 *   receives it through y-dexie's live query.
 *
 * The facilitator's own methods the session uses travel with it (a restored session's summary
 * names its methods): they are written in the same transaction, as rows `planMethodRows` decided.
 *
 * Validation happens before anything here is called (see `export/backup.ts`): these functions
 * trust their input.
 */
import * as Y from 'yjs';
import { sessionMaps } from '../board/doc';
import { readActivities } from '../board/read';
import type { Method } from '../methods/types';
import type { AgendaItem, SessionSummary } from '../session/types';
import { checkedRow } from './custom-methods';
import { db, type SessionRow } from './db';
import type { StoredMethod } from './stored-method';

/** One of the facilitator's own methods, as a backup carries it. */
export interface CarriedMethod {
	method: Method;
	basedOn?: string;
}

export interface SessionParts {
	session: SessionSummary;
	agenda: AgendaItem[];
	/** Notes this device wrote (kept on the device only). */
	ownNotes: string[];
	/** The shared document's whole state, as `Y.encodeStateAsUpdate` gives it. */
	update: Uint8Array;
	/** The own methods (not built-in ones) that the agenda or the document names. */
	methods: CarriedMethod[];
}

export class SessionExistsError extends Error {
	constructor(readonly sessionId: string) {
		super(`session ${sessionId} already exists`);
	}
}

function updatesTable(): string {
	const name = db().sessions.schema.yProps?.find((p) => p.prop === 'doc')?.updatesTable;
	if (!name) throw new Error('the sessions table has no Y.Doc property');
	return name;
}

/** Everything of a session on this device, read in one transaction; null when there is none. */
export async function readSessionParts(sessionId: string): Promise<SessionParts | null> {
	const d = db();
	const updates = d.table(updatesTable());
	return d.transaction('r', [d.sessions, d.agendaItems, d.ownNotes, d.customMethods, updates], async () => {
		const row = await d.sessions.get(sessionId);
		if (!row) return null;
		const agenda = await d.agendaItems
			.where('[sessionId+position]')
			.between([sessionId, -Infinity], [sessionId, Infinity])
			.toArray();
		const own = await d.ownNotes.where('sessionId').equals(sessionId).toArray();
		const rows = (await updates.where('k').equals(sessionId).toArray()) as { u: Uint8Array }[];
		// The stored rows are y-dexie's (V2) updates; applied to a scratch document they give the
		// same state the app would load, encoded once in the standard (V1) format.
		const doc = new Y.Doc();
		for (const update of rows) Y.applyUpdateV2(doc, update.u);
		const state = Y.encodeStateAsUpdate(doc);
		const methodIds = new Set([
			...agenda.map((item) => item.methodId),
			...readActivities(sessionMaps(doc)).map((activity) => activity.methodId)
		]);
		doc.destroy();
		const ids = [...methodIds].filter((id): id is string => id !== undefined).sort();
		const stored = await d.customMethods.bulkGet(ids);
		return {
			session: { ...row },
			agenda,
			ownNotes: own.map((r) => r.noteId).sort(),
			update: state,
			methods: stored
				.map((row) => row && checkedRow(row))
				.filter((row): row is StoredMethod => !!row)
				.map(({ method, basedOn }) => (basedOn === undefined ? { method } : { method, basedOn }))
		};
	});
}

export async function sessionExists(sessionId: string): Promise<boolean> {
	return (await db().sessions.where('id').equals(sessionId).count()) > 0;
}

/** Adds a restored session as a new one, all or nothing, with the own methods to add (see
 * `planMethodRows`). Refuses (SessionExistsError) if the id is taken, so that a restore never
 * overwrites a session silently. */
export async function addRestoredSession(parts: SessionParts, methods: StoredMethod[] = []): Promise<void> {
	const d = db();
	const doc = new Y.Doc();
	Y.applyUpdate(doc, parts.update);
	const tables = [d.sessions, d.agendaItems, d.ownNotes, d.customMethods, d.table(updatesTable())];
	try {
		await d.transaction('rw', tables, async () => {
			if (await d.sessions.get(parts.session.id)) throw new SessionExistsError(parts.session.id);
			await d.sessions.add({ ...parts.session, doc } as SessionRow);
			await d.agendaItems.bulkAdd(parts.agenda.map((item) => ({ ...item, sessionId: parts.session.id })));
			await d.ownNotes.bulkPut(parts.ownNotes.map((noteId) => ({ sessionId: parts.session.id, noteId })));
			// `add`, not `put`: a method saved meanwhile under the same id fails the restore, never overwritten.
			await d.customMethods.bulkAdd(methods);
		});
	} finally {
		doc.destroy();
	}
}

/**
 * Merges a backup into the session of the same id on this device: the shared document by CRDT
 * merge, the agenda by adding the items this device lacks (by id), own-note marks by union, and
 * the own methods `planMethodRows` decided to add. The device's plan fields are kept as they are.
 * All or nothing.
 */
export async function mergeRestoredSession(
	parts: SessionParts,
	methods: StoredMethod[] = []
): Promise<{ addedItems: number }> {
	const d = db();
	const updates = d.table(updatesTable());
	const id = parts.session.id;
	return d.transaction('rw', [d.sessions, d.agendaItems, d.ownNotes, d.customMethods, updates], async () => {
		const existing = await d.sessions.get(id);
		if (!existing) throw new Error(`session ${id} is not on this device`);
		const known = new Set((await d.agendaItems.where('sessionId').equals(id).toArray()).map((item) => item.id));
		const taken = new Set(
			(await d.agendaItems.bulkGet(parts.agenda.map((item) => item.id))).filter((item) => item).map((item) => item!.id)
		);
		const missing = parts.agenda.filter((item) => !known.has(item.id) && !taken.has(item.id));
		await d.agendaItems.bulkAdd(missing.map((item) => ({ ...item, sessionId: id })));
		await d.ownNotes.bulkPut(parts.ownNotes.map((noteId) => ({ sessionId: id, noteId })));
		await updates.add({ k: id, u: Y.convertUpdateFormatV1ToV2(parts.update), f: 1 });
		await d.customMethods.bulkAdd(methods);
		await d.sessions.update(id, { updatedAt: Date.now() });
		return { addedItems: missing.length };
	});
}
