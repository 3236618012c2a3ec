/**
 * The reasons the facilitator gave for declining this device's own notes (moderated boards). The
 * declined note itself is gone from the document; only its id and the reason remain, and only
 * the writer's device — which remembers the ids of the notes it wrote — can match them. A reason
 * the writer has read can be put away on this device (`dismiss`); it is not shared.
 */
import type * as Y from 'yjs';
import { declinedNotes, observeDeclined, type Declined } from '$lib/board/moderation';

export class DeclinedReasons {
	#all = $state.raw<Declined[]>([]);
	#dismissed = $state.raw<ReadonlySet<string>>(new Set());
	readonly #owns: (noteId: string) => boolean;
	readonly #stop: () => void;

	/** `owns` is read reactively (a note written after the page opened counts too). */
	constructor(doc: Y.Doc, owns: (noteId: string) => boolean) {
		this.#owns = owns;
		this.#all = declinedNotes(doc);
		this.#stop = observeDeclined(doc, () => (this.#all = declinedNotes(doc)));
	}

	/** This device's declined notes in `activityId`, oldest first, not yet dismissed. */
	mine(activityId: string): Declined[] {
		return this.#all.filter(
			(d) => d.activityId === activityId && this.#owns(d.noteId) && !this.#dismissed.has(d.noteId)
		);
	}

	dismiss(noteId: string): void {
		this.#dismissed = new Set([...this.#dismissed, noteId]);
	}

	destroy(): void {
		this.#stop();
	}
}
