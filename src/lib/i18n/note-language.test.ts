import { describe, expect, it } from 'vitest';
import { detectRtlLanguage, isLanguageTag, languageDirection } from './note-language';

describe('detectRtlLanguage', () => {
	it.each([
		{ text: 'More benches in the galleries', expected: null },
		{ text: 'Lisää penkkejä', expected: null },
		{ text: 'Больше скамеек', expected: null },
		{ text: 'مزيد من المقاعد في القاعات', expected: 'ar' },
		{ text: 'نیمکت‌های بیشتر در گالری‌ها', expected: 'fa' },
		{ text: 'گیلریوں میں زیادہ بینچ چاہیے', expected: 'ur' },
		{ text: 'יותר ספסלים באולמות', expected: 'he' },
		{ text: 'ܫܠܡܐ', expected: 'syr' },
		{ text: 'ދިވެހި', expected: 'dv' },
		{ text: 'Museum: مزيد من المقاعد في القاعات', expected: 'ar' },
		{ text: 'More benches please, كراسي', expected: null },
		{ text: '12345 !!!', expected: null },
		{ text: '', expected: null }
	])('$text → $expected', ({ text, expected }) => {
		expect(detectRtlLanguage(text)).toBe(expected);
	});
});

describe('languageDirection', () => {
	it.each([
		['ar', 'rtl'],
		['fa-IR', 'rtl'],
		['he', 'rtl'],
		['fi', 'ltr'],
		['sv-FI', 'ltr'],
		['en', 'ltr']
	])('%s → %s', (tag, direction) => {
		expect(languageDirection(tag)).toBe(direction);
	});
});

describe('isLanguageTag', () => {
	it.each([
		['fi', true],
		['sv-FI', true],
		['zh-Hant-TW', true],
		['', false],
		['Finnish', false],
		['fi_FI', false],
		['<script>', false],
		['a'.repeat(40), false],
		[42, false]
	])('%s → %s', (value, expected) => {
		expect(isLanguageTag(value)).toBe(expected);
	});
});
