/**
 * A whole session as one versioned JSON file, and restoring it — on another device to continue
 * there, or on this one after a mishap.
 *
 * File (version 2): `{format: 'kohtaamo-session', version: 2, exportedAt, app: {version}, session,
 * agenda, ownNotes, methods, doc}` where `doc` is the shared Yjs document's whole state
 * (`Y.encodeStateAsUpdate`, base64) and `methods` the facilitator's own methods the session uses,
 * each `{method, basedOn?}` with the method in the file shape of `workshops/` (a built-in method is
 * in every app; an own one exists only on the device that made it). Version 1 files (no `methods`)
 * are still read. The file includes the room's secret, so that a facilitator who moves to another
 * laptop keeps the join link working: it is to be kept like a password.
 *
 * A file to restore is untrusted: it may be another program's JSON, cut off by a failed copy,
 * edited by hand, or made to break things. Everything is checked here, at the edge — size, JSON,
 * format and version, every field of the plan and agenda (by the schemas below), every carried
 * method (by the method file schema), and the document, which is applied to a scratch Y.Doc and
 * read back through the board's readers — before anything is written. A refusal names the
 * problem, and nothing on the device changes.
 */
import * as v from 'valibot';
import * as Y from 'yjs';
import { isFromNewerVersion, sessionMaps } from '../board/doc';
import { readActivities, readMeta, readNotes, readParticipants } from '../board/read';
import { MAX_NICKNAME_LENGTH } from '../board/types';
import { fromBase64Url, isPublicKeyText, PRIVATE_KEY_BYTES } from '../session/keys/signing';
import type { MessageKey } from '../i18n/catalog';
import { LOCALES } from '../i18n/locales';
import type { Translate } from '../i18n/translate';
import { parseBoardSpec } from '../methods/board-spec';
import { methodToFileValue } from '../methods/file-shape';
import { issueField } from '../methods/issue-field';
import { MethodSchema } from '../methods/method-schema';
import { AUDIENCES } from '../methods/types';
import { parseClock } from '../session/plan';
import type { AgendaItem, SessionSummary } from '../session/types';
import {
	addRestoredSession,
	mergeRestoredSession,
	readSessionParts,
	sessionExists,
	type CarriedMethod,
	type SessionParts
} from '../storage/backup-store';
import { planMethodRows } from '../storage/custom-methods';
import { fromBase64, toBase64 } from '../sync/bytes';
import { copyOfParts, repointMethods } from './backup-copy';
import { exportFileName } from './file-names';

export const BACKUP_FORMAT = 'kohtaamo-session';
/** The version this app writes. Every older version stays readable (see `parseBackup`). */
export const BACKUP_VERSION = 2;
/** Far above any real session (2,000 notes are ≈ 0.4 MB of base64), far below what would strain
 * a phone's memory while parsing. */
export const MAX_BACKUP_BYTES = 25 * 1024 * 1024;

// --- the file's schema ----------------------------------------------------------------------

const ID = /^[A-Za-z0-9_-]{1,100}$/;
const TOKEN = /^[A-Za-z0-9_-]{8,200}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const MAX_AGENDA_ITEMS = 200;
export const MAX_OWN_NOTES = 20_000;
/** Own methods one backup may carry: one per agenda item at most. */
export const MAX_CARRIED_METHODS = MAX_AGENDA_ITEMS;

const id = v.pipe(v.string(), v.regex(ID));
const token = v.pipe(v.string(), v.regex(TOKEN));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const bounded = (min: number, max: number) => v.pipe(v.number(), v.finite(), v.minValue(min), v.maxValue(max));
const time = bounded(0, 8.64e15);
const audience = v.picklist(AUDIENCES);
const list = <T extends v.GenericSchema>(item: T, max: number) => v.pipe(v.array(item), v.maxLength(max));

const SessionSchema = v.object({
	id,
	role: v.picklist(['facilitator', 'participant']),
	title: text(200),
	organisation: text(200),
	date: v.pipe(
		text(10),
		v.check((date) => date === '' || (DAY.test(date) && !Number.isNaN(Date.parse(date))))
	),
	startTime: v.pipe(
		text(5),
		v.check((clock) => clock === '' || parseClock(clock) !== null)
	),
	place: text(200),
	goal: text(5000),
	groups: v.pipe(
		list(audience, AUDIENCES.length),
		v.check((groups) => new Set(groups).size === groups.length)
	),
	language: v.picklist(LOCALES),
	availableMinutes: bounded(0, 24 * 60),
	anonymous: v.boolean(),
	room: v.object({ name: token, secret: token }),
	participantId: id,
	nickname: v.optional(text(MAX_NICKNAME_LENGTH)),
	group: v.optional(audience),
	closingNotes: v.optional(text(5000)),
	// The facilitator's key travels with the session, so that restoring on another device can
	// continue the workshop (the file is to be kept like a password anyway).
	facilitatorKey: v.optional(v.pipe(v.string(), v.check(isPublicKeyText))),
	signingKey: v.optional(
		v.pipe(
			v.object({ publicKey: v.pipe(v.string(), v.check(isPublicKeyText)), privateKey: token }),
			v.check((key) => fromBase64Url(key.privateKey).length === PRIVATE_KEY_BYTES)
		)
	),
	createdAt: time,
	updatedAt: time
}) satisfies v.GenericSchema<unknown, SessionSummary>;

/** A board as an agenda item stores it, checked by the method rules; refused as a whole. */
const BoardSchema = v.pipe(
	v.unknown(),
	v.rawTransform(({ dataset, addIssue, NEVER }) => parseBoardSpec(dataset.value) ?? (addIssue(), NEVER))
);

const AgendaItemSchema = v.object({
	id,
	sessionId: id,
	position: bounded(-1e9, 1e9),
	kind: v.picklist(['method', 'blank', 'break']),
	methodId: v.optional(id),
	title: text(200),
	minutes: bounded(0, 24 * 60),
	prompt: text(2000),
	board: v.optional(BoardSchema),
	source: v.optional(id),
	startedAt: v.optional(time),
	endedAt: v.optional(time)
}) satisfies v.GenericSchema<unknown, AgendaItem>;

/** An own method in file shape, checked by the method file schema. */
const CarriedMethodSchema = v.object({ method: MethodSchema, basedOn: v.optional(id) });

const HeaderSchema = v.object({ format: v.literal(BACKUP_FORMAT), version: v.unknown() });

const V1_ENTRIES = {
	format: v.literal(BACKUP_FORMAT),
	version: v.literal(1),
	exportedAt: v.pipe(
		text(40),
		v.check((iso) => !Number.isNaN(Date.parse(iso)))
	),
	app: v.object({ version: v.pipe(v.string(), v.minLength(1), v.maxLength(50)) }),
	session: SessionSchema,
	agenda: list(AgendaItemSchema, MAX_AGENDA_ITEMS),
	ownNotes: v.optional(list(id, MAX_OWN_NOTES), []),
	doc: v.string()
};

/** Version 1: a session without the own methods it uses. */
const BackupV1Schema = v.object(V1_ENTRIES);
/** Version 2: the own methods the session uses travel with it. */
const BackupV2Schema = v.object({
	...V1_ENTRIES,
	version: v.literal(2),
	methods: list(CarriedMethodSchema, MAX_CARRIED_METHODS)
});

/** The file as this app writes it (a method in it is in file shape, checked when read). */
export type BackupFile = v.InferInput<typeof BackupV2Schema>;

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
	/** The version the file was written in. */
	version: number;
}

export type BackupRead = { ok: true; backup: ValidBackup } | { ok: false; problem: BackupProblem };

// --- export ---------------------------------------------------------------------------------

/** `parts.methods` may be left out by callers that carry no own methods (tests of other parts). */
export function serializeBackup(
	parts: Omit<SessionParts, 'methods'> & Partial<Pick<SessionParts, 'methods'>>,
	appVersion: string,
	exportedAt: number
): string {
	const file: BackupFile = {
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		exportedAt: new Date(exportedAt).toISOString(),
		app: { version: appVersion },
		session: parts.session,
		agenda: parts.agenda,
		ownNotes: parts.ownNotes,
		methods: (parts.methods ?? []).map(({ method, basedOn }) => ({ method: methodToFileValue(method), basedOn })),
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
const invalid = (field: string): BackupRead => refuse({ kind: 'invalid-field', field });

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
	if (!v.is(HeaderSchema, data)) return refuse({ kind: 'foreign' });
	const version = data.version;
	if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION)
		return refuse({ kind: 'newer-version', version });
	const schema = version === 1 ? BackupV1Schema : version === 2 ? BackupV2Schema : null;
	if (!schema) return refuse({ kind: 'unsupported-version', version: String(version).slice(0, 20) });

	// The first problem is enough to refuse the file; it is named by its field.
	const parsed = v.safeParse(schema, data, { abortEarly: true });
	if (!parsed.success) return invalid(issueField(parsed.issues[0]));
	const file = parsed.output;
	const methods: CarriedMethod[] = 'methods' in file ? file.methods.map(carried) : [];

	// Across fields: every agenda item belongs to this session, once; every method comes once.
	const seen = new Set<string>();
	for (const [i, item] of file.agenda.entries()) {
		if (seen.has(item.id)) return invalid(`agenda[${i}].id`);
		seen.add(item.id);
		if (item.sessionId !== file.session.id) return invalid(`agenda[${i}].sessionId`);
	}
	const methodIds = new Set<string>();
	for (const [i, { method }] of methods.entries()) {
		if (methodIds.has(method.id)) return invalid(`methods[${i}].method.id`);
		methodIds.add(method.id);
	}

	const update = fromBase64(file.doc, Math.ceil((MAX_BACKUP_BYTES * 4) / 3));
	if (!update || update.length === 0) return invalid('doc');
	const checked = checkDoc(update);
	if (checked) return refuse(checked);
	const parts: SessionParts = { session: file.session, agenda: file.agenda, ownNotes: file.ownNotes, update, methods };
	return {
		ok: true,
		backup: { parts, exportedAt: file.exportedAt, appVersion: file.app.version, version: file.version }
	};
}

/** Leaves out an absent `basedOn` rather than carrying it as undefined. */
const carried = ({ method, basedOn }: { method: CarriedMethod['method']; basedOn?: string }): CarriedMethod =>
	basedOn === undefined ? { method } : { method, basedOn };

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

// --- restoring ------------------------------------------------------------------------------

export type RestoreChoice = 'merge' | 'keep-both';

export type RestoreOutcome =
	| { kind: 'added'; sessionId: string; title: string }
	| { kind: 'merged'; sessionId: string; title: string }
	| { kind: 'copied'; sessionId: string; title: string }
	/** The session is already on this device: ask which to do, then call again with a choice. */
	| { kind: 'exists'; sessionId: string; title: string };

/**
 * Restores a checked backup. Without a choice, a session that already exists is not touched.
 * The own methods it carries are added with it; one that differs from this device's method of
 * the same id is kept beside it under a new id, and a new or copied session points at that id. A
 * merged session keeps pointing at this device's method (its agenda is this device's).
 */
export async function restoreBackup(backup: ValidBackup, choice?: RestoreChoice): Promise<RestoreOutcome> {
	const { parts } = backup;
	const { id, title } = parts.session;
	const exists = await sessionExists(id);
	if (exists && choice === undefined) return { kind: 'exists', sessionId: id, title };
	const { rows, renamed } = await planMethodRows(parts.methods);
	if (!exists) {
		await addRestoredSession(repointMethods(parts, renamed), rows);
		return { kind: 'added', sessionId: id, title };
	}
	if (choice === 'merge') {
		await mergeRestoredSession(parts, rows);
		return { kind: 'merged', sessionId: id, title };
	}
	if (choice === 'keep-both') {
		const copy = repointMethods(copyOfParts(parts), renamed);
		await addRestoredSession(copy, rows);
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
