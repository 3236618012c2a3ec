/**
 * Session rows and their agenda: the list on the home page and everything that reads or changes a
 * session's plan. Every change is written at once — a closed tab loses nothing.
 */
import type { Audience } from '../methods/types';
import type { AgendaItem, ReportNotes, RoomKey, SessionPlan, SessionRole, SessionSummary } from '../session/types';
import { newId, newRoomKey, randomToken } from '../session/ids';
import { generateStoredKey } from '../session/keys/signing';
import type { Invite } from '../session/join-link';
import { cleanAnswers, type Answers } from '../session/participation';
import { defaultSource, newSessionPlan, renumber, type NewAgendaItem } from '../session/plan';
import { liveQuery } from 'dexie';
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

export async function getSession(id: string): Promise<SessionSummary | undefined> {
	const row = await db().sessions.get(id);
	return row && summary(row);
}

export async function createSession(plan: SessionPlan, role: SessionRole = 'facilitator'): Promise<SessionSummary> {
	const now = Date.now();
	// The facilitator's identity: its public half goes into the join link (see board/authority.ts).
	const signingKey = await generateStoredKey();
	const session: SessionSummary = {
		...plan,
		id: newId(),
		role,
		room: newRoomKey(),
		participantId: randomToken(12),
		signingKey,
		...(role === 'facilitator' ? { facilitatorKey: signingKey.publicKey } : {}),
		createdAt: now,
		updatedAt: now
	};
	await db().sessions.add(session as SessionRow);
	return session;
}

export async function updateSessionPlan(id: string, change: Partial<SessionPlan>): Promise<void> {
	await db().sessions.update(id, { ...change, updatedAt: Date.now() });
}

/** The session's room after the facilitator moved it (removing a device, board/room-move.ts). */
export async function updateSessionRoom(id: string, room: RoomKey, previousRooms: RoomKey[] = []): Promise<void> {
	await db().sessions.update(id, { room, previousRooms, updatedAt: Date.now() });
}

export async function updateClosingNotes(id: string, closingNotes: string): Promise<void> {
	await db().sessions.update(id, { closingNotes, updatedAt: Date.now() });
}

export async function listAgenda(sessionId: string): Promise<AgendaItem[]> {
	return db()
		.agendaItems.where('[sessionId+position]')
		.between([sessionId, -Infinity], [sessionId, Infinity])
		.toArray();
}

/**
 * Calls `onChange` with the session's agenda now and after every change to it — from this tab or
 * another (Dexie's live queries see other tabs' writes) — until the returned function is called.
 */
export function watchAgenda(sessionId: string, onChange: (agenda: AgendaItem[]) => void): () => void {
	const subscription = liveQuery(() => listAgenda(sessionId)).subscribe({
		next: onChange,
		error: (error: unknown) => console.error('agenda', error)
	});
	return () => subscription.unsubscribe();
}

/** Calls `onChange` with the session now and after every change to it (from any tab), until the
 * returned function is called; `undefined` once it is deleted. */
export function watchSession(id: string, onChange: (session: SessionSummary | undefined) => void): () => void {
	const subscription = liveQuery(() => getSession(id)).subscribe({
		next: onChange,
		error: (error: unknown) => console.error('session', error)
	});
	return () => subscription.unsubscribe();
}

/**
 * A new session with its whole agenda (from a workshop template). The items are written in one
 * transaction; if that fails, the session is removed again, so no half-made workshop is left behind.
 */
export async function createSessionWithAgenda(plan: SessionPlan, items: NewAgendaItem[]): Promise<SessionSummary> {
	const session = await createSession(plan);
	try {
		await db().transaction('rw', db().agendaItems, async () => {
			await db().agendaItems.bulkAdd(
				items.map((item, i) => ({ ...item, id: newId(), sessionId: session.id, position: i + 1 }))
			);
		});
	} catch (error) {
		await deleteSession(session.id);
		throw error;
	}
	return session;
}

/** Appends an item to the end of a session's agenda. */
export async function appendAgendaItem(sessionId: string, item: NewAgendaItem): Promise<AgendaItem> {
	return db().transaction('rw', db().agendaItems, db().sessions, async () => {
		const earlier = await db()
			.agendaItems.where('[sessionId+position]')
			.between([sessionId, -Infinity], [sessionId, Infinity])
			.toArray();
		const last = earlier.at(-1);
		const added: AgendaItem = { ...item, id: newId(), sessionId, position: (last?.position ?? 0) + 1 };
		const source = item.source ?? defaultSource(item, earlier);
		if (source) added.source = source;
		await db().agendaItems.add(added);
		await db().sessions.update(sessionId, { updatedAt: Date.now() });
		return added;
	});
}

export async function updateAgendaItem(
	id: string,
	change: Partial<Omit<AgendaItem, 'id' | 'sessionId'>>
): Promise<void> {
	await db().transaction('rw', db().agendaItems, db().sessions, async () => {
		const item = await db().agendaItems.get(id);
		if (!item) return;
		await db().agendaItems.update(id, change);
		await db().sessions.update(item.sessionId, { updatedAt: Date.now() });
	});
}

export async function removeAgendaItem(id: string): Promise<void> {
	await db().transaction('rw', db().agendaItems, db().sessions, async () => {
		const item = await db().agendaItems.get(id);
		if (!item) return;
		await db().agendaItems.delete(id);
		await db().sessions.update(item.sessionId, { updatedAt: Date.now() });
	});
}

/** Stores a new order of a session's agenda (all of its item ids, in order). */
export async function reorderAgenda(sessionId: string, orderedIds: string[]): Promise<void> {
	await db().transaction('rw', db().agendaItems, db().sessions, async () => {
		const positions = renumber(orderedIds);
		const items = await listAgenda(sessionId);
		for (const item of items) {
			const position = positions.get(item.id);
			if (position !== undefined && position !== item.position) await db().agendaItems.update(item.id, { position });
		}
		await db().sessions.update(sessionId, { updatedAt: Date.now() });
	});
}

/** Deletes a session with everything of it on this device: agenda, boards (its document), own-note marks. */
export async function deleteSession(id: string): Promise<void> {
	const d = db();
	await d.transaction('rw', [d.sessions, d.agendaItems, d.ownNotes], async () => {
		await d.agendaItems.where('sessionId').equals(id).delete();
		await d.ownNotes.where('sessionId').equals(id).delete();
		await d.sessions.delete(id);
	});
}

/** A copy of a session's plan and agenda as a new session — a template for the next workshop.
 * Boards are not copied: the new session starts with empty boards and its own room. */
export async function duplicateSession(id: string, title: string): Promise<SessionSummary | undefined> {
	const source = await getSession(id);
	if (!source) return undefined;
	const { title: _title, ...plan } = pickPlan(source);
	const copy = await createSession({ ...plan, title });
	const items = await listAgenda(id);
	await db().agendaItems.bulkAdd(
		items.map(({ startedAt: _s, endedAt: _e, ...item }) => ({ ...item, id: newId(), sessionId: copy.id }))
	);
	return copy;
}

export function pickPlan(session: SessionSummary): SessionPlan {
	const { title, organisation, date, startTime, place, goal, groups, language, availableMinutes, anonymous } = session;
	return {
		title,
		organisation,
		date,
		startTime,
		place,
		goal,
		groups: [...groups],
		language,
		availableMinutes,
		anonymous
	};
}

/**
 * Gives a session made before signed control its keys: a device key on every device, and on the
 * facilitator's the facilitator's key (the join link shown from now on carries it). Returns the
 * session as stored.
 */
export async function ensureSessionKeys(session: SessionSummary): Promise<SessionSummary> {
	if (session.signingKey && (session.role !== 'facilitator' || session.facilitatorKey)) return session;
	const signingKey = session.signingKey ?? (await generateStoredKey());
	const change: Partial<SessionSummary> = { signingKey };
	if (session.role === 'facilitator') change.facilitatorKey = signingKey.publicKey;
	await db().sessions.update(session.id, change);
	return { ...session, ...change };
}

/** A participant's copy of a session, made when joining by link. Rejoining keeps the same row
 * (and with it the notes this device wrote); the nickname may change. */
export async function joinSession(
	invite: Invite,
	nickname: string | undefined,
	group?: Audience,
	answers: Answers = {}
): Promise<SessionSummary> {
	const clean = cleanAnswers(invite.participation, answers);
	// Made before the transaction: IndexedDB transactions end at the first await of anything else.
	const deviceKey = await generateStoredKey();
	return db().transaction('rw', db().sessions, async () => {
		const existing = await db().sessions.get(invite.sessionId);
		const now = Date.now();
		if (existing) {
			const change = {
				room: { name: invite.room, secret: invite.secret },
				nickname,
				group,
				wifi: invite.wifi,
				participation: invite.participation,
				answers: clean,
				// The answers' own random key, made once (see board/participation.ts).
				answersKey: existing.answersKey ?? randomToken(12),
				// The key the link names now: a facilitator who moved to a new device keeps it.
				facilitatorKey: invite.facilitatorKey ?? existing.facilitatorKey,
				signingKey: existing.signingKey ?? deviceKey,
				updatedAt: now
			};
			await db().sessions.update(invite.sessionId, change);
			return { ...existing, ...change };
		}
		const session: SessionSummary = {
			...newSessionPlan(invite.language, invite.title),
			anonymous: invite.anonymous,
			groups: invite.groups,
			id: invite.sessionId,
			role: 'participant',
			room: { name: invite.room, secret: invite.secret },
			participantId: randomToken(12),
			createdAt: now,
			updatedAt: now
		};
		if (nickname) session.nickname = nickname;
		if (group) session.group = group;
		if (invite.wifi) session.wifi = invite.wifi;
		if (invite.participation) session.participation = invite.participation;
		if (Object.keys(clean).length > 0) session.answers = clean;
		session.answersKey = randomToken(12);
		if (invite.facilitatorKey) session.facilitatorKey = invite.facilitatorKey;
		session.signingKey = deviceKey;
		await db().sessions.add(session as SessionRow);
		return session;
	});
}

/** The report's facilitator-written parts (facilitators, accessibility, public summaries). */
export async function updateReportNotes(id: string, report: ReportNotes): Promise<void> {
	await db().sessions.update(id, { report, updatedAt: Date.now() });
}
