import { describe, expect, it } from 'vitest';
import { findBoardAction, findNoteAction, matches, shortcutText, type Action } from './board-actions';

const key = (k: string, extra: Partial<KeyboardEvent> = {}) => ({
	key: k,
	ctrlKey: false,
	metaKey: false,
	shiftKey: false,
	altKey: false,
	...extra
});

describe('matches', () => {
	it.each([
		{ shortcut: { key: 'z', mod: true }, event: key('z', { ctrlKey: true }), expected: true },
		{ shortcut: { key: 'z', mod: true }, event: key('Z', { metaKey: true }), expected: true },
		{ shortcut: { key: 'z', mod: true }, event: key('z'), expected: false },
		{ shortcut: { key: 'z', mod: true }, event: key('Z', { ctrlKey: true, shiftKey: true }), expected: false },
		{
			shortcut: { key: 'z', mod: true, shift: true },
			event: key('Z', { ctrlKey: true, shiftKey: true }),
			expected: true
		},
		{ shortcut: { key: 'n' }, event: key('n'), expected: true },
		{ shortcut: { key: 'n' }, event: key('n', { altKey: true }), expected: false },
		{ shortcut: { key: '?' }, event: key('?', { shiftKey: true }), expected: true },
		{ shortcut: { key: 'Escape' }, event: key('Escape'), expected: true },
		{ shortcut: { key: 'ArrowLeft' }, event: key('ArrowLeft', { shiftKey: true }), expected: false },
		{ shortcut: { key: 'ArrowLeft', shift: true }, event: key('ArrowLeft', { shiftKey: true }), expected: true }
	])('$shortcut.key vs $event.key → $expected', ({ shortcut, event, expected }) => {
		expect(matches(shortcut, event)).toBe(expected);
	});
});

describe('finding an action', () => {
	const ran: string[] = [];
	let canGroup = false;
	const actions: Action[] = [
		{
			id: 'add',
			scope: 'board',
			label: 'board.addNote',
			shortcuts: [{ key: 'n' }],
			enabled: () => true,
			run: () => ran.push('add')
		},
		{
			id: 'group',
			scope: 'board',
			label: 'board.group',
			shortcuts: [{ key: 'g' }],
			enabled: () => canGroup,
			run: () => ran.push('group')
		},
		{
			id: 'edit',
			scope: 'note',
			label: 'board.edit',
			shortcuts: [{ key: 'Enter' }],
			enabled: (id) => id === 'mine',
			run: (id) => ran.push(`edit ${id}`)
		}
	];

	it('finds an enabled board action by its shortcut', () => {
		expect(findBoardAction(actions, key('n'))?.id).toBe('add');
	});

	it('skips a disabled action', () => {
		canGroup = false;
		expect(findBoardAction(actions, key('g'))).toBeUndefined();
		canGroup = true;
		expect(findBoardAction(actions, key('g'))?.id).toBe('group');
	});

	it('finds note actions only for notes they apply to, and never as board actions', () => {
		expect(findNoteAction(actions, 'mine', key('Enter'))?.id).toBe('edit');
		expect(findNoteAction(actions, 'theirs', key('Enter'))).toBeUndefined();
		expect(findBoardAction(actions, key('Enter'))).toBeUndefined();
	});
});

describe('shortcutText', () => {
	it.each([
		{ shortcut: { key: 'z', mod: true }, mac: false, text: 'Ctrl + Z' },
		{ shortcut: { key: 'z', mod: true, shift: true }, mac: true, text: '⌘ + Shift + Z' },
		{ shortcut: { key: ' ' }, mac: false, text: 'Space' },
		{ shortcut: { key: 'ArrowRight', shift: true }, mac: false, text: 'Shift + →' },
		{ shortcut: { key: 'Escape' }, mac: false, text: 'Esc' },
		{ shortcut: { key: 'Delete' }, mac: false, text: 'Delete' }
	])('$text', ({ shortcut, mac, text }) => {
		expect(shortcutText(shortcut, mac)).toBe(text);
	});
});
