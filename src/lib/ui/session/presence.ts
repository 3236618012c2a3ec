/**
 * Presence: who is here, from the awareness states peers send. Those states are untrusted input,
 * so they are validated into `Present` before the UI sees them.
 */
import type { Awareness } from 'y-protocols/awareness';
import { MAX_NICKNAME_LENGTH } from '$lib/board/types';

export interface Present {
	clientId: number;
	participantId: string;
	name?: string;
	role: 'facilitator' | 'participant';
	self: boolean;
}

export interface LocalPresence {
	participantId: string;
	name?: string;
	role: 'facilitator' | 'participant';
}

export function readPresence(awareness: Awareness): Present[] {
	const out: Present[] = [];
	awareness.getStates().forEach((state, clientId) => {
		if (typeof state !== 'object' || state === null) return;
		const { participantId, name, role } = state as Record<string, unknown>;
		if (typeof participantId !== 'string' || participantId.length > 64) return;
		const present: Present = {
			clientId,
			participantId,
			role: role === 'facilitator' ? 'facilitator' : 'participant',
			self: clientId === awareness.clientID
		};
		if (typeof name === 'string' && name.trim() && name.length <= MAX_NICKNAME_LENGTH) present.name = name.trim();
		out.push(present);
	});
	return out.sort(
		(a, b) => Number(b.self) - Number(a.self) || Number(b.role === 'facilitator') - Number(a.role === 'facilitator')
	);
}
