/**
 * The method library as the UI sees it: the built-in methods and this device's own, with search
 * text prepared once. Pages read it; changes go through the storage functions and `refresh()`.
 */
import { loadBuiltinMethods } from '$lib/methods/builtin';
import { searchText } from '$lib/methods/search';
import type { Method } from '$lib/methods/types';
import { listCustomMethods } from '$lib/storage/custom-methods';

export interface LibraryEntry {
	method: Method;
	/** A facilitator's own method, stored on this device. */
	own: boolean;
	/** For own methods copied from a built-in: its id. */
	basedOn?: string;
	/** Folded text for search. */
	text: string;
}

class MethodLibrary {
	#entries = $state.raw<LibraryEntry[]>([]);
	#loaded: Promise<void> | undefined;

	get entries(): LibraryEntry[] {
		return this.#entries;
	}

	/** Loads once; later calls wait for the same load. */
	load(): Promise<void> {
		this.#loaded ??= this.refresh();
		return this.#loaded;
	}

	async refresh(): Promise<void> {
		const [builtin, custom] = await Promise.all([loadBuiltinMethods(), listCustomMethods()]);
		this.#entries = [
			...custom.map((row) => ({ method: row.method, own: true, basedOn: row.basedOn, text: searchText(row.method) })),
			...builtin.map((method) => ({ method, own: false, text: searchText(method) }))
		];
	}

	get(id: string): LibraryEntry | undefined {
		return this.#entries.find((entry) => entry.method.id === id);
	}

	has(id: string): boolean {
		return this.get(id) !== undefined;
	}
}

export const methodLibrary = new MethodLibrary();
