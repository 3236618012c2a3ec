/**
 * A method in file shape — the shape of the files in `workshops/`, of an imported method, and of
 * the methods a backup carries — differs from a `Method` only in its board: in a file the board's
 * options sit beside its layout fields (`board: {template, lanes, timerMinutes, …}`), in a
 * `Method` the layout is kept apart (`board: {layout, timerMinutes, …}`).
 */
import type { MethodFile } from './method-schema';
import type { BoardLayout, Method } from './types';

/** A method written in file shape (what `parseMethod` reads back). */
export function methodToFileValue(method: Method): MethodFile {
	const { layout, privateWriting, dotsPerPerson, timerMinutes, continuesPrevious } = method.board;
	const board = { ...(layout as BoardLayout), privateWriting, dotsPerPerson, timerMinutes };
	return { ...method, board: continuesPrevious ? { ...board, continuesPrevious } : board };
}

/** A value stored in `Method` shape, put in file shape for the parser to check. Anything else (a
 * damaged row) is passed on as it is, for the parser to reject. */
export function storedToFileValue(value: unknown): unknown {
	if (typeof value !== 'object' || value === null) return value;
	const { board, ...rest } = value as Record<string, unknown>;
	if (typeof board !== 'object' || board === null || !('layout' in board)) return value;
	const { layout, ...options } = board as Record<string, unknown>;
	return { ...rest, board: { ...(layout as object), ...options } };
}
