/**
 * This device's undo and redo for one session document, as Svelte state. The rules — only its own
 * changes are undoable, and nothing is undone or redone while the board is closed to this device
 * (locked, ended, or from a newer app) — live in the board layer (`BoardHistory`); this class only
 * makes "can undo now" reactive for buttons.
 */
import type * as Y from 'yjs';
import { createBoardHistory, type BoardHistory } from '$lib/board/history';
import type { CommandResult } from '$lib/board/commands';
import type { Actor } from '$lib/board/types';

export class SessionHistory {
	readonly #history: BoardHistory;
	readonly #watch: () => void;
	readonly #stopListening: () => void;
	#hasUndo = $state.raw(false);
	#hasRedo = $state.raw(false);

	/** `watch` reads the reactive state the board's rules depend on (the run and the document's
	 * version), so that `canUndo` updates when the facilitator locks or ends. */
	constructor(doc: Y.Doc, actor: Pick<Actor, 'role'>, watch: () => void = () => {}) {
		this.#history = createBoardHistory(doc, actor);
		this.#watch = watch;
		this.#stopListening = this.#history.onChange(() => {
			this.#hasUndo = this.#history.hasUndo();
			this.#hasRedo = this.#history.hasRedo();
		});
	}

	#open(): boolean {
		this.#watch();
		return this.#history.refusal() === null;
	}

	get canUndo(): boolean {
		return this.#hasUndo && this.#open();
	}

	get canRedo(): boolean {
		return this.#hasRedo && this.#open();
	}

	/** Takes back this device's last step, or says why not (the board's rules decide). */
	undo(): CommandResult<boolean> {
		return this.#history.undo();
	}

	redo(): CommandResult<boolean> {
		return this.#history.redo();
	}

	/** Ends the current step: the next change is a step of its own (a drag ends, say). */
	endStep(): void {
		this.#history.endStep();
	}

	destroy(): void {
		this.#stopListening();
		this.#history.destroy();
	}
}
