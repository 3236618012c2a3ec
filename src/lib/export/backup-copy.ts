/**
 * A restored session kept beside the original ("keep both"): the copy needs its own session id,
 * its own room (so that the original's participants do not join it) and its own agenda item ids
 * (agenda items are keyed by id across all sessions). The shared document names activities by
 * their agenda item ids, so it is re-keyed to match — otherwise the run page would publish the new
 * agenda and, finding none of its activities, delete every board with its notes.
 *
 * This rewrites a scratch copy of the document before it is stored; it is not a board command
 * (nothing here is undoable or synced: the copy is a new session that no other device has yet).
 */
import * as Y from 'yjs';
import { sessionMaps } from '../board/doc';
import { sealEpochOf, sealingRoots, unsealAll } from '../board/seal';
import { fromBase64Url } from '../session/keys/signing';
import { translate } from '../i18n/translate';
import { newId, newRoomKey } from '../session/ids';
import type { SessionParts } from '../storage/backup-store';

const RESTORE_ORIGIN = 'restore-copy';

/** The sealing epoch the copy's own record names (this device's backup: read, not verified; a wrong
 * value only leaves some texts sealed). */
function recordedSealEpoch(doc: Y.Doc): number {
	const record = doc.getMap('control').get('record') as { body?: unknown } | undefined;
	try {
		const body = typeof record?.body === 'string' ? (JSON.parse(record.body) as { state?: unknown }) : null;
		return body && typeof body.state === 'object' && body.state !== null
			? sealEpochOf(body.state as Record<string, unknown>)
			: 0;
	} catch {
		return 0;
	}
}

export function copyOfParts(parts: SessionParts, now = Date.now()): SessionParts {
	const sessionId = newId();
	const ids = new Map(parts.agenda.map((item) => [item.id, newId()]));
	const doc = new Y.Doc();
	Y.applyUpdate(doc, parts.update);
	// The copy gets a new facilitator key, which cannot open what the original sealed (private
	// notes before reveal, waiting notes, ballots): open them with the original's key, while the
	// activities still have the ids their keys were derived for.
	const { signingKey, facilitatorKey } = parts.session;
	const original = signingKey && signingKey.publicKey === facilitatorKey ? signingKey.privateKey : undefined;
	if (original) {
		const roots = sealingRoots(fromBase64Url(original), recordedSealEpoch(doc));
		unsealAll(doc, roots, [...sessionMaps(doc).activities.keys()], RESTORE_ORIGIN);
	}
	rekeyActivities(doc, ids);
	// The copy is a new session with a new facilitator identity (made when it opens): the original's
	// signed record names the old activity ids and key, so it goes; the plain fields seed the new one.
	doc.transact(() => doc.getMap('control').delete('record'), RESTORE_ORIGIN);
	const update = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	const { facilitatorKey: _key, signingKey: _signing, ...session } = parts.session;
	return {
		session: {
			...session,
			id: sessionId,
			title: translate(session.language, 'sessions.copyTitle', { title: session.title }).slice(0, 200),
			room: newRoomKey(),
			createdAt: now,
			updatedAt: now
		},
		agenda: parts.agenda.map((item) => ({ ...item, id: ids.get(item.id)!, sessionId })),
		ownNotes: [...parts.ownNotes],
		methods: parts.methods,
		update
	};
}

/** Moves each activity, and everything that points at it, from its old id to its new one. */
export function rekeyActivities(doc: Y.Doc, ids: Map<string, string>): void {
	const maps = sessionMaps(doc);
	const plain = (value: unknown) => (value instanceof Y.AbstractType ? value.toJSON() : value);
	doc.transact(() => {
		for (const [from, to] of ids) {
			const old = maps.activities.get(from);
			if (!(old instanceof Y.Map)) continue;
			const copy = new Y.Map<unknown>();
			old.forEach((value, key) => copy.set(key, plain(value)));
			maps.activities.delete(from);
			maps.activities.set(to, copy);
		}
		const repoint = (map: Y.Map<unknown>) => {
			const activityId = map.get('activityId');
			if (typeof activityId === 'string' && ids.has(activityId)) map.set('activityId', ids.get(activityId));
		};
		maps.notes.forEach((note) => note instanceof Y.Map && repoint(note));
		maps.clusters.forEach((cluster) => cluster instanceof Y.Map && repoint(cluster));
		for (const [key, value] of [...maps.votes.entries()]) {
			const slash = key.indexOf('/');
			const to = ids.get(key.slice(0, slash));
			if (slash < 0 || !to || typeof value !== 'object' || value === null) continue;
			maps.votes.delete(key);
			maps.votes.set(`${to}${key.slice(slash)}`, { ...(value as Record<string, unknown>), activityId: to });
		}
		const current = maps.run.get('activityId');
		if (typeof current === 'string' && ids.has(current)) maps.run.set('activityId', ids.get(current));
	}, RESTORE_ORIGIN);
}

/**
 * Points a restored session at the new ids of own methods kept beside this device's different
 * method of the same id (see `planMethodRows`): its agenda items and its document's activities,
 * so that the session (and its summary) goes on naming the method it was planned with.
 */
export function repointMethods(parts: SessionParts, renamed: ReadonlyMap<string, string>): SessionParts {
	if (renamed.size === 0) return parts;
	const doc = new Y.Doc();
	Y.applyUpdate(doc, parts.update);
	const { activities } = sessionMaps(doc);
	doc.transact(() => {
		activities.forEach((activity) => {
			const methodId = activity instanceof Y.Map ? activity.get('methodId') : undefined;
			if (typeof methodId === 'string' && renamed.has(methodId)) activity.set('methodId', renamed.get(methodId));
		});
	}, RESTORE_ORIGIN);
	const update = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	const to = (id: string | undefined) => (id !== undefined ? (renamed.get(id) ?? id) : id);
	return {
		...parts,
		agenda: parts.agenda.map((item) => (item.methodId ? { ...item, methodId: to(item.methodId) } : item)),
		methods: parts.methods.map((carried) => ({
			...carried,
			method: { ...carried.method, id: to(carried.method.id)! }
		})),
		update
	};
}
