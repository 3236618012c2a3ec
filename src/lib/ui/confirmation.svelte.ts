/**
 * A yes-or-no question in the app's own dialog (`ConfirmDialog.svelte`) instead of the browser's
 * `window.confirm`, which blocks the page, cannot be styled or translated in its buttons, and which
 * some browsers suppress. `ask` returns a promise, so a caller reads much as with the browser's dialog:
 * `if (!(await confirmation.ask(…))) return;`.
 */
export interface ConfirmRequest {
	message: string;
	/** The button that says yes, in words that name the action ("Delete", "Leave without saving"). */
	confirmLabel: string;
}

export class Confirmation {
	#request = $state.raw<ConfirmRequest | null>(null);
	#resolve: ((yes: boolean) => void) | null = null;

	/** The open question, or null. */
	get request(): ConfirmRequest | null {
		return this.#request;
	}

	/** Asks; a question still open is answered "no" first. */
	ask(message: string, confirmLabel: string): Promise<boolean> {
		this.answer(false);
		this.#request = { message, confirmLabel };
		return new Promise((resolve) => (this.#resolve = resolve));
	}

	answer(yes: boolean): void {
		const resolve = this.#resolve;
		this.#resolve = null;
		this.#request = null;
		resolve?.(yes);
	}
}
