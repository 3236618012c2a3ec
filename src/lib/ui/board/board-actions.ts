/**
 * The board's actions in one list: each with its label, its keyboard shortcuts and what it does.
 * The keyboard handler and the shortcut help dialog both read this list, so a shortcut cannot
 * exist without being listed, nor be listed without working. Actions on the focused note
 * (`scope: 'note'`) run with that note's id.
 */
import type { MessageKey } from '$lib/i18n/catalog';

export interface Shortcut {
	/** `KeyboardEvent.key`, compared without case for letters. */
	key: string;
	/** Ctrl, or ⌘ on a Mac. */
	mod?: boolean;
	shift?: boolean;
}

interface ActionBase {
	id: string;
	label: MessageKey;
	shortcuts: Shortcut[];
	/** The browser does it itself (Space on a button); listed, not intercepted. */
	native?: boolean;
}

export interface BoardAction extends ActionBase {
	scope: 'board';
	enabled: () => boolean;
	run: () => void;
}

export interface NoteAction extends ActionBase {
	scope: 'note';
	enabled: (noteId: string) => boolean;
	run: (noteId: string, event: KeyboardEvent) => void;
}

export type Action = BoardAction | NoteAction;

type KeyEventLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/** Whether `event` is `shortcut`. Shift only counts where the shortcut says so for letters and
 * named keys; symbols such as "?" carry their own Shift. */
export function matches(shortcut: Shortcut, event: KeyEventLike): boolean {
	if (event.altKey) return false;
	const mod = event.ctrlKey || event.metaKey;
	if (Boolean(shortcut.mod) !== mod) return false;
	const symbol = shortcut.key.length === 1 && !/[a-z0-9 ]/i.test(shortcut.key);
	if (!symbol && Boolean(shortcut.shift) !== event.shiftKey) return false;
	return shortcut.key.length === 1
		? shortcut.key.toLowerCase() === event.key.toLowerCase()
		: shortcut.key === event.key;
}

/** The first enabled action of `scope` one of whose shortcuts is `event`. */
export function findBoardAction(actions: readonly Action[], event: KeyEventLike): BoardAction | undefined {
	return actions.find(
		(a): a is BoardAction => a.scope === 'board' && a.enabled() && a.shortcuts.some((s) => matches(s, event))
	);
}

export function findNoteAction(
	actions: readonly Action[],
	noteId: string,
	event: KeyEventLike
): NoteAction | undefined {
	return actions.find(
		(a): a is NoteAction => a.scope === 'note' && a.enabled(noteId) && a.shortcuts.some((s) => matches(s, event))
	);
}

const KEY_NAMES: Record<string, string> = {
	' ': 'Space',
	ArrowLeft: '←',
	ArrowRight: '→',
	ArrowUp: '↑',
	ArrowDown: '↓',
	Escape: 'Esc'
};

/** How a shortcut is written in the help: "Ctrl + Z", "⌘ + Z", "Shift + →". */
export function shortcutText(shortcut: Shortcut, mac = false): string {
	const parts: string[] = [];
	if (shortcut.mod) parts.push(mac ? '⌘' : 'Ctrl');
	if (shortcut.shift) parts.push('Shift');
	const key = KEY_NAMES[shortcut.key] ?? (shortcut.key.length === 1 ? shortcut.key.toUpperCase() : shortcut.key);
	parts.push(key);
	return parts.join(' + ');
}
