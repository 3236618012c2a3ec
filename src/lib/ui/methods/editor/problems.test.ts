import { describe, expect, it } from 'vitest';
import { methodProblem } from '$lib/methods/method-problem';
import { MethodError, parseMethod } from '$lib/methods/parse';
import { translator } from '$lib/i18n/translate';
import { blankMethod, formFromMethod, formToFileValue, type MethodForm } from './method-form';
import { describeProblems } from './problems';

function problemsOf(change: (form: MethodForm) => void, editing: 'fi' | 'sv' | 'en' = 'fi') {
	const form = formFromMethod(blankMethod());
	change(form);
	try {
		parseMethod(formToFileValue(form, editing), 'test');
	} catch (error) {
		if (!(error instanceof MethodError)) throw error;
		return describeProblems(error.problems, form, editing, translator('fi'));
	}
	return [];
}

describe('editor problems', () => {
	it('reports a text missing in every language once, at its field', () => {
		expect(problemsOf((form) => (form.texts.name = { fi: '', sv: '', en: '' }))).toEqual([
			{ label: 'Nimi', reason: 'puuttuu', target: 'editor-name', locale: null }
		]);
	});

	it('names the language when the problem is only in another one', () => {
		expect(problemsOf((form) => (form.texts.name.sv = 'x'.repeat(81)))).toEqual([
			{ label: 'Nimi (ruotsi)', reason: 'on liian pitkä (enintään 80 merkkiä)', target: 'editor-name', locale: 'sv' }
		]);
	});

	it('reports a step without minutes without repeating it as a wrong total', () => {
		const problems = problemsOf((form) => {
			form.steps.push({ key: 9, minutes: null, title: form.steps[0].title, script: form.steps[0].script });
		});
		expect(problems).toEqual([
			{ label: 'Kohta 2: Minuutit', reason: 'puuttuu', target: 'editor-step-9-minutes', locale: null }
		]);
	});

	it('points at zones, lists, numbers and choices, in the order of the form', () => {
		const problems = problemsOf((form) => {
			form.texts.purpose = { fi: '', sv: '', en: '' };
			form.audiences = [];
			form.lists.prompts = { fi: '', sv: '', en: '' };
			form.groupSize = { min: 5, max: 3 };
			form.duration = { min: 20, max: 30 };
			form.board.timerMinutes = 45;
			if (form.board.layout.template === 'columns') form.board.layout.lanes[1].name = { fi: '', sv: '', en: '' };
		});
		expect(problems.map((p) => [p.label, p.reason, p.target])).toEqual([
			['Tarkoitus', 'puuttuu', 'editor-purpose'],
			['Kenelle menetelmä sopii', 'valitse vähintään yksi', 'editor-audience-staff'],
			['Ryhmän koko', 'enimmäismäärä on pienempi kuin vähimmäismäärä', 'editor-group-max'],
			['Kesto', 'kohtien yhteisajan pitää olla lyhimmän ja pisimmän keston välillä', 'editor-duration-min'],
			['Osallistujat näkevät', 'tarvitsee vähintään yhden rivin', 'editor-prompts'],
			['Sarake 2', 'puuttuu', 'editor-zone-1'],
			['Ajastin (min)', 'ajastin ei voi olla pidempi kuin menetelmän pisin kesto', 'editor-timer']
		]);
	});

	it('says in the interface language what it has no form wording for, instead of the English reason', () => {
		const form = formFromMethod(blankMethod());
		const problems = [
			methodProblem('phase', 'one-of', { allowed: 'warm-up, discover' }),
			methodProblem('board.privateWriting', 'not-boolean')
		];
		expect(describeProblems(problems, form, 'fi', translator('sv')).map((p) => [p.label, p.reason])).toEqual([
			['Fas i processen', 'ska vara något av följande: warm-up, discover'],
			['Tavla', 'ska vara true (ja) eller false (nej)']
		]);
	});
});
