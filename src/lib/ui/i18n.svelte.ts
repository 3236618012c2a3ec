/**
 * The interface language of this device, as Svelte state: components call `i18n.t(key)` and
 * re-render when the language changes. The choice is remembered in the device's settings.
 *
 * Only the shown language's messages are loaded (one module per language, built from the message
 * files by messages-plugin.node.ts): a participant's phone does not download the other two.
 */
import { format, type MessageParams } from '$lib/i18n/format';
import type { MessageKey } from '$lib/i18n/catalog';
import type { Message } from '$lib/i18n/define';
import { detectLocale, type Locale } from '$lib/i18n/locales';
import { readSetting, writeSetting } from '$lib/storage/settings';

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
		const saved = await readSetting('locale').catch(() => undefined);
		await this.#apply(saved ?? detectLocale(navigator.languages ?? [navigator.language]));
	}

	async choose(locale: Locale): Promise<void> {
		// Remembered first: a reload right after the choice (the language's messages may still be
		// loading) must not fall back to the old language.
		await writeSetting('locale', locale);
		await this.#apply(locale);
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

export const i18n = new I18n();
