/**
 * A tiny typed event emitter.
 *
 * Why not lib0's Observable: a listener that throws there stops the listeners after it and escapes
 * into whatever network event caused the emit. Here every listener is called, and a throwing one is
 * reported instead of propagated — a bug in the UI must not break sync.
 */

type Listener = (...args: never[]) => void;

export class Emitter<Events extends { [K in keyof Events]: Listener }> {
	readonly #listeners = new Map<keyof Events, Set<Listener>>();
	readonly #onError: (error: unknown) => void;

	constructor(onError: (error: unknown) => void) {
		this.#onError = onError;
	}

	on<K extends keyof Events>(event: K, listener: Events[K]): void {
		let set = this.#listeners.get(event);
		if (!set) this.#listeners.set(event, (set = new Set()));
		set.add(listener);
	}

	off<K extends keyof Events>(event: K, listener: Events[K]): void {
		this.#listeners.get(event)?.delete(listener);
	}

	emit<K extends keyof Events>(event: K, ...args: Parameters<Events[K]>): void {
		for (const listener of [...(this.#listeners.get(event) ?? [])]) {
			try {
				(listener as (...values: Parameters<Events[K]>) => void)(...args);
			} catch (error) {
				this.#onError(error);
			}
		}
	}

	clear(): void {
		this.#listeners.clear();
	}
}
