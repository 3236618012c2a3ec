/**
 * Participation answers in the session document: who took part, as categories (see
 * session/participation.ts). Each participant's answers are one entry under a random key the
 * participant's device keeps — not its participant id, so that an entry cannot be joined to a
 * name, a note's author or a ballot. Only the writing device replaces its own entry.
 *
 * Stored in the top-level map `participation` (added in document schema 1 as an optional map:
 * older apps ignore it, and a malformed entry is skipped when read).
 */
import type * as Y from 'yjs';
import type { Answers } from '../session/participation';
import { LOCAL_ORIGIN } from './doc';

export const PARTICIPATION_MAP = 'participation';
const MAX_KEY_LENGTH = 64;
const MAX_ANSWERS = 8;
const MAX_ID_LENGTH = 20;

/** Records (or replaces) one participant's answers; no answers removes the entry. One transaction. */
export function recordAnswers(doc: Y.Doc, key: string, answers: Answers): void {
	if (key.length === 0 || key.length > MAX_KEY_LENGTH) return;
	const map = doc.getMap<unknown>(PARTICIPATION_MAP);
	const clean = readAnswerEntry(answers);
	const existing = map.get(key);
	if (clean === null || Object.keys(clean).length === 0) {
		if (existing !== undefined) doc.transact(() => map.delete(key), LOCAL_ORIGIN);
		return;
	}
	if (JSON.stringify(existing) === JSON.stringify(clean)) return;
	doc.transact(() => map.set(key, clean), LOCAL_ORIGIN);
}

/** Every participant's answers, validated (malformed entries skipped). */
export function readAnswers(doc: Y.Doc): Answers[] {
	const out: Answers[] = [];
	doc.getMap<unknown>(PARTICIPATION_MAP).forEach((value, key) => {
		if (key.length > MAX_KEY_LENGTH) return;
		const answers = readAnswerEntry(value);
		if (answers) out.push(answers);
	});
	return out;
}

function readAnswerEntry(value: unknown): Answers | null {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
	const entries = Object.entries(value as Record<string, unknown>);
	if (entries.length > MAX_ANSWERS) return null;
	const out: Answers = {};
	for (const [question, answer] of entries) {
		if (question.length > MAX_ID_LENGTH || typeof answer !== 'string' || answer.length > MAX_ID_LENGTH) return null;
		out[question] = answer;
	}
	return out;
}
