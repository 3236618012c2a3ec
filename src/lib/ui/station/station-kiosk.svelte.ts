/**
 * One visitor at a time at a comment station: what they are writing, their optional one-tap age
 * group and language, sending, and the reset that leaves nothing of them for the next visitor.
 *
 * Why a new `visitor` token per visitor: the page keys its form on it, so every visitor gets new
 * DOM nodes and a new field name — browsers offer earlier entries by field name, so a fresh name
 * (with autocomplete off) keeps the previous visitor's words out of the suggestions.
 * Why an idle reset: a visitor who walks away mid-sentence must not leave their text to the next.
 */
import { cleanNoteText } from '$lib/board/commands';
import { MAX_NOTE_LENGTH } from '$lib/board/types';
import type { StationNote } from '$lib/board/station';
import { randomToken } from '$lib/session/ids';

export const AGE_GROUPS = ['child', 'teen', 'adult', 'senior'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export interface KioskOptions {
	/** Keeps a sent note (IndexedDB in the app); the kiosk resets only once it is kept. */
	save: (note: StationNote) => Promise<void>;
	/** Without a touch or keystroke for this long, a half-written note is cleared. */
	idleMs?: number;
	/** How long "Thank you" stays on screen after sending. */
	thanksMs?: number;
	now?: () => number;
}

export class StationKiosk {
	#visitor = $state.raw(randomToken(9));
	#text = $state.raw('');
	#ageGroup = $state.raw<AgeGroup | null>(null);
	#language = $state.raw<string | null>(null);
	#thanked = $state.raw(false);
	#sending = $state.raw(false);
	#failed = $state.raw(false);
	#idle: ReturnType<typeof setTimeout> | undefined;
	#thanks: ReturnType<typeof setTimeout> | undefined;
	readonly #options: Required<KioskOptions>;

	constructor(options: KioskOptions) {
		this.#options = { idleMs: 90_000, thanksMs: 6_000, now: Date.now, ...options };
	}

	/** Changes with every visitor: the key of the form and the name of its field. */
	get visitor(): string {
		return this.#visitor;
	}
	get text(): string {
		return this.#text;
	}
	get ageGroup(): AgeGroup | null {
		return this.#ageGroup;
	}
	get language(): string | null {
		return this.#language;
	}
	/** The last visitor's note was kept: say thank you (without repeating it). */
	get thanked(): boolean {
		return this.#thanked;
	}
	get sending(): boolean {
		return this.#sending;
	}
	/** Keeping the last note failed (storage full or broken): the text stays for another try. */
	get failed(): boolean {
		return this.#failed;
	}
	get canSend(): boolean {
		const length = cleanNoteText(this.#text).length;
		return !this.#sending && length > 0 && length <= MAX_NOTE_LENGTH;
	}

	write(text: string): void {
		this.#text = text;
		this.#thanked = false;
		this.#failed = false;
		this.touch();
	}

	/** One tap chooses, a second tap on the same choice takes it back. */
	chooseAge(group: AgeGroup): void {
		this.#ageGroup = this.#ageGroup === group ? null : group;
		this.touch();
	}

	chooseLanguage(language: string): void {
		this.#language = this.#language === language ? null : language;
		this.touch();
	}

	/** The visitor is still here: restart the idle countdown while there is anything to lose. */
	touch(): void {
		clearTimeout(this.#idle);
		this.#idle = undefined;
		if (this.#text || this.#ageGroup || this.#language)
			this.#idle = setTimeout(() => this.reset(), this.#options.idleMs);
	}

	/** Keeps the note, then resets for the next visitor; false when there was nothing to send or
	 * keeping failed (the text stays so the visitor can try again). */
	async send(): Promise<boolean> {
		if (!this.canSend) return false;
		this.#sending = true;
		const note: StationNote = {
			id: randomToken(12),
			text: cleanNoteText(this.#text),
			createdAt: this.#options.now(),
			...(this.#ageGroup ? { ageGroup: this.#ageGroup } : {}),
			...(this.#language ? { language: this.#language } : {})
		};
		try {
			await this.#options.save(note);
		} catch (error) {
			console.error('the station could not keep a note', error);
			this.#failed = true;
			return false;
		} finally {
			this.#sending = false;
		}
		this.reset();
		this.#thanked = true;
		clearTimeout(this.#thanks);
		this.#thanks = setTimeout(() => (this.#thanked = false), this.#options.thanksMs);
		return true;
	}

	/** Forgets everything of the current visitor. */
	reset(): void {
		clearTimeout(this.#idle);
		this.#idle = undefined;
		this.#visitor = randomToken(9);
		this.#text = '';
		this.#ageGroup = null;
		this.#language = null;
		this.#thanked = false;
		this.#failed = false;
	}

	destroy(): void {
		clearTimeout(this.#idle);
		clearTimeout(this.#thanks);
	}
}
