/**
 * The facilitator's commands: the session's activities, each activity's phase, the dot budget,
 * reveal and results, and the lock. Participants' devices follow these from the document.
 */
import * as Y from 'yjs';
import type { Audience } from '../methods/types';
import { isFromNewerVersion, LOCAL_ORIGIN, sessionMaps } from './doc';
import { findActivity, readRun } from './read';
import type { CommandResult } from './commands';
import type { ActivityControl } from './authority';
import { facilitatorChange, mayControl } from './control';
import { PHASES, type Activity, type ActivityPhase, type Actor } from './types';

const ok: CommandResult = { ok: true, value: undefined };
const notAllowed: CommandResult = { ok: false, reason: 'not-allowed' };
const readOnly: CommandResult = { ok: false, reason: 'read-only' };

/** What the agenda decides about an activity; the rest of `Activity` is run-time state. */
export type ActivityInput = Pick<
	Activity,
	'id' | 'kind' | 'title' | 'prompt' | 'methodId' | 'minutes' | 'board' | 'source'
>;

/** Session facts every device needs: written once by the facilitator's device. */
export interface SessionMeta {
	title: string;
	language: string;
	anonymous: boolean;
}

export function writeSessionMeta(doc: Y.Doc, meta: SessionMeta): void {
	if (isFromNewerVersion(doc)) return;
	const { meta: map } = sessionMaps(doc);
	doc.transact(() => {
		if (map.get('title') !== meta.title) map.set('title', meta.title);
		if (map.get('language') !== meta.language) map.set('language', meta.language);
		if (map.get('anonymous') !== meta.anonymous) map.set('anonymous', meta.anonymous);
	}, LOCAL_ORIGIN);
}

/**
 * Brings the facilitator's agenda into the document. Once a workshop has started the document is
 * the truth for its activities, so this only adds and updates: new activities are added, the
 * planned fields of existing ones updated (keeping their run state: phase, reveal, results,
 * times), and an activity no longer on the agenda is archived — hidden from the run, never
 * destroyed: its notes, groups and votes stay in the document and in every export. Putting it back
 * on the agenda brings it back as it was.
 */
export function publishActivities(doc: Y.Doc, actor: Actor, agenda: ActivityInput[]): CommandResult {
	if (!mayControl(doc, actor)) return notAllowed;
	if (isFromNewerVersion(doc)) return readOnly;
	const maps = sessionMaps(doc);
	const plannedOf = (input: ActivityInput, order: number): ActivityControl => {
		const planned: ActivityControl = {
			order,
			kind: input.kind,
			title: input.title,
			prompt: input.prompt,
			minutes: input.minutes,
			board: input.board
		};
		if (input.methodId) planned.methodId = input.methodId;
		const source = validSource(agenda, input, order);
		if (source) planned.source = source;
		return planned;
	};
	const wanted = new Set(agenda.map((a) => a.id));
	return facilitatorChange(
		doc,
		actor,
		() => publishPlain(maps, agenda),
		(state) => {
			agenda.forEach((input, order) => {
				const existing = Object.hasOwn(state.activities, input.id) ? state.activities[input.id] : undefined;
				const run = existing ?? {
					phase: 'write' satisfies ActivityPhase,
					revealed: false,
					resultsShown: false,
					dotsPerPerson: input.board.dotsPerPerson
				};
				const next: ActivityControl = { ...run, ...plannedOf(input, order) };
				if (!input.methodId) delete next.methodId;
				if (!next.source || !validSource(agenda, input, order)) delete next.source;
				delete next.archived;
				state.activities[input.id] = next;
			});
			for (const [id, entry] of Object.entries(state.activities)) if (!wanted.has(id)) entry.archived = true;
		}
	);
}

/** An activity continues only on one that comes before it on the agenda: no cycles, and its
 * notes exist by the time it starts. */
function validSource(agenda: ActivityInput[], input: ActivityInput, order: number): string | null {
	return input.source && agenda.slice(0, order).some((a) => a.id === input.source) ? input.source : null;
}

/** The agenda in the plain activity maps apps before signed control read. */
function publishPlain(maps: ReturnType<typeof sessionMaps>, agenda: ActivityInput[]): void {
	const wanted = new Set(agenda.map((a) => a.id));
	const setIfChanged = (map: Y.Map<unknown>, key: string, value: unknown) => {
		if (JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, value);
	};
	{
		agenda.forEach((input, order) => {
			let map = maps.activities.get(input.id);
			if (!map) {
				map = new Y.Map<unknown>();
				map.set('phase', 'write' satisfies ActivityPhase);
				map.set('revealed', false);
				map.set('resultsShown', false);
				map.set('dotsPerPerson', input.board.dotsPerPerson);
				maps.activities.set(input.id, map);
			}
			const planned: Record<string, unknown> = {
				order,
				kind: input.kind,
				title: input.title,
				prompt: input.prompt,
				minutes: input.minutes,
				board: input.board
			};
			if (input.methodId) planned.methodId = input.methodId;
			for (const [key, value] of Object.entries(planned)) setIfChanged(map, key, value);
			const source = validSource(agenda, input, order);
			if (source) setIfChanged(map, 'source', source);
			else if (map.has('source')) map.delete('source');
			if (map.get('archived') === true) map.set('archived', false);
		});
		for (const [id, map] of maps.activities.entries()) {
			if (!wanted.has(id) && map instanceof Y.Map && map.get('archived') !== true) map.set('archived', true);
		}
	}
}

/**
 * Whether the session is anonymous — the one place that answers it. The facilitator's plan (or,
 * on a participant's device, the join link) and the document each may say so; either is enough,
 * because a name once stored in the document cannot be taken back from the other devices.
 */
export function isAnonymousSession(doc: Y.Doc, planned: boolean): boolean {
	return planned || sessionMaps(doc).meta.get('anonymous') === true;
}

/** Moves an activity to a phase. Reaching "reveal" (or later) reveals private notes for good;
 * "results" and "discuss" show vote totals to everyone. */
export function setPhase(doc: Y.Doc, actor: Actor, activityId: string, phase: ActivityPhase): CommandResult {
	if (isFromNewerVersion(doc)) return readOnly;
	if (!mayControl(doc, actor)) return notAllowed;
	if (!findActivity(sessionMaps(doc), activityId)) return { ok: false, reason: 'not-found' };
	if (!PHASES.includes(phase)) return { ok: false, reason: 'invalid' };
	const reveals = PHASES.indexOf(phase) >= PHASES.indexOf('reveal');
	const resultsShown = phase === 'results' || phase === 'discuss';
	const map = sessionMaps(doc).activities.get(activityId);
	return facilitatorChange(
		doc,
		actor,
		() => {
			if (!map) return;
			map.set('phase', phase);
			if (reveals && map.get('revealed') !== true) map.set('revealed', true);
			map.set('resultsShown', resultsShown);
		},
		(state) => {
			const entry = state.activities[activityId];
			entry.phase = phase;
			if (reveals) entry.revealed = true;
			entry.resultsShown = resultsShown;
		}
	);
}

export function setDotBudget(doc: Y.Doc, actor: Actor, activityId: string, dots: number): CommandResult {
	if (isFromNewerVersion(doc)) return readOnly;
	if (!mayControl(doc, actor)) return notAllowed;
	if (!findActivity(sessionMaps(doc), activityId)) return { ok: false, reason: 'not-found' };
	if (!Number.isInteger(dots) || dots < 0 || dots > 20) return { ok: false, reason: 'invalid' };
	const map = sessionMaps(doc).activities.get(activityId);
	return facilitatorChange(
		doc,
		actor,
		() => map?.set('dotsPerPerson', dots),
		(state) => {
			state.activities[activityId].dotsPerPerson = dots;
		}
	);
}

export function setLocked(doc: Y.Doc, actor: Actor, locked: boolean): CommandResult {
	return facilitatorChange(
		doc,
		actor,
		() => sessionMaps(doc).run.set('locked', locked),
		(state) => {
			state.locked = locked;
		}
	);
}

/**
 * Moves everyone to an activity. Records what actually happened for the summary — when the
 * previous activity ended and this one started — and sets the timer to the activity's exercise.
 */
export function setCurrentActivity(doc: Y.Doc, actor: Actor, activityId: string, now = Date.now()): CommandResult {
	if (isFromNewerVersion(doc)) return readOnly;
	if (!mayControl(doc, actor)) return notAllowed;
	const maps = sessionMaps(doc);
	const activity = findActivity(maps, activityId);
	if (!activity) return { ok: false, reason: 'not-found' };
	const previousId = readRun(maps).activityId;
	if (previousId === activityId) return ok;
	const previous = previousId === null ? null : findActivity(maps, previousId);
	const timer = { status: 'idle' as const, durationMs: activity.board.timerMinutes * 60_000 };
	return facilitatorChange(
		doc,
		actor,
		() => {
			const previousMap = previousId === null ? undefined : maps.activities.get(previousId);
			if (previousMap && typeof previousMap.get('startedAt') === 'number') previousMap.set('endedAt', now);
			const next = maps.activities.get(activityId);
			if (next && typeof next.get('startedAt') !== 'number') next.set('startedAt', now);
			if (next?.has('endedAt')) next.delete('endedAt');
			maps.run.set('activityId', activityId);
			maps.run.set('timer', timer);
		},
		(state) => {
			if (previousId !== null && previous?.startedAt !== undefined) state.activities[previousId].endedAt = now;
			const entry = state.activities[activityId];
			if (typeof entry.startedAt !== 'number') entry.startedAt = now;
			delete entry.endedAt;
			state.activityId = activityId;
			state.timer = timer;
		}
	);
}

/** Ends the session: participants see a thank-you screen, and their devices delete the session
 * unless `keepCopy` allows them to keep it. */
export function endSession(doc: Y.Doc, actor: Actor, keepCopy: boolean, now = Date.now()): CommandResult {
	const maps = sessionMaps(doc);
	const currentId = readRun(maps).activityId;
	const current = currentId === null ? null : findActivity(maps, currentId);
	const closesCurrent = current?.startedAt !== undefined && current.endedAt === undefined;
	const idle = { status: 'idle' as const, durationMs: 0 };
	return facilitatorChange(
		doc,
		actor,
		() => {
			const map = currentId === null ? undefined : maps.activities.get(currentId);
			if (closesCurrent && map) map.set('endedAt', now);
			maps.run.set('keepCopy', keepCopy);
			maps.run.set('endedAt', now);
			maps.run.set('timer', idle);
		},
		(state) => {
			if (closesCurrent && currentId !== null) state.activities[currentId].endedAt = now;
			state.keepCopy = keepCopy;
			state.endedAt = now;
			state.timer = idle;
		}
	);
}

/** Opens an ended session again (the facilitator ended it by mistake). */
export function reopenSession(doc: Y.Doc, actor: Actor): CommandResult {
	return facilitatorChange(
		doc,
		actor,
		() => sessionMaps(doc).run.delete('endedAt'),
		(state) => {
			state.endedAt = null;
		}
	);
}

/**
 * Records that this device takes part, with the group the participant chose. The name is stored
 * only when the session is named and the participant gave one. Each device writes only its own
 * entry; a later check-in (another group, a new nickname) replaces it.
 */
export function checkIn(
	doc: Y.Doc,
	actor: Actor,
	group: Audience | null,
	anonymousSession: boolean,
	now = Date.now()
): void {
	if (isFromNewerVersion(doc)) return;
	const map = sessionMaps(doc).participants;
	const existing = map.get(actor.participantId) as Record<string, unknown> | undefined;
	const entry: Record<string, unknown> = {
		role: actor.role,
		group,
		joinedAt: typeof existing?.joinedAt === 'number' ? existing.joinedAt : now
	};
	if (!anonymousSession && actor.nickname) entry.name = actor.nickname;
	if (JSON.stringify(existing) === JSON.stringify(entry)) return;
	doc.transact(() => map.set(actor.participantId, entry), LOCAL_ORIGIN);
}
