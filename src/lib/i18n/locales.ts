/** The languages of the app and of its content. Finnish is the source language. */
export const LOCALES = ['fi', 'sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const FALLBACK_LOCALE: Locale = 'en';

export const LOCALE_NAMES: Record<Locale, string> = {
	fi: 'Suomi',
	sv: 'Svenska',
	en: 'English'
};

export const isLocale = (value: unknown): value is Locale =>
	typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** Picks the first supported language of the device's list (e.g. `navigator.languages`);
 * `fi-FI` counts as Finnish, `sv-FI` as Swedish. */
export function detectLocale(preferred: readonly string[]): Locale {
	for (const tag of preferred) {
		const base = tag.toLowerCase().split(/[-_]/)[0];
		if (isLocale(base)) return base;
		// Norwegian and Danish readers are closer to Swedish than to English.
		if (base === 'nb' || base === 'nn' || base === 'no' || base === 'da') return 'sv';
	}
	return FALLBACK_LOCALE;
}

/** Text in all three languages, as in the method files and the session documents. */
export type Localized<T = string> = Record<Locale, T>;
