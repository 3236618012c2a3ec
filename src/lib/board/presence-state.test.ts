import { describe, expect, it } from 'vitest';
import { readPresenceState } from './presence-state';
import { MAX_NICKNAME_LENGTH } from './types';

describe('readPresenceState', () => {
	it.each([
		['a participant', { participantId: 'p1', role: 'participant' }, { participantId: 'p1', role: 'participant' }],
		[
			'a named facilitator with a clock',
			{ participantId: 'f1', role: 'facilitator', name: '  Aino ', clock: 1_700_000_000_000 },
			{ participantId: 'f1', role: 'facilitator', name: 'Aino', clock: 1_700_000_000_000 }
		],
		[
			'an unknown role, as a participant',
			{ participantId: 'p1', role: 'admin' },
			{ participantId: 'p1', role: 'participant' }
		],
		['no role, as a participant', { participantId: 'p1' }, { participantId: 'p1', role: 'participant' }],
		[
			'a name too long, without the name',
			{ participantId: 'p1', role: 'participant', name: 'x'.repeat(MAX_NICKNAME_LENGTH + 1) },
			{ participantId: 'p1', role: 'participant' }
		],
		['an empty name, without it', { participantId: 'p1', name: '   ' }, { participantId: 'p1', role: 'participant' }],
		[
			'a clock that is no number, without it',
			{ participantId: 'f1', role: 'facilitator', clock: 'noon' },
			{ participantId: 'f1', role: 'facilitator' }
		],
		[
			'a live drag',
			{ participantId: 'p1', drag: { noteId: 'n1', x: 120.5, y: -20, extra: 1 } },
			{ participantId: 'p1', role: 'participant', drag: { noteId: 'n1', x: 120.5, y: -20 } }
		],
		['a cleared drag, without it', { participantId: 'p1', drag: null }, { participantId: 'p1', role: 'participant' }],
		[
			'a drag far off the board, without it',
			{ participantId: 'p1', drag: { noteId: 'n1', x: 1e9, y: 0 } },
			{ participantId: 'p1', role: 'participant' }
		],
		[
			'a drag of no note, without it',
			{ participantId: 'p1', drag: { noteId: '', x: 1, y: 1 } },
			{ participantId: 'p1', role: 'participant' }
		],
		[
			'a drag with a position that is no number, without it',
			{ participantId: 'p1', drag: { noteId: 'n1', x: '1', y: Number.NaN } },
			{ participantId: 'p1', role: 'participant' }
		],
		[
			'extra fields, without them',
			{ participantId: 'p1', cursor: { x: 1 } },
			{ participantId: 'p1', role: 'participant' }
		]
	])('reads %s', (_what, state, expected) => {
		expect(readPresenceState(state)).toEqual(expected);
	});

	it.each([
		['null (a device that left)', null],
		['a string', 'hello'],
		['a list', [{ participantId: 'p1' }]],
		['no participant', { role: 'facilitator' }],
		['a participant id that is no text', { participantId: 42 }],
		['a participant id too long', { participantId: 'x'.repeat(65) }]
	])('refuses %s', (_what, state) => {
		expect(readPresenceState(state)).toBeNull();
	});
});
