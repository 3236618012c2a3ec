import { describe, expect, it } from 'vitest';
import { catalog, type MessageKey } from './catalog';
import type { Message } from './define';

/**
 * A Finnish or Swedish message identical to its English one is usually an untranslated string.
 * Real cognates, names and symbols are allowed here, each with the reason.
 */
const SHARED: Partial<Record<MessageKey, string>> = {
	'app.name': 'the product’s name',
	'common.minutes': '“min” is the abbreviation in all three languages',
	'summary.time.rangeMinutes': '“min”',
	'methods.minutes': '“min”',
	'method.stepMinutes': '“min”',
	'timer.addMinute': '“+1 min”',
	'templates.itemMinutes': '“min”',
	'report.publicSummary.en': 'labels the English summary field, in English on purpose'
};
const ALLOWED: Record<'fi' | 'sv', Partial<Record<MessageKey, string>>> = {
	fi: SHARED,
	sv: {
		...SHARED,
		'note.text': 'Swedish “text”',
		'csv.text': 'Swedish “text”',
		'note.color.orange': 'Swedish “orange”',
		'method.timer': 'Swedish “timer”',
		'timer.label': 'Swedish “timer”',
		'editor.board.timer': 'Swedish “timer”',
		'report.option.age.under18': 'Swedish “under 18”',
		'series.table.session': 'Swedish “workshop”',
		'join.session': 'Swedish “workshop”',
		'editor.starter.ring': 'Swedish “ring”'
	}
};

const texts = (message: Message): string => (typeof message === 'string' ? message : `${message.one}|${message.other}`);
/** Placeholders, numbers and punctuation only: nothing to translate. */
const nothingToTranslate = (text: string) => text.replace(/\{\w+\}|[\d\s\p{P}\p{S}]/gu, '') === '';

describe('translations', () => {
	it.each(['fi', 'sv'] as const)('%s has no message identical to English unless allowed', (locale) => {
		const identical = (Object.keys(catalog.en) as MessageKey[]).filter((key) => {
			const english = texts(catalog.en[key]);
			return texts(catalog[locale][key]) === english && !nothingToTranslate(english) && !ALLOWED[locale][key];
		});
		expect(identical).toEqual([]);
	});
});
