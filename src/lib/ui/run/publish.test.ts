import { describe, expect, it } from 'vitest';
import { parseBoardSpec } from '$lib/methods/board-spec';
import { freeBoard } from '$lib/session/plan';
import type { AgendaItem } from '$lib/session/types';
import { activitiesFromAgenda } from './publish';

const item = (id: string, extra: Partial<AgendaItem> = {}): AgendaItem => ({
	id,
	sessionId: 's',
	position: 1,
	kind: 'method',
	title: id,
	minutes: 10,
	prompt: '',
	board: freeBoard(10),
	...extra
});

describe('activitiesFromAgenda', () => {
	it('carries the source, and leaves the planning default out of the document’s board', () => {
		const [write, vote] = activitiesFromAgenda([
			item('write'),
			item('vote', { source: 'write', board: { ...freeBoard(5), continuesPrevious: true } })
		]);
		expect(write).not.toHaveProperty('source');
		expect(vote.source).toBe('write');
		expect(vote.board).not.toHaveProperty('continuesPrevious');
		// What older apps read: exactly the fields they know.
		expect(Object.keys(vote.board).sort()).toEqual(['dotsPerPerson', 'layout', 'privateWriting', 'timerMinutes']);
		expect(parseBoardSpec(vote.board)).toEqual(vote.board);
	});
});
