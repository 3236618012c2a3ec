import { describe, expect, it } from 'vitest';
import { detectLocale } from './locales';
import { format, translate } from './translate';

describe('detectLocale', () => {
	it.each([
		[['fi-FI', 'en-US'], 'fi'],
		[['sv-FI'], 'sv'],
		[['sv'], 'sv'],
		[['en-GB'], 'en'],
		[['de-DE', 'sv-SE'], 'sv'],
		[['nb-NO'], 'sv'],
		[['de-DE', 'fr'], 'en'],
		[[], 'en'],
		[['FI_fi'], 'fi']
	] as const)('%j → %s', (preferred, expected) => {
		expect(detectLocale(preferred)).toBe(expected);
	});
});

describe('format', () => {
	it.each([
		['en', 'Hello {name}', { name: 'Åsa' }, 'Hello Åsa'],
		['en', 'Keep {missing}', {}, 'Keep {missing}'],
		['en', { one: '{count} note', other: '{count} notes' }, { count: 1 }, '1 note'],
		['en', { one: '{count} note', other: '{count} notes' }, { count: 0 }, '0 notes'],
		['fi', { one: '{count} lappu', other: '{count} lappua' }, { count: 1 }, '1 lappu'],
		['fi', { one: '{count} lappu', other: '{count} lappua' }, { count: 5 }, '5 lappua']
	] as const)('%s %j %j → %s', (locale, message, params, expected) => {
		expect(format(locale, message, params)).toBe(expected);
	});

	it('translates a catalogue key', () => {
		expect(translate('sv', 'nav.methods')).toBe('Metoder');
		expect(translate('fi', 'home.sessionCount', { count: 2 })).toBe('2 työpajaa');
	});
});
