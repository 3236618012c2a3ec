/**
 * The interface language of this device, as Svelte state: components call `i18n.t(key)` and
 * re-render when the language changes. The choice is remembered in the device's settings.
 *
 * Only the shown language's messages are loaded (one module per language, built from the message
 * files by messages-plugin.node.ts): a participant's phone does not download the other two.
 *
 * The remembered choice is read from storage's synchronous copy (storage/first-paint.ts), not from
 * the database: the root layout awaits `init` before anything shows, and the database would bring
 * Dexie and yjs into every route's first paint. The settings module is loaded only to write a
 * choice, or once on a device whose copy is missing.
 */
import { format, type MessageParams } from '$lib/i18n/format';
import type { MessageKey } from '$lib/i18n/catalog';
import type { Message } from '$lib/i18n/define';
import { detectLocale, type Locale } from '$lib/i18n/locales';
import { databaseMayExist, readMirror, writeMirror } from '$lib/storage/first-paint';

/** One language's messages; `t` only asks for keys the catalogue type knows. */
type Messages = Readonly<Record<string, Message>>;

const CATALOGUES: Record<Locale, () => Promise<{ default: Messages }>> = {
	fi: () => import('virtual:kohtaamo-messages/fi'),
	sv: () => import('virtual:kohtaamo-messages/sv'),
	en: () => import('virtual:kohtaamo-messages/en')
};

class I18n {
	#locale = $state.raw<Locale>('en');
	#messages = $state.raw<Messages | null>(null);
	/** Counts language changes, so that a slow load never overrides a later choice. */
	#changes = 0;

	get locale(): Locale {
		return this.#locale;
	}

	/** The text of a message in the current language (its key until the language has loaded,
	 * which the root layout awaits before anything renders). */
	t = (key: MessageKey, params?: MessageParams): string => {
		const message = this.#messages?.[key];
		return message === undefined ? key : format(this.#locale, message, params);
	};

	/** Restores the remembered language, or follows the device's. */
	async init(): Promise<void> {
		const saved = await rememberedLocale();
		await this.#apply(saved ?? detectLocale(navigator.languages ?? [navigator.language]));
	}

	async choose(locale: Locale): Promise<void> {
		// Remembered first, synchronously: a reload right after the choice (the language's messages
		// and the settings module may still be loading) must not fall back to the old language.
		writeMirror({ locale });
		const remembered = import('$lib/storage/settings').then(({ writeSetting }) => writeSetting('locale', locale));
		await Promise.all([remembered, this.#apply(locale)]);
	}

	async #apply(locale: Locale) {
		const change = ++this.#changes;
		const messages = (await CATALOGUES[locale]()).default;
		if (change !== this.#changes) return;
		this.#messages = messages;
		this.#locale = locale;
		if (typeof document !== 'undefined') document.documentElement.lang = locale;
	}
}

/** The language this device remembers: from the synchronous copy; without one, from the database
 * (once: the copy is written then), unless this device has no database at all (a first visit). */
async function rememberedLocale(): Promise<Locale | undefined> {
	const copy = readMirror();
	if (copy) return copy.locale;
	let saved: Locale | undefined;
	if (await databaseMayExist()) {
		try {
			const { readSetting } = await import('$lib/storage/settings');
			saved = await readSetting('locale');
		} catch {
			// An unreadable database must not stop the app: follow the device, and ask again next time.
			return undefined;
		}
	}
	writeMirror({ locale: saved });
	return saved;
}

export const i18n = new I18n();
