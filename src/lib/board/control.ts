/**
 * One way for every facilitator command to change facilitator state. With a facilitator key (see
 * `authority.ts`) the change goes into the signed record, which is what every device of this
 * version reads; the same change is also written to the plain fields apps before signed control
 * read (`run`, the activity maps), so an older device in the room still follows the workshop.
 * Who may change it: a device holding the facilitator's key or a delegated one — or, in a session
 * from before signed control, the facilitator role as before.
 */
import * as Y from 'yjs';
import { authorityOf, EMPTY_STATE, type ActivityControl, type ControlState } from './authority';
import type { CommandResult } from './commands';
import { isFromNewerVersion, LOCAL_ORIGIN, sessionMaps } from './doc';
import { readActivity, readRun } from './read';
import type { Actor } from './types';

/** Whether this device may change facilitator state now. */
export function mayControl(doc: Y.Doc, actor: Actor): boolean {
	const authority = authorityOf(doc);
	return authority ? authority.canControl : actor.role === 'facilitator';
}

export function facilitatorChange(
	doc: Y.Doc,
	actor: Actor,
	legacy: () => void,
	change: (state: ControlState) => void
): CommandResult {
	if (isFromNewerVersion(doc)) return { ok: false, reason: 'read-only' };
	if (!mayControl(doc, actor)) return { ok: false, reason: 'not-allowed' };
	// The signed state first, so that the plain write's observers already read the new state.
	authorityOf(doc)?.propose(change);
	doc.transact(legacy, LOCAL_ORIGIN);
	return { ok: true, value: undefined };
}

/**
 * The facilitator state as the plain fields hold it: what a session from before signed control (or
 * a restored copy) starts its first signed record from, on the facilitator's device. Read before an
 * authority watches the document — afterwards the readers ignore the plain fields.
 */
export function plainControlState(doc: Y.Doc): ControlState | null {
	if (authorityOf(doc)) return null;
	const maps = sessionMaps(doc);
	const activities: Record<string, ActivityControl> = {};
	maps.activities.forEach((map, id) => {
		if (map instanceof Y.Map && readActivity(id, map)) activities[id] = map.toJSON() as ActivityControl;
	});
	if (Object.keys(activities).length === 0) return null;
	const { activityId, locked, timer, endedAt, keepCopy } = readRun(maps);
	return { ...EMPTY_STATE, activityId, locked, timer, endedAt, keepCopy, activities };
}
