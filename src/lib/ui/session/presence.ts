/**
 * Presence: who is here, from the awareness states peers send. Those states are untrusted input,
 * so they are validated into `PresenceState` before anything reads them.
 */
import type { Awareness } from 'y-protocols/awareness';
import { MAX_NICKNAME_LENGTH } from '$lib/board/types';

export type PresenceRole = 'facilitator' | 'participant';

/**
 * What a device puts in its awareness state. `clock` is on the facilitator's device only: its own
 * clock (milliseconds since 1970) when it wrote the state, renewed every few seconds, from which
 * the others estimate their offset for the shared timer.
 */
export interface PresenceState {
	participantId: string;
	role: PresenceRole;
	name?: string;
	clock?: number;
}

/** A device in the room, as the UI lists it. */
export interface Present {
	clientId: number;
	participantId: string;
	name?: string;
	role: PresenceRole;
	self: boolean;
}

/** What this device announces about itself (the clock is added by `SessionPresence`). */
export type LocalPresence = Omit<PresenceState, 'clock'>;

const MAX_PARTICIPANT_ID_LENGTH = 64;

/** Validates a peer's awareness state; null when it is not a presence. A bad name or clock is left out. */
export function parsePresenceState(value: unknown): PresenceState | null {
	if (typeof value !== 'object' || value === null) return null;
	const { participantId, name, role, clock } = value as Record<string, unknown>;
	if (typeof participantId !== 'string' || participantId.length > MAX_PARTICIPANT_ID_LENGTH) return null;
	const state: PresenceState = { participantId, role: role === 'facilitator' ? 'facilitator' : 'participant' };
	if (typeof name === 'string' && name.trim() && name.length <= MAX_NICKNAME_LENGTH) state.name = name.trim();
	if (state.role === 'facilitator' && typeof clock === 'number' && Number.isFinite(clock)) state.clock = clock;
	return state;
}

export function readPresence(awareness: Awareness): Present[] {
	const out: Present[] = [];
	awareness.getStates().forEach((value, clientId) => {
		const state = parsePresenceState(value);
		if (!state) return;
		const present: Present = {
			clientId,
			participantId: state.participantId,
			role: state.role,
			self: clientId === awareness.clientID
		};
		if (state.name) present.name = state.name;
		out.push(present);
	});
	return out.sort(
		(a, b) => Number(b.self) - Number(a.self) || Number(b.role === 'facilitator') - Number(a.role === 'facilitator')
	);
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
