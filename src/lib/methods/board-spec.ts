/**
 * A board spec as stored in a session document or an agenda item (the layout object and the
 * options beside it), validated with the same schema as a method file's board. Returns null for
 * anything invalid: documents come from other devices. Read whenever activities are read, so it
 * runs the schema without building problem messages.
 */
import * as v from 'valibot';
import { BoardSchema } from './method-schema';
import type { BoardSpec } from './types';

export function parseBoardSpec(value: unknown): BoardSpec | null {
	if (typeof value !== 'object' || value === null) return null;
	const { layout, privateWriting, dotsPerPerson, timerMinutes, continuesPrevious } = value as Record<string, unknown>;
	if (typeof layout !== 'object' || layout === null || Array.isArray(layout)) return null;
	const result = v.safeParse(
		BoardSchema,
		{ ...layout, privateWriting, dotsPerPerson, timerMinutes, continuesPrevious },
		{ abortEarly: true }
	);
	return result.success ? result.output : null;
}
