/**
 * The notes this device wrote. Authorship is not in the shared document (anonymous sessions must
 * not reveal it), so each device remembers its own notes in its storage; this set decides what it
 * may edit and which private notes it sees before they are revealed.
 */
export class OwnNotes {
	readonly #ids: Set<string>;
	readonly #remember: (noteId: string) => Promise<void>;
	#version = $state.raw(0);

	/** `remember` stores a new note id on the device (IndexedDB in the app). */
	constructor(ids: Iterable<string>, remember: (noteId: string) => Promise<void>) {
		this.#ids = new Set(ids);
		this.#remember = remember;
	}

	/** Whether this device wrote the note (reactive: re-read when a note is added). */
	has(noteId: string): boolean {
		void this.#version;
		return this.#ids.has(noteId);
	}

	/** Every id (not reactive). */
	get ids(): Iterable<string> {
		return this.#ids;
	}

	add(noteId: string): void {
		if (this.#ids.has(noteId)) return;
		this.#ids.add(noteId);
		this.#version++;
		void this.#remember(noteId).catch((error: unknown) => console.error('could not remember own note', error));
	}
}
