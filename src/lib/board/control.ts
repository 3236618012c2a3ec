/**
 * One way for every facilitator command to change facilitator state. With a facilitator key (see
 * `authority.ts`) the change goes into the signed record, which is what every device of this
 * version reads; the same change is also written to the plain fields apps before signed control
 * read (`run`, the activity maps), so an older device in the room still follows the workshop.
 * Who may change it: a device holding the facilitator's key or a delegated one — or, in a session
 * from before signed control, the facilitator role as before.
 */
import type * as Y from 'yjs';
import { authorityOf, type ControlState } from './authority';
import type { CommandResult } from './commands';
import { isFromNewerVersion, LOCAL_ORIGIN } from './doc';
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
