/**
 * The one IndexedDB database of Kohtaamo, and the only module that imports Dexie.
 *
 * Why this shape: everything a facilitator or participant writes must survive a reload, a closed
 * tab or a crash on a device that may never see the internet. Plans and settings are small rows;
 * each session's shared Yjs document is a y-dexie `Y.Doc` property, stored as a log of updates
 * (compacted by y-dexie, away from gestures: `compaction.ts`) so that every keystroke is durable
 * on its own.
 *
 * Versions (never edit a released version; add one with an `upgrade`):
 *  1. `sessions` with the agenda inside each row, `settings`.
 *  2. agenda items in their own table (reordering writes one row, not the whole plan), custom
 *     methods, the session's Yjs document, the notes this device wrote, and fields for running a
 *     workshop (this device's participant id and nickname).
 *  3. the facilitator's own workshop templates (a new table; nothing to migrate).
 *  4. visitor comment stations and the notes written on them (new tables; nothing to migrate).
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import yDexie from 'y-dexie';
import type * as Y from 'yjs';
import { newRoomKey, randomToken } from '../session/ids';
import type { AgendaItem, SessionSummary } from '../session/types';
import type { StoredMethod } from './stored-method';
import type { StoredTemplate } from './stored-template';
import type { StationNoteRow, StationRow } from './station-rows';
import { compactInBackground } from './compaction';

export const DB_NAME = 'kohtaamo';

export interface SessionRow extends SessionSummary {
	/** The session's shared document (boards, run state). Loaded with `DexieYProvider`. */
	doc: Y.Doc;
}

export interface SettingRow {
	key: string;
	value: unknown;
}

/** A note this device wrote: ownership stays on the writer's device, never in the shared
 * document, so anonymous sessions carry no trace of who wrote what. */
export interface OwnNoteRow {
	sessionId: string;
	noteId: string;
}

export type KohtaamoDb = Dexie & {
	sessions: EntityTable<SessionRow, 'id'>;
	ownNotes: Table<OwnNoteRow, [string, string]>;
	agendaItems: EntityTable<AgendaItem, 'id'>;
	customMethods: EntityTable<StoredMethod, 'id'>;
	ownTemplates: EntityTable<StoredTemplate, 'id'>;
	settings: Table<SettingRow, string>;
	stations: EntityTable<StationRow, 'id'>;
	stationNotes: EntityTable<StationNoteRow, 'id'>;
};

/** The version-1 session row, kept to migrate from. */
interface SessionRowV1 {
	id: string;
	title: string;
	createdAt: number;
	updatedAt: number;
	agenda?: { id: string; methodId?: string; title: string; minutes: number }[];
	[key: string]: unknown;
}

export const SCHEMA_V1 = {
	sessions: 'id, updatedAt',
	settings: 'key'
};

export const SCHEMA_V2 = {
	sessions: 'id, updatedAt, date, role, doc: Y.Doc',
	agendaItems: 'id, sessionId, [sessionId+position]',
	customMethods: 'id, updatedAt',
	ownNotes: '[sessionId+noteId], sessionId',
	settings: 'key'
};

export const SCHEMA_V3 = { ...SCHEMA_V2, ownTemplates: 'id, updatedAt' };

export const SCHEMA_V4 = { ...SCHEMA_V3, stations: 'id, sessionId', stationNotes: 'id, stationId' };

export function openDb(name = DB_NAME): KohtaamoDb {
	// y-dexie's own compaction timer is off: `compaction.ts` runs it away from gestures.
	const db = new Dexie(name, { addons: [yDexie({ gc: false }) as (db: Dexie) => void] }) as KohtaamoDb;
	db.version(1).stores(SCHEMA_V1);
	db.version(2)
		.stores(SCHEMA_V2)
		.upgrade(async (tx) => {
			const items: AgendaItem[] = [];
			await tx
				.table('sessions')
				.toCollection()
				.modify((row: SessionRowV1) => {
					(row.agenda ?? []).forEach((entry, index) =>
						items.push({
							id: entry.id,
							sessionId: row.id,
							position: index + 1,
							kind: entry.methodId ? 'method' : 'blank',
							methodId: entry.methodId,
							title: entry.title,
							minutes: entry.minutes,
							prompt: ''
						})
					);
					delete row.agenda;
					Object.assign(row, { ...sessionDefaults(row.id), ...row });
				});
			await tx.table('agendaItems').bulkAdd(items);
		});
	db.version(3).stores(SCHEMA_V3);
	db.version(4).stores(SCHEMA_V4);
	return db;
}

/**
 * Fields a version-1 session did not have, with the values a new session started with when
 * version 2 shipped. Spelt out rather than taken from `newSessionPlan`: a migration must keep
 * doing what it did, whatever later versions give new sessions.
 */
function sessionDefaults(id: string): Omit<SessionSummary, 'title' | 'createdAt' | 'updatedAt'> {
	return {
		id,
		role: 'facilitator',
		organisation: '',
		date: '',
		startTime: '',
		place: '',
		goal: '',
		groups: [],
		language: 'fi',
		availableMinutes: 120,
		anonymous: false,
		room: newRoomKey(),
		participantId: randomToken(12)
	};
}

let shared: KohtaamoDb | undefined;
/** The app's database, opened on first use. */
export function db(): KohtaamoDb {
	if (!shared) {
		shared = openDb();
		compactInBackground(shared);
	}
	return shared;
}
