/**
 * Turns a message key into text in a language. Pure, so that the PDF export and tests use it too.
 */
import { catalog, type MessageKey } from './catalog';
import type { Message } from './define';
import type { Locale } from './locales';

export type MessageParams = Record<string, string | number>;

const pluralRules = new Map<Locale, Intl.PluralRules>();
function pluralCategory(locale: Locale, count: number): 'one' | 'other' {
	let rules = pluralRules.get(locale);
	if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
	return rules.select(count) === 'one' ? 'one' : 'other';
}

export function format(locale: Locale, message: Message, params: MessageParams = {}): string {
	const text = typeof message === 'string' ? message : message[pluralCategory(locale, Number(params.count ?? 0))];
	return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

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
