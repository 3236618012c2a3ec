/**
 * A board spec as stored in a session document (the layout object and the options beside it),
 * validated with the same rules as a method file. Returns null for anything invalid: documents
 * come from other devices.
 */
import { MethodError, parseBoard } from './parse';
import type { BoardSpec } from './types';

export function parseBoardSpec(value: unknown): BoardSpec | null {
	if (typeof value !== 'object' || value === null) return null;
	const { layout, privateWriting, dotsPerPerson, timerMinutes } = value as Record<string, unknown>;
	if (typeof layout !== 'object' || layout === null || Array.isArray(layout)) return null;
	try {
		return parseBoard({ ...layout, privateWriting, dotsPerPerson, timerMinutes }, 'board');
	} catch (error) {
		if (error instanceof MethodError) return null;
		throw error;
	}
}
