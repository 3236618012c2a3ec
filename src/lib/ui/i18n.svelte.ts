/**
 * The interface language of this device, as Svelte state: components call `i18n.t(key)` and
 * re-render when the language changes. The choice is remembered in the device's settings.
 */
import { detectLocale, type Locale } from '$lib/i18n/locales';
import { translate, type MessageParams } from '$lib/i18n/translate';
import type { MessageKey } from '$lib/i18n/catalog';
import { readSetting, writeSetting } from '$lib/storage/settings';

class I18n {
	#locale = $state.raw<Locale>('en');

	get locale(): Locale {
		return this.#locale;
	}

	t = (key: MessageKey, params?: MessageParams): string => translate(this.#locale, key, params);

	/** Restores the remembered language, or follows the device's. */
	async init(): Promise<void> {
		const saved = await readSetting('locale').catch(() => undefined);
		this.#apply(saved ?? detectLocale(navigator.languages ?? [navigator.language]));
	}

	async choose(locale: Locale): Promise<void> {
		this.#apply(locale);
		await writeSetting('locale', locale);
	}

	#apply(locale: Locale) {
		this.#locale = locale;
		document.documentElement.lang = locale;
	}
}

export const i18n = new I18n();
