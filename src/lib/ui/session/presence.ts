/**
 * Presence: who is here, from the awareness states peers send. Those states are untrusted input,
 * so they are read through the presence schema (`$lib/board/presence-state`) before the UI sees them.
 */
import type { Awareness } from 'y-protocols/awareness';
import { readPresenceState, type PresenceState } from '$lib/board/presence-state';

export interface Present extends Pick<PresenceState, 'participantId' | 'name' | 'role'> {
	clientId: number;
	self: boolean;
}

/** What this device publishes about itself (besides its clock reading). */
export type LocalPresence = Pick<PresenceState, 'participantId' | 'name' | 'role'>;

export function readPresence(awareness: Awareness): Present[] {
	const out: Present[] = [];
	awareness.getStates().forEach((state, clientId) => {
		const read = readPresenceState(state);
		if (!read) return;
		const present: Present = {
			clientId,
			participantId: read.participantId,
			role: read.role,
			self: clientId === awareness.clientID
		};
		if (read.name !== undefined) present.name = read.name;
		out.push(present);
	});
	return out.sort(
		(a, b) => Number(b.self) - Number(a.self) || Number(b.role === 'facilitator') - Number(a.role === 'facilitator')
	);
}
