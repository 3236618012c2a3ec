/**
 * The one path a waiting note's text takes into and out of the document (moderated boards).
 *
 * Today it passes through unchanged: a waiting note is hidden by every device, as private notes
 * are, not encrypted. The authority issue (#15) makes `sealWaitingText` encrypt to the
 * facilitator's key and `openWaitingText` decrypt on the facilitator's device and the writer's
 * (which keeps its own copy); nothing else in the board needs to change for that, because every
 * write of a waiting note's text calls the first and every read calls the second.
 */
import { MAX_NOTE_LENGTH } from './types';

export function sealWaitingText(text: string): string {
	return text;
}

/** The text of a waiting note, or undefined when it is missing or malformed. */
export function openWaitingText(sealed: unknown): string | undefined {
	return typeof sealed === 'string' && sealed.length <= MAX_NOTE_LENGTH ? sealed : undefined;
}
