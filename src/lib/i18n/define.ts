import type { Locale } from './locales';

/** A message is text with `{name}` placeholders, or a count-dependent pair (Intl plural categories
 * `one` and `other` suffice for Finnish, Swedish and English). */
export type Message = string | { one: string; other: string };

/**
 * Declares one area's messages in all three languages side by side, so that a translator sees a
 * key's Finnish, Swedish and English together, and TypeScript refuses a key missing in any language.
 */
export function defineMessages<K extends string>(messages: {
	fi: Record<K, Message>;
	sv: Record<NoInfer<K>, Message>;
	en: Record<NoInfer<K>, Message>;
}): Record<Locale, Record<K, Message>> {
	return messages;
}
