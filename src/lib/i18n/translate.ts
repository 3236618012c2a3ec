/**
 * Turns a message key into text in a language. Pure, so that the PDF export and tests use it too.
 */
import { catalog, type MessageKey } from './catalog';
import { format, type MessageParams } from './format';
import type { Locale } from './locales';

export { format, type MessageParams };

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
	return format(locale, catalog[locale][key], params);
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const translator =
	(locale: Locale): Translate =>
	(key, params) =>
		translate(locale, key, params);

/** One message in every language, e.g. for text stored in a shared document or a method. */
export function inEveryLanguage(key: MessageKey, params?: MessageParams): Record<Locale, string> {
	return { fi: translate('fi', key, params), sv: translate('sv', key, params), en: translate('en', key, params) };
}
