/**
 * The language a note is written in, as a BCP 47 tag for `lang`. By default the writer's interface
 * language; a note in a right-to-left script is recognised by its letters, because its direction
 * matters most (an Arabic note marked Finnish is read with Finnish rules and laid out left to
 * right). Other scripts cannot tell their language apart reliably, so the writer picks it.
 */

/** A language tag as the document stores it: a primary subtag and optional subtags. */
const TAG = /^[a-z]{2,3}(-[a-zA-Z0-9]{1,8}){0,3}$/;
export const MAX_LANGUAGE_TAG_LENGTH = 35;

export function isLanguageTag(value: unknown): value is string {
	return typeof value === 'string' && value.length <= MAX_LANGUAGE_TAG_LENGTH && TAG.test(value);
}

const HEBREW = /[\u0590-\u05FF\uFB1D-\uFB4F]/gu;
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/gu;
const SYRIAC = /[\u0700-\u074F]/gu;
const THAANA = /[\u0780-\u07BF]/gu;
/** Letters Persian uses and Arabic does not (پ چ ژ گ), and Urdu's own (ٹ ڈ ڑ ں ے). */
const PERSIAN = /[\u067E\u0686\u0698\u06AF]/u;
const URDU = /[\u0679\u0688\u0691\u06BA\u06D2]/u;
const LETTER = /\p{L}/gu;

/**
 * The language of `text` when its letters are mostly of a right-to-left script, else null.
 * Arabic script is Arabic unless letters only Persian or Urdu use say otherwise.
 */
export function detectRtlLanguage(text: string): string | null {
	const letters = text.match(LETTER)?.length ?? 0;
	if (letters === 0) return null;
	const share = (pattern: RegExp) => (text.match(pattern)?.length ?? 0) / letters;
	if (share(ARABIC) > 0.5) return URDU.test(text) ? 'ur' : PERSIAN.test(text) ? 'fa' : 'ar';
	if (share(HEBREW) > 0.5) return 'he';
	if (share(SYRIAC) > 0.5) return 'syr';
	if (share(THAANA) > 0.5) return 'dv';
	return null;
}

const RTL_LANGUAGES = new Set(['ar', 'fa', 'ur', 'he', 'yi', 'syr', 'dv', 'ps', 'ckb', 'ug']);

/** The writing direction of a language tag. */
export function languageDirection(tag: string): 'rtl' | 'ltr' {
	return RTL_LANGUAGES.has(tag.split('-')[0].toLowerCase()) ? 'rtl' : 'ltr';
}

/** The languages the note dialog offers: the app's three, then languages often heard in Finnish
 * museums' communities, and whatever the note already has. */
export const OFFERED_LANGUAGES = ['fi', 'sv', 'en', 'se', 'ru', 'et', 'uk', 'ar', 'so', 'fa', 'ku', 'de', 'fr', 'es'];
