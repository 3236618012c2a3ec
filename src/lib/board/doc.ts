/**
 * The session document: one Y.Doc per workshop session (see README.md for why). Its top-level
 * maps, the origin that marks this device's own changes, and the schema version with migrations.
 */
import * as Y from 'yjs';

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
}

export function sessionMaps(doc: Y.Doc): SessionMaps {
	return {
		meta: doc.getMap('meta'),
		run: doc.getMap('run'),
		activities: doc.getMap('activities'),
		notes: doc.getMap('notes'),
		clusters: doc.getMap('clusters'),
		votes: doc.getMap('votes'),
		participants: doc.getMap('participants')
	};
}

/**
 * Brings a document written by an older version up to `SCHEMA_VERSION`. Documents merge with
 * peers running other versions, so migrations only ever add: they never delete or rename data
 * another device may still write. Returns the version found.
 */
export function migrateDoc(doc: Y.Doc): number {
	const { meta } = sessionMaps(doc);
	const found = typeof meta.get('schema') === 'number' ? (meta.get('schema') as number) : 0;
	if (found < SCHEMA_VERSION) {
		doc.transact(() => meta.set('schema', SCHEMA_VERSION), 'migration');
	}
	return found;
}

/** A document written by a newer version than this app: the UI asks to update before editing. */
export const isFromNewerVersion = (doc: Y.Doc): boolean => {
	const schema = sessionMaps(doc).meta.get('schema');
	return typeof schema === 'number' && schema > SCHEMA_VERSION;
};
