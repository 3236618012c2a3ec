/**
 * The live session a page shows, with the page's lifetime: opened when the page mounts (or its
 * session id changes), destroyed when it goes. Create it while a component initialises:
 * `new PageSession(() => data.id, { open: (id) => LiveSession.open(id) })`.
 *
 * Why not in `load`: SvelteKit also runs `load` when a link is merely hovered
 * (`data-sveltekit-preload-data="hover"`), and opening a session has effects — storage, a timer, a
 * check-in in the shared document, a claim on the room. `load` returns plain data; this does the rest.
 */
export type PageSessionStatus = 'opening' | 'open' | 'missing';

/** What a page holds open: a `LiveSession` in the app. */
export interface Closable {
	destroy(): void;
}

export interface PageSessionOptions<T extends Closable> {
	/** Opens the session (`LiveSession.open`); null when this device has no such session. */
	open: (sessionId: string) => Promise<T | null>;
	/** Runs once the session is open; what it returns runs before the session is destroyed. */
	onOpen?: (live: T) => (() => void) | void;
}

export class PageSession<T extends Closable> {
	#live = $state.raw<T | null>(null);
	#status = $state.raw<PageSessionStatus>('opening');
	#close: () => void = () => {};

	/** `sessionId` is read reactively: another id closes this session and opens that one. */
	constructor(sessionId: () => string, { open, onOpen }: PageSessionOptions<T>) {
		$effect(() => {
			const id = sessionId();
			let live: T | null = null;
			let cleanup: (() => void) | void;
			let gone = false;
			this.#live = null;
			this.#status = 'opening';
			const close = () => {
				if (gone) return;
				gone = true;
				cleanup?.();
				live?.destroy();
				this.#live = null;
			};
			this.#close = close;
			open(id).then(
				(opened) => {
					if (gone) {
						opened?.destroy();
						return;
					}
					live = opened;
					this.#live = opened;
					this.#status = opened ? 'open' : 'missing';
					if (opened) cleanup = onOpen?.(opened);
				},
				(error: unknown) => {
					console.error('could not open the session', error);
					if (!gone) this.#status = 'missing';
				}
			);
			return close;
		});
	}

	/** The open session; null while opening, when there is none, and after `close`. */
	get current(): T | null {
		return this.#live;
	}

	get status(): PageSessionStatus {
		return this.#status;
	}

	/** Lets go of the session before the page goes (its data was deleted, say). */
	close(): void {
		this.#close();
	}
}
