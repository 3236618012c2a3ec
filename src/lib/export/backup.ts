/**
 * A whole session as one versioned JSON file, and restoring it — on another device to continue
 * there, or on this one after a mishap.
 *
 * File: `{format: 'kohtaamo-session', version: 1, exportedAt, app: {version}, session, agenda,
 * ownNotes, doc}` where `doc` is the shared Yjs document's whole state (`Y.encodeStateAsUpdate`,
 * base64). It includes the room's secret, so that a facilitator who moves to another laptop keeps
 * the join link working: the file is to be kept like a password.
 *
 * A file to restore is untrusted: it may be another program's JSON, cut off by a failed copy,
 * edited by hand, or made to break things. Everything is checked here, at the edge — size, JSON,
 * format and version, every field of the plan and agenda, and the document, which is applied to a
 * scratch Y.Doc and read back through the board's readers — before anything is written. A refusal
 * names the problem, and nothing on the device changes.
 */
import * as Y from 'yjs';
import { isFromNewerVersion, sessionMaps } from '../board/doc';
import { readActivities, readMeta, readNotes, readParticipants } from '../board/read';
import { MAX_NICKNAME_LENGTH } from '../board/types';
import type { MessageKey } from '../i18n/catalog';
import { isLocale } from '../i18n/locales';
import type { Translate } from '../i18n/translate';
import { parseBoardSpec } from '../methods/board-spec';
import { AUDIENCES, type Audience } from '../methods/types';
import { parseClock } from '../session/plan';
import type { AgendaItem, AgendaKind, SessionSummary } from '../session/types';
import {
	addRestoredSession,
	mergeRestoredSession,
	readSessionParts,
	sessionExists,
	type SessionParts
} from '../storage/backup-store';
import { fromBase64, toBase64 } from '../sync/bytes';
import { copyOfParts } from './backup-copy';
import { exportFileName } from './file-names';

export const BACKUP_FORMAT = 'kohtaamo-session';
export const BACKUP_VERSION = 1;
/** Far above any real session (2,000 notes are ≈ 0.4 MB of base64), far below what would strain
 * a phone's memory while parsing. */
export const MAX_BACKUP_BYTES = 25 * 1024 * 1024;

export interface BackupFile {
	format: typeof BACKUP_FORMAT;
	version: typeof BACKUP_VERSION;
	exportedAt: string;
	app: { version: string };
	session: SessionSummary;
	agenda: AgendaItem[];
	ownNotes: string[];
	doc: string;
}

export type BackupProblem =
	| { kind: 'too-large'; size: number }
	| { kind: 'empty' }
	| { kind: 'unreadable' }
	| { kind: 'not-json' }
	| { kind: 'truncated' }
	| { kind: 'foreign' }
	| { kind: 'newer-version'; version: number }
	| { kind: 'unsupported-version'; version: string }
	| { kind: 'invalid-field'; field: string }
	| { kind: 'doc-unreadable' }
	| { kind: 'doc-incomplete' }
	| { kind: 'doc-newer' };

export interface ValidBackup {
	parts: SessionParts;
	exportedAt: string;
	appVersion: string;
}

export type BackupRead = { ok: true; backup: ValidBackup } | { ok: false; problem: BackupProblem };

// --- export ---------------------------------------------------------------------------------

export function serializeBackup(parts: SessionParts, appVersion: string, exportedAt: number): string {
	const file: BackupFile = {
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		exportedAt: new Date(exportedAt).toISOString(),
		app: { version: appVersion },
		session: parts.session,
		agenda: parts.agenda,
		ownNotes: parts.ownNotes,
		doc: toBase64(parts.update)
	};
	return `${JSON.stringify(file, null, 2)}\n`;
}

/** The backup of a session on this device as file text and name; null when there is no such session. */
export async function exportBackup(
	sessionId: string,
	appVersion: string,
	now = Date.now()
): Promise<{ text: string; fileName: string } | null> {
	const parts = await readSessionParts(sessionId);
	if (!parts) return null;
	return {
		text: serializeBackup(parts, appVersion, now),
		fileName: exportFileName(parts.session.title, 'backup', 'json', now)
	};
}

// --- reading and checking -------------------------------------------------------------------

export async function readBackupFile(file: Blob): Promise<BackupRead> {
	if (file.size > MAX_BACKUP_BYTES) return refuse({ kind: 'too-large', size: file.size });
	let text: string;
	try {
		text = await file.text();
	} catch {
		return refuse({ kind: 'unreadable' });
	}
	return parseBackup(text);
}

const refuse = (problem: BackupProblem): BackupRead => ({ ok: false, problem });

class Invalid extends Error {
	constructor(readonly field: string) {
		super(`invalid field ${field}`);
	}
}

export function parseBackup(text: string): BackupRead {
	if (text.length > MAX_BACKUP_BYTES) return refuse({ kind: 'too-large', size: text.length });
	if (text.trim() === '') return refuse({ kind: 'empty' });
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		// A file that names our format but does not parse was cut short (or damaged) on its way.
		return refuse({ kind: text.includes(`"${BACKUP_FORMAT}"`) ? 'truncated' : 'not-json' });
	}
	if (!isRecord(data) || data.format !== BACKUP_FORMAT) return refuse({ kind: 'foreign' });
	const version = data.version;
	if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION)
		return refuse({ kind: 'newer-version', version });
	if (version !== BACKUP_VERSION) return refuse({ kind: 'unsupported-version', version: String(version).slice(0, 20) });

	let parts: Omit<SessionParts, 'update'>;
	let exportedAt: string;
	let appVersion: string;
	try {
		exportedAt = isoTime(data.exportedAt, 'exportedAt');
		appVersion = str(isRecord(data.app) ? data.app.version : undefined, 'app.version', 1, 50);
		const session = readSession(data.session);
		parts = {
			session,
			agenda: readAgenda(data.agenda, session.id),
			ownNotes: readOwnNotes(data.ownNotes)
		};
	} catch (error) {
		if (error instanceof Invalid) return refuse({ kind: 'invalid-field', field: error.field });
		throw error;
	}

	const update = fromBase64(data.doc, Math.ceil((MAX_BACKUP_BYTES * 4) / 3));
	if (!update || update.length === 0) return refuse({ kind: 'invalid-field', field: 'doc' });
	const checked = checkDoc(update);
	if (checked) return refuse(checked);
	return { ok: true, backup: { parts: { ...parts, update }, exportedAt, appVersion } };
}

/** Applies the state to a scratch document and reads it back as the app would. */
function checkDoc(update: Uint8Array): BackupProblem | null {
	const doc = new Y.Doc();
	try {
		try {
			Y.applyUpdate(doc, update);
		} catch {
			return { kind: 'doc-unreadable' };
		}
		// A cut or spliced update decodes partly: what it lacks stays pending, never integrated.
		if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) return { kind: 'doc-incomplete' };
		if (isFromNewerVersion(doc)) return { kind: 'doc-newer' };
		try {
			const maps = sessionMaps(doc);
			readMeta(maps);
			readActivities(maps);
			readNotes(maps);
			readParticipants(maps);
		} catch {
			return { kind: 'doc-unreadable' };
		}
		return null;
	} finally {
		doc.destroy();
	}
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const ID = /^[A-Za-z0-9_-]{1,100}$/;
const TOKEN = /^[A-Za-z0-9_-]{8,200}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const KINDS: readonly AgendaKind[] = ['method', 'blank', 'break'];

function str(value: unknown, field: string, min: number, max: number): string {
	if (typeof value !== 'string' || value.length < min || value.length > max) throw new Invalid(field);
	return value;
}
function optionalText(value: unknown, field: string, max: number): string | undefined {
	return value === undefined ? undefined : str(value, field, 0, max);
}
function pattern(value: unknown, field: string, re: RegExp): string {
	if (typeof value !== 'string' || !re.test(value)) throw new Invalid(field);
	return value;
}
function time(value: unknown, field: string): number {
	if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 8.64e15) throw new Invalid(field);
	return value;
}
function optionalTime(value: unknown, field: string): number | undefined {
	return value === undefined ? undefined : time(value, field);
}
function isoTime(value: unknown, field: string): string {
	if (typeof value !== 'string' || value.length > 40 || Number.isNaN(Date.parse(value))) throw new Invalid(field);
	return value;
}
function number(value: unknown, field: string, min: number, max: number): number {
	if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) throw new Invalid(field);
	return value;
}
function audience(value: unknown, field: string): Audience {
	if (!AUDIENCES.includes(value as Audience)) throw new Invalid(field);
	return value as Audience;
}

function readSession(value: unknown): SessionSummary {
	if (!isRecord(value)) throw new Invalid('session');
	const v = value;
	const f = (name: string) => `session.${name}`;
	const date = str(v.date, f('date'), 0, 10);
	if (date !== '' && (!DAY.test(date) || Number.isNaN(Date.parse(date)))) throw new Invalid(f('date'));
	const startTime = str(v.startTime, f('startTime'), 0, 5);
	if (startTime !== '' && parseClock(startTime) === null) throw new Invalid(f('startTime'));
	if (!Array.isArray(v.groups) || v.groups.length > AUDIENCES.length) throw new Invalid(f('groups'));
	const groups = v.groups.map((g, i) => audience(g, `${f('groups')}[${i}]`));
	if (new Set(groups).size !== groups.length) throw new Invalid(f('groups'));
	if (!isLocale(v.language)) throw new Invalid(f('language'));
	if (v.role !== 'facilitator' && v.role !== 'participant') throw new Invalid(f('role'));
	if (typeof v.anonymous !== 'boolean') throw new Invalid(f('anonymous'));
	if (!isRecord(v.room)) throw new Invalid(f('room'));
	const session: SessionSummary = {
		id: pattern(v.id, f('id'), ID),
		role: v.role,
		title: str(v.title, f('title'), 0, 200),
		organisation: str(v.organisation, f('organisation'), 0, 200),
		date,
		startTime,
		place: str(v.place, f('place'), 0, 200),
		goal: str(v.goal, f('goal'), 0, 5000),
		groups,
		language: v.language,
		availableMinutes: number(v.availableMinutes, f('availableMinutes'), 0, 24 * 60),
		anonymous: v.anonymous,
		room: {
			name: pattern(v.room.name, f('room.name'), TOKEN),
			secret: pattern(v.room.secret, f('room.secret'), TOKEN)
		},
		participantId: pattern(v.participantId, f('participantId'), ID),
		createdAt: time(v.createdAt, f('createdAt')),
		updatedAt: time(v.updatedAt, f('updatedAt'))
	};
	const nickname = optionalText(v.nickname, f('nickname'), MAX_NICKNAME_LENGTH);
	if (nickname !== undefined) session.nickname = nickname;
	if (v.group !== undefined) session.group = audience(v.group, f('group'));
	const closingNotes = optionalText(v.closingNotes, f('closingNotes'), 5000);
	if (closingNotes !== undefined) session.closingNotes = closingNotes;
	return session;
}

const MAX_AGENDA = 200;

function readAgenda(value: unknown, sessionId: string): AgendaItem[] {
	if (!Array.isArray(value) || value.length > MAX_AGENDA) throw new Invalid('agenda');
	const seen = new Set<string>();
	return value.map((entry, i) => {
		const f = (name: string) => `agenda[${i}].${name}`;
		if (!isRecord(entry)) throw new Invalid(`agenda[${i}]`);
		const id = pattern(entry.id, f('id'), ID);
		if (seen.has(id)) throw new Invalid(f('id'));
		seen.add(id);
		if (entry.sessionId !== sessionId) throw new Invalid(f('sessionId'));
		if (!KINDS.includes(entry.kind as AgendaKind)) throw new Invalid(f('kind'));
		const item: AgendaItem = {
			id,
			sessionId,
			position: number(entry.position, f('position'), -1e9, 1e9),
			kind: entry.kind as AgendaKind,
			title: str(entry.title, f('title'), 0, 200),
			minutes: number(entry.minutes, f('minutes'), 0, 24 * 60),
			prompt: str(entry.prompt, f('prompt'), 0, 2000)
		};
		if (entry.methodId !== undefined) item.methodId = pattern(entry.methodId, f('methodId'), ID);
		if (entry.board !== undefined) {
			const board = parseBoardSpec(entry.board);
			if (!board) throw new Invalid(f('board'));
			item.board = board;
		}
		const startedAt = optionalTime(entry.startedAt, f('startedAt'));
		const endedAt = optionalTime(entry.endedAt, f('endedAt'));
		if (startedAt !== undefined) item.startedAt = startedAt;
		if (endedAt !== undefined) item.endedAt = endedAt;
		return item;
	});
}

function readOwnNotes(value: unknown): string[] {
	if (value === undefined) return [];
	if (!Array.isArray(value) || value.length > 20_000) throw new Invalid('ownNotes');
	return value.map((id, i) => pattern(id, `ownNotes[${i}]`, ID));
}

// --- restoring ------------------------------------------------------------------------------

export type RestoreChoice = 'merge' | 'keep-both';

export type RestoreOutcome =
	| { kind: 'added'; sessionId: string; title: string }
	| { kind: 'merged'; sessionId: string; title: string }
	| { kind: 'copied'; sessionId: string; title: string }
	/** The session is already on this device: ask which to do, then call again with a choice. */
	| { kind: 'exists'; sessionId: string; title: string };

/** Restores a checked backup. Without a choice, a session that already exists is not touched. */
export async function restoreBackup(backup: ValidBackup, choice?: RestoreChoice): Promise<RestoreOutcome> {
	const { parts } = backup;
	const { id, title } = parts.session;
	if (!(await sessionExists(id))) {
		await addRestoredSession(parts);
		return { kind: 'added', sessionId: id, title };
	}
	if (choice === 'merge') {
		await mergeRestoredSession(parts);
		return { kind: 'merged', sessionId: id, title };
	}
	if (choice === 'keep-both') {
		const copy = copyOfParts(parts);
		await addRestoredSession(copy);
		return { kind: 'copied', sessionId: copy.session.id, title: copy.session.title };
	}
	return { kind: 'exists', sessionId: id, title };
}

/** The problem in words, in the interface language. */
export function describeProblem(problem: BackupProblem, t: Translate, locale: string): string {
	switch (problem.kind) {
		case 'too-large':
			return t('backup.problem.too-large', {
				size: megabytes(problem.size, locale),
				limit: megabytes(MAX_BACKUP_BYTES, locale)
			});
		case 'newer-version':
			return t('backup.problem.newer-version', { version: problem.version });
		case 'unsupported-version':
			return t('backup.problem.unsupported-version', { version: problem.version });
		case 'invalid-field':
			return t('backup.problem.invalid-field', { field: problem.field });
		default:
			return t(`backup.problem.${problem.kind}` as MessageKey);
	}
}

const megabytes = (bytes: number, locale: string) =>
	`${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1_000_000)} MB`;
