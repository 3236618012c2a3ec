/**
 * Undo and redo, one history per device and session document.
 *
 * The policy: only this device's own changes (`LOCAL_ORIGIN`) are undoable; updates from peers and
 * from storage never are. Changes within 300 ms merge into one step, and a drag writes its
 * position once, at its end, so one gesture is one step. The facilitator's phase and activity
 * changes are not in the board's history: undoing a note must never rewind the workshop; votes are
 * taken back by tapping the dot again, not by undo, so that undo cannot change a vote after results.
 *
 * Undo is a change like any other, so it obeys the same rules as the commands: refused on a
 * document from a newer app (`read-only`) and, for a participant, while the facilitator has locked
 * the board or after the session ended. The rule lives here, not in the UI, so that no path (a
 * button, a keyboard shortcut, a menu) can go around it: the undo manager itself is private.
 */
import * as Y from 'yjs';
import { boardClosedFor, type CommandResult } from './commands';
import { isFromNewerVersion, LOCAL_ORIGIN, sessionMaps } from './doc';
import type { Actor } from './types';

export class BoardHistory {
	readonly #doc: Y.Doc;
	readonly #actor: Pick<Actor, 'role'>;
	readonly #manager: Y.UndoManager;

	constructor(doc: Y.Doc, actor: Pick<Actor, 'role'>) {
		const maps = sessionMaps(doc);
		this.#doc = doc;
		this.#actor = actor;
		this.#manager = new Y.UndoManager([maps.notes, maps.clusters], {
			trackedOrigins: new Set([LOCAL_ORIGIN]),
			captureTimeout: 300
		});
	}

	/** Why this device may not undo or redo now, or null when it may. */
	refusal(): 'read-only' | 'locked' | 'ended' | null {
		if (isFromNewerVersion(this.#doc)) return 'read-only';
		return boardClosedFor(sessionMaps(this.#doc), this.#actor);
	}

	/** Whether there is a step to undo (regardless of whether it is allowed now). */
	hasUndo(): boolean {
		return this.#manager.canUndo();
	}

	hasRedo(): boolean {
		return this.#manager.canRedo();
	}

	/** Takes back this device's last step. `value` is false when there was no step to take back. */
	undo(): CommandResult<boolean> {
		const refusal = this.refusal();
		if (refusal) return { ok: false, reason: refusal };
		return { ok: true, value: this.#manager.undo() !== null };
	}

	/** Does again the step last undone. `value` is false when there was none. */
	redo(): CommandResult<boolean> {
		const refusal = this.refusal();
		if (refusal) return { ok: false, reason: refusal };
		return { ok: true, value: this.#manager.redo() !== null };
	}

	/** Ends the current step: the next change is a step of its own (a drag ends, say). */
	endStep(): void {
		this.#manager.stopCapturing();
	}

	/** Calls `listener` whenever the stacks change (for a view's "can undo" state); returns its removal. */
	onChange(listener: () => void): () => void {
		const events = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;
		for (const event of events) this.#manager.on(event, listener);
		return () => {
			for (const event of events) this.#manager.off(event, listener);
		};
	}

	destroy(): void {
		this.#manager.destroy();
	}
}

/** This device's history of a session document, under the rules above. */
export function createBoardHistory(doc: Y.Doc, actor: Pick<Actor, 'role'>): BoardHistory {
	return new BoardHistory(doc, actor);
}
