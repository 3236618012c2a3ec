import { describe, expect, it } from 'vitest';
import { LOCALES } from '$lib/i18n/locales';
import { translator } from '$lib/i18n/translate';
import { MethodError, parseMethod } from '$lib/methods/parse';
import { SAMPLE_PROBLEMS } from '$lib/methods/testing/problem-samples';
import { problemText } from './problem-text';

const cases = LOCALES.flatMap((locale) => SAMPLE_PROBLEMS.map((problem) => [locale, problem.code, problem] as const));

describe('problemText', () => {
	it.each(cases)('%s: %s has a message with every value filled in', (locale, _code, problem) => {
		const text = problemText(problem, translator(locale));
		expect(text.trim()).not.toBe('');
		expect(text).not.toMatch(/\{\w+\}|undefined/);
		expect(text).not.toContain('methodProblem.');
		if (locale !== 'en') expect(text).not.toBe(problemText(problem, translator('en')));
	});

	it.each([
		[
			'fi',
			[
				'name.sv: puuttuu',
				'tips.fi: luettelossa on liian vähän kohtia (vähintään 1)',
				'board.timerMinutes: pitää olla 1–240'
			]
		],
		['sv', ['name.sv: saknas', 'tips.fi: listan har för få punkter (minst 1)', 'board.timerMinutes: ska vara 1–240']],
		[
			'en',
			['name.sv: is missing', 'tips.fi: the list has too few items (at least 1)', 'board.timerMinutes: must be 1–240']
		]
	] as const)('says what is wrong with a file in %s', (locale, expected) => {
		const file = {
			name: { fi: 'Nimi', en: 'Name' },
			tips: { fi: [], sv: [], en: [] },
			board: { template: 'free', timerMinutes: 0 }
		};
		let lines: string[] = [];
		try {
			parseMethod(file, 'test.yaml');
		} catch (error) {
			if (!(error instanceof MethodError)) throw error;
			const t = translator(locale);
			lines = error.problems.map((p) => `${p.field}: ${problemText(p, t)}`);
		}
		expect(lines).toEqual(expect.arrayContaining([...expected]));
	});
});
