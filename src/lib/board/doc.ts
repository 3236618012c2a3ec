/**
 * The session document: one Y.Doc per workshop session (see README.md for why). Its top-level
 * maps, the origin that marks this device's own changes, and the schema version with migrations.
 */
import * as Y from 'yjs';

/**
 * The document schema this app writes. Raised only for a change older apps would misread or damage
 * — a raise makes the document read-only on every older device in the room (see README.md,
 * "Versions"). Adding what older apps can ignore does not raise it: `versions` and activities'
 * `archived` are such additions.
 */
export const SCHEMA_VERSION = 1;

/** Transactions made by this device's user. The undo manager tracks only this origin: remote
 * updates and loading from storage are never undoable. */
export const LOCAL_ORIGIN = Symbol('kohtaamo-local');

export type NoteMap = Y.Map<unknown>;

export interface SessionMaps {
	/** Schema version, session title and language, anonymity. */
	meta: Y.Map<unknown>;
	/** What is happening now: current activity, timer, lock, end. */
	run: Y.Map<unknown>;
	/** Activity id → Y.Map of the activity (title, prompt, board, phase…). */
	activities: Y.Map<Y.Map<unknown>>;
	/** Note id → Y.Map of the note. All boards' notes in one map, each knowing its activity. */
	notes: Y.Map<NoteMap>;
	/** Cluster id → Y.Map of the cluster. */
	clusters: Y.Map<Y.Map<unknown>>;
	/** `${activityId}/${voterId}` → that voter's ballot (only the voter writes it). */
	votes: Y.Map<unknown>;
	/** participantId → `{group, joinedAt, name?}`: who took part, for the summary's counts. */
	participants: Y.Map<unknown>;
	/** `String(version)` → true for every app version that has opened the document. A top-level map,
	 * so that entries written by devices that never saw each other merge instead of replacing one
	 * another (see `documentVersion`). */
	versions: Y.Map<unknown>;
}

export function sessionMaps(doc: Y.Doc): SessionMaps {
	return {
		meta: doc.getMap('meta'),
		run: doc.getMap('run'),
		activities: doc.getMap('activities'),
		notes: doc.getMap('notes'),
		clusters: doc.getMap('clusters'),
		votes: doc.getMap('votes'),
		participants: doc.getMap('participants'),
		versions: doc.getMap('versions')
	};
}

/** Sanity bound on a version number read from a peer's document. */
const MAX_VERSION = 1_000_000;
const asVersion = (value: unknown): number =>
	typeof value === 'number' && Number.isInteger(value) && value > 0 && value < MAX_VERSION ? value : 0;

/**
 * The document's schema version: the highest version any device has recorded. Versions only go
 * up — a key per version merges under concurrency, where one last-writer-wins value could be set
 * back by an older device (version 1 wrote `meta.schema` on every open, before its first sync).
 * `meta.schema` is still read, for documents from version 1; it is never written again.
 */
export function documentVersion(doc: Y.Doc): number {
	return versionOf(sessionMaps(doc));
}

export function versionOf({ meta, versions }: SessionMaps): number {
	let version = asVersion(meta.get('schema'));
	for (const key of versions.keys()) version = Math.max(version, asVersion(Number(key)));
	return version;
}

/**
 * Migrations by the version they bring a document to. They only ever add — never delete or rename
 * data another device may still write — and readers treat a missing added field as its default,
 * so a document that merges with an older device's changes after migrating stays readable.
 * Version 1 is the first; none is needed yet.
 */
export const MIGRATIONS: Readonly<Record<number, (maps: SessionMaps) => void>> = {};

/**
 * Brings a document written by an older version up to `SCHEMA_VERSION` and records this version in
 * `versions`. Safe on an empty document before the first sync: the record merges with whatever
 * newer devices wrote. A document from a newer version is left untouched (it opens read-only).
 * Returns the version found.
 */
export function migrateDoc(doc: Y.Doc): number {
	const found = documentVersion(doc);
	if (found > SCHEMA_VERSION) return found;
	const maps = sessionMaps(doc);
	const key = String(SCHEMA_VERSION);
	if (found === SCHEMA_VERSION && maps.versions.get(key) === true) return found;
	doc.transact(() => {
		for (let version = found + 1; version <= SCHEMA_VERSION; version++) MIGRATIONS[version]?.(maps);
		maps.versions.set(key, true);
	}, 'migration');
	return found;
}

/** A document written by a newer version than this app: it opens read-only, asking to update. */
export const isFromNewerVersion = (doc: Y.Doc): boolean => documentVersion(doc) > SCHEMA_VERSION;
