/**
 * Keeping and deleting what this device holds: sessions past the facilitator's retention period,
 * and everything at once.
 *
 * Why here: workshops hold what people said, sometimes with their names. A facilitator who sets a
 * retention period is offered old sessions for deletion (never deleted unasked); "delete all"
 * removes the whole database. Deleting a session row also deletes its document's stored updates
 * (y-dexie's middleware does this with the row), so no note text stays behind.
 */
import type { SessionSummary } from '../session/types';
import { db } from './db';
import { clearMirror } from './first-paint';

const DAY_MS = 86_400_000;

/** Sessions last edited before `days` days ago, oldest first. */
export async function sessionsPastRetention(days: number, now = Date.now()): Promise<SessionSummary[]> {
	const rows = await db()
		.sessions.where('updatedAt')
		.below(now - days * DAY_MS)
		.toArray();
	return rows.map((row) => ({ ...row }));
}

/** Deletes sessions with everything of them on this device, in one transaction. */
export async function deleteSessions(ids: string[]): Promise<void> {
	const d = db();
	await d.transaction('rw', [d.sessions, d.agendaItems, d.ownNotes], async () => {
		await d.agendaItems.where('sessionId').anyOf(ids).delete();
		await d.ownNotes.where('sessionId').anyOf(ids).delete();
		await d.sessions.bulkDelete(ids);
	});
}

export async function countSessions(): Promise<number> {
	return db().sessions.count();
}

/**
 * Deletes the whole database: sessions, boards, own methods, settings. Other tabs holding it open
 * are asked to close it (Dexie closes on `versionchange`); if one does not within `timeoutMs`,
 * this rejects with `DeleteBlockedError` so that the page can say so (the browser still completes
 * the deletion once that tab lets go).
 */
export async function deleteDatabase(timeoutMs = 10_000): Promise<void> {
	const d = db();
	let timer: ReturnType<typeof setTimeout> | undefined;
	const blocked = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new DeleteBlockedError()), timeoutMs);
	});
	try {
		// The settings' copy for the first paint goes with the database it copies (first, so that a
		// blocked deletion, which the browser still completes later, leaves no copy behind).
		clearMirror();
		await Promise.race([d.delete({ disableAutoOpen: false }), blocked]);
	} finally {
		clearTimeout(timer);
	}
}

export class DeleteBlockedError extends Error {
	constructor() {
		super('the database is held open elsewhere');
	}
}
