/**
 * This device's undo and redo for one session document, under the board's rules: only its own
 * changes are undoable (`createBoardHistory`), and nothing is undone or redone while the board is
 * closed to this device (a participant under the facilitator's lock) — undo is a change like any
 * other and goes through the same check.
 */
import type * as Y from 'yjs';
import { createBoardHistory } from '$lib/board/history';

export class SessionHistory {
	readonly #manager: Y.UndoManager;
	readonly #mayChange: () => boolean;
	#canUndo = $state.raw(false);
	#canRedo = $state.raw(false);

	/** `mayChange` is read reactively: whether this device may change the board now. */
	constructor(doc: Y.Doc, mayChange: () => boolean = () => true) {
		this.#manager = createBoardHistory(doc);
		this.#mayChange = mayChange;
		const update = () => {
			this.#canUndo = this.#manager.canUndo();
			this.#canRedo = this.#manager.canRedo();
		};
		this.#manager.on('stack-item-added', update);
		this.#manager.on('stack-item-popped', update);
		this.#manager.on('stack-cleared', update);
	}

	get canUndo(): boolean {
		return this.#canUndo && this.#mayChange();
	}

	get canRedo(): boolean {
		return this.#canRedo && this.#mayChange();
	}

	/** Takes back this device's last step; false when there is none or the board is closed to it. */
	undo(): boolean {
		if (!this.canUndo) return false;
		return this.#manager.undo() !== null;
	}

	redo(): boolean {
		if (!this.canRedo) return false;
		return this.#manager.redo() !== null;
	}

	/** Ends the current step: the next change is a step of its own (a drag ends, say). */
	endStep(): void {
		this.#manager.stopCapturing();
	}

	destroy(): void {
		this.#manager.destroy();
	}
}
