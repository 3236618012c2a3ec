/**
 * Opening a session's shared document from IndexedDB. y-dexie writes every update as its own row
 * the moment it happens, so a reload, a closed tab or a crash loses nothing; it compacts the rows
 * in the background.
 */
import { DexieYProvider } from 'y-dexie';
import type * as Y from 'yjs';
import { db } from './db';

export interface OpenDoc {
	doc: Y.Doc;
	/** Lets go of the document; y-dexie destroys it (and with it any sync provider) when the last
	 * user releases it. */
	release(): void;
}

export async function openSessionDoc(sessionId: string): Promise<OpenDoc | null> {
	const row = await db().sessions.get(sessionId);
	if (!row) return null;
	const doc = row.doc;
	const provider = DexieYProvider.load(doc);
	await provider.whenLoaded;
	let released = false;
	return {
		doc,
		release() {
			if (released) return;
			released = true;
			DexieYProvider.release(doc);
		}
	};
}

export async function rememberOwnNote(sessionId: string, noteId: string): Promise<void> {
	await db().ownNotes.put({ sessionId, noteId });
}

export async function ownNoteIds(sessionId: string): Promise<Set<string>> {
	const rows = await db().ownNotes.where('sessionId').equals(sessionId).toArray();
	return new Set(rows.map((r) => r.noteId));
}
