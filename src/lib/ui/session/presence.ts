/**
 * Presence: who is here, from the awareness states peers send. Those states are untrusted input,
 * so they are read through the presence schema (`$lib/board/presence-state`) before the UI sees them.
 */
import type { Awareness } from 'y-protocols/awareness';
import { readPresenceState, type PresenceState } from '$lib/board/presence-state';

export type { PresenceState } from '$lib/board/presence-state';
export type PresenceRole = PresenceState['role'];

/** Validates a peer's awareness state; null when it is not a presence. A bad name or clock is left out. */
export const parsePresenceState = readPresenceState;

export interface Present extends Pick<PresenceState, 'participantId' | 'name' | 'role' | 'key'> {
	clientId: number;
	self: boolean;
}

/** What this device announces about itself (the clock is added by `SessionPresence`). */
export type LocalPresence = Pick<PresenceState, 'participantId' | 'name' | 'role' | 'key'>;

/** Who is here: the people of the room. Displays (the presenter view) are screens, not people, and
 * are left out — of the count, of the names, and so of everything built on them. */
export function readPresence(awareness: Awareness): Present[] {
	const out: Present[] = [];
	awareness.getStates().forEach((state, clientId) => {
		const read = readPresenceState(state);
		if (!read || read.role === 'presenter') return;
		const present: Present = {
			clientId,
			participantId: read.participantId,
			role: read.role,
			self: clientId === awareness.clientID
		};
		if (read.name !== undefined) present.name = read.name;
		if (read.key !== undefined) present.key = read.key;
		out.push(present);
	});
	return out.sort(
		(a, b) => Number(b.self) - Number(a.self) || Number(b.role === 'facilitator') - Number(a.role === 'facilitator')
	);
}

/** The join key of every device whose presence names one, displays included. */
export function presenceKeys(awareness: Awareness): string[] {
	const keys: string[] = [];
	awareness.getStates().forEach((state) => {
		const key = readPresenceState(state)?.key;
		if (key) keys.push(key);
	});
	return keys;
}

/** How many displays (presenter views) show the session now. */
export function countDisplays(awareness: Awareness): number {
	let count = 0;
	awareness.getStates().forEach((state) => {
		if (readPresenceState(state)?.role === 'presenter') count++;
	});
	return count;
}

/** The clock reading of another device's facilitator, if one is present (the lowest client id wins). */
export function facilitatorReading(awareness: Awareness): { clientId: number; clock: number } | null {
	let found: { clientId: number; clock: number } | null = null;
	awareness.getStates().forEach((value, clientId) => {
		if (clientId === awareness.clientID) return;
		const state = parsePresenceState(value);
		if (state?.clock === undefined || (found && found.clientId < clientId)) return;
		found = { clientId, clock: state.clock };
	});
	return found;
}
