/**
 * Session rows: the list on the home page and everything that reads or changes a session's plan.
 */
import type { SessionSummary } from '../session/types';
import { db, type SessionRow } from './db';

/** The row's own fields. y-dexie puts the Y.Doc on the prototype, so a spread leaves it out
 * without touching (and creating) the document. */
function summary(row: SessionRow): SessionSummary {
	return { ...row };
}

/** Sessions on this device, most recently edited first. */
export async function listSessions(): Promise<SessionSummary[]> {
	const rows = await db().sessions.orderBy('updatedAt').reverse().toArray();
	return rows.map(summary);
}
