/**
 * Fills a message's placeholders and picks its plural form. Apart from the catalogues, so that the
 * interface can format the one language it loaded without bundling all three (see translate.ts for
 * the pure, all-language version the export uses).
 */
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
