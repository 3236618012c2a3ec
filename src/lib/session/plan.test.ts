import { describe, expect, it } from 'vitest';
import { defaultSource, freeBoard } from './plan';
import type { AgendaItem } from './types';

const item = (id: string, kind: AgendaItem['kind'] = 'method'): AgendaItem => ({
	id,
	sessionId: 's',
	position: 1,
	kind,
	title: id,
	minutes: 10,
	prompt: '',
	board: freeBoard(10)
});

describe('defaultSource', () => {
	const voting = { board: { ...freeBoard(5), continuesPrevious: true as const } };

	it.each([
		['continues on the last activity with a board', [item('write'), item('group')], 'group'],
		['skips a break', [item('write'), item('coffee', 'break')], 'write'],
		['has nothing to continue on at the start', [], undefined],
		['has nothing to continue on after breaks only', [item('coffee', 'break')], undefined]
	])('a method that offers it %s', (_, earlier, expected) => {
		expect(defaultSource(voting, earlier)).toBe(expected);
	});

	it('starts other methods on an empty board', () => {
		expect(defaultSource({ board: freeBoard(5) }, [item('write')])).toBeUndefined();
		expect(defaultSource({}, [item('write')])).toBeUndefined();
	});
});
