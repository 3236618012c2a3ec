import { describe, expect, it } from 'vitest';
import { parseMethod } from '$lib/methods/parse';
import { readMethodLibrary } from '$lib/methods/read-files.node';
import { blankMethod, formFromMethod, formToFileValue, idFromName, linesOf } from './method-form';

const library = readMethodLibrary('workshops');
const parse = (value: unknown) => parseMethod(value, 'test');

describe('method form', () => {
	it.each(library.map((method) => [method.id, method] as const))('%s survives form and back unchanged', (_, method) => {
		expect(parse(formToFileValue(formFromMethod(method), 'fi'))).toEqual(method);
	});

	it('starts a new method that is valid as it stands, in every language', () => {
		const method = parse(formToFileValue(formFromMethod(blankMethod()), 'en'));
		expect(method.name).toEqual({ fi: 'Uusi menetelmä', sv: 'Ny metod', en: 'New method' });
		expect(method.steps).toHaveLength(1);
		expect(method.duration.default).toBe(method.steps[0].minutes);
		expect(method.board.layout).toMatchObject({
			template: 'columns',
			lanes: [{ id: 'lane-1' }, { id: 'lane-2' }, { id: 'lane-3' }]
		});
		if (method.board.layout.template === 'columns') {
			expect(method.board.layout.lanes[0].name).toEqual({ fi: 'Sarake 1', sv: 'Kolumn 1', en: 'Column 1' });
		}
	});

	it('fills texts left empty in other languages from the editing language', () => {
		const form = formFromMethod(library[0]);
		form.texts.name = { fi: 'Oma nimi', sv: '', en: '  ' };
		form.steps[0].title = { fi: 'Alku', sv: 'Början', en: '' };
		form.lists.tips = { fi: 'Yksi\nKaksi', sv: 'Ett', en: '' };
		const method = parse(formToFileValue(form, 'fi'));
		expect(method.name).toEqual({ fi: 'Oma nimi', sv: 'Oma nimi', en: 'Oma nimi' });
		expect(method.steps[0].title).toEqual({ fi: 'Alku', sv: 'Början', en: 'Alku' });
		expect(method.tips).toEqual({ fi: ['Yksi', 'Kaksi'], sv: ['Ett', 'Kaksi'], en: ['Yksi', 'Kaksi'] });
	});

	it('takes the usual duration from the steps and leaves empty numbers for the parser to name', () => {
		const form = formFromMethod(blankMethod());
		form.steps.push({ key: 2, minutes: 7, title: form.steps[0].title, script: form.steps[0].script });
		form.groupSize.max = null;
		const value = formToFileValue(form, 'fi');
		expect(value.duration).toEqual({ default: 22, min: 10, max: 30 });
		expect(value.groupSize).toEqual({ min: 2 });
		form.duration.min = null;
		expect(() => parse(formToFileValue(form, 'fi'))).toThrow(/duration\.min: is missing/);
	});

	it.each([
		['one\n\n  two  \n', ['one', 'two']],
		['', []],
		['\n \n', []]
	])('reads lines of %j', (text, lines) => {
		expect(linesOf(text)).toEqual(lines);
	});

	it.each([
		['Yhteisön kävelykierros!', /^yhteison-kavelykierros-own-[a-z0-9]{6}$/],
		['Å ä ö', /^a-a-o-own-[a-z0-9]{6}$/],
		['???', /^method-own-[a-z0-9]{6}$/]
	])('makes an id from the name %j', (name, id) => {
		expect(idFromName(name)).toMatch(id);
	});
});
