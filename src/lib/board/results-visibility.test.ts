import { describe, expect, it } from 'vitest';
import { visibleNotes } from './results';
import type { Activity, Note } from './types';

const note = (id: string, activityId: string, extra: Partial<Note> = {}): Note => ({
	id,
	activityId,
	text: id,
	color: 'yellow',
	position: { x: 0, y: 0 },
	zone: null,
	cluster: null,
	private: true,
	createdAt: 1,
	...extra
});
const voting = { id: 'a2', revealed: false } as Activity;

describe('visible notes on a board that continues an earlier activity', () => {
	it('shows a private note once the activity it was written in was revealed, not before', () => {
		const written = note('n1', 'a1');
		const nobody = () => false;
		expect(visibleNotes([written], voting, nobody)).toEqual([]);
		expect(visibleNotes([written], voting, nobody, (id) => id === 'a1')).toEqual([written]);
		expect(visibleNotes([written], voting, nobody, (id) => id === 'a3')).toEqual([]);
	});

	it('never shows another writer’s waiting note, whatever was revealed', () => {
		const waiting = note('n2', 'a1', { private: false, waiting: true });
		expect(
			visibleNotes(
				[waiting],
				{ ...voting, revealed: true },
				() => false,
				() => true
			)
		).toEqual([]);
		expect(visibleNotes([waiting], voting, (id) => id === 'n2')).toEqual([waiting]);
	});
});
