/**
 * Workshop templates: the file format (the library's own and facilitators' files), the checks
 * against the methods it names, search, and importing untrusted files.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../i18n/locales';
import { MethodError } from './parse';
import { readMethodLibrary, readTemplateLibrary } from './read-files.node';
import { fold, templateMatches, templateSearchText } from './search';
import { TemplateImportError, templateFromFile, templateToFile } from './template-file';
import { parseTemplate, templateMethodProblems, templateMinutes, type WorkshopTemplate } from './templates';
import { testMethod } from './testing/method-fixture';

const DIR = fileURLToPath(new URL('../../../workshops', import.meta.url));
const methods = readMethodLibrary(DIR);
const templates = readTemplateLibrary(DIR, methods);
const byId = (id: string) => methods.find((m) => m.id === id);
const bytes = (text: string) => new TextEncoder().encode(text);

const t = (text: string) => ({ fi: `${text} fi`, sv: `${text} sv`, en: text });
function sample(): WorkshopTemplate {
	return {
		id: 'sample-evening',
		name: t('Sample evening'),
		purpose: t('For tests'),
		audiences: ['community'],
		items: [
			{ kind: 'method', method: 'test-hopes', minutes: 25, title: t('Hopes'), purpose: t('Why') },
			{ kind: 'break', minutes: 15, title: t('Coffee'), purpose: t('Rest') }
		]
	};
}

describe('the library’s templates', () => {
	it('has at least six, each valid, complete in three languages and naming only library methods', () => {
		expect(templates.length).toBeGreaterThanOrEqual(6);
		for (const template of templates) {
			for (const locale of LOCALES) expect(template.name[locale].trim()).not.toBe('');
			expect(templateMethodProblems(template, byId, { checkMinutes: true })).toEqual([]);
		}
		expect(new Set(templates.map((x) => x.id)).size).toBe(templates.length);
	});

	it('covers the situations museums name', () => {
		expect(templates.map((x) => x.id)).toEqual(
			expect.arrayContaining([
				'seniors-panel-first-meeting',
				'partnership-table-evening',
				'school-group-co-design-visit',
				'volunteer-programme-kick-off',
				'new-museum-forum',
				'culture-platform-choice'
			])
		);
	});

	it('are found by words in any language, with or without diacritics', () => {
		const seniors = templates.find((x) => x.id === 'seniors-panel-first-meeting')!;
		const text = templateSearchText(seniors);
		expect(templateMatches(text, 'senioripaneeli')).toBe(true);
		expect(templateMatches(text, 'SENIORPANELENS forsta')).toBe(true);
		expect(templateMatches(text, 'seniors panel')).toBe(true);
		expect(templateMatches(text, 'kahvitauko')).toBe(true);
		expect(templateMatches(text, 'koululuokka')).toBe(false);
		expect(fold('Kävijä')).toBe('kavija');
	});
});

describe('parsing a template', () => {
	it('keeps a valid one as it is, and leaves no method on a break', () => {
		const parsed = parseTemplate(sample(), 'sample');
		expect(parsed).toEqual(sample());
		expect('method' in parsed.items[1]).toBe(false);
		expect(templateMinutes(parsed)).toBe(40);
	});

	it('reports every problem with its field: a missing translation, a method item without its method, a break with one, too many minutes', () => {
		const broken = structuredClone(sample()) as unknown as Record<string, unknown> & WorkshopTemplate;
		delete (broken.name as Partial<Record<string, string>>).sv;
		delete broken.items[0].method;
		broken.items[1].method = 'dot-voting';
		broken.items.push({ kind: 'blank', minutes: 241, title: t('Long'), purpose: t('Long') });
		(broken as Record<string, unknown>).extra = 1;
		try {
			parseTemplate(broken, 'broken');
			expect.unreachable();
		} catch (error) {
			expect(error).toBeInstanceOf(MethodError);
			const found = (error as MethodError).problems.map((p) => `${p.field} ${p.code}`);
			expect(found).toEqual(
				expect.arrayContaining([
					'name.sv missing',
					'items[0] method-and-kind',
					'items[1] method-and-kind',
					'items[2].minutes range',
					'extra unknown-field'
				])
			);
		}
	});

	it('refuses a template longer than a long day', () => {
		const long = sample();
		long.items = Array.from({ length: 3 }, () => ({
			kind: 'blank' as const,
			minutes: 240,
			title: t('x'),
			purpose: t('x')
		}));
		expect(() => parseTemplate(long, 'long')).toThrow(/items: must be between 1 and 600/);
	});

	it('finds methods that are not there and, for the library, minutes outside a method’s range', () => {
		const template = sample();
		template.items[0].minutes = 90;
		const method = testMethod();
		expect(
			templateMethodProblems(template, (id) => (id === method.id ? method : undefined), { checkMinutes: true })
		).toMatchObject([{ field: 'items[0].minutes', code: 'range', params: { min: 15, max: 40 } }]);
		expect(
			templateMethodProblems(template, (id) => (id === method.id ? method : undefined), { checkMinutes: false })
		).toEqual([]);
		expect(templateMethodProblems(template, () => undefined, { checkMinutes: false })).toMatchObject([
			{ field: 'items[0].method', code: 'unknown-method', params: { id: 'test-hopes' } }
		]);
	});
});

describe('template files', () => {
	const method = testMethod();
	const here = (id: string) => (id === method.id ? method : undefined);

	it('round-trip: a template written to a file reads back the same', () => {
		const file = templateToFile(sample());
		expect(file).toMatch(/^# Kohtaamo workshop template/);
		expect(templateFromFile(bytes(file), 'sample.yaml', here)).toEqual(sample());
		expect(templateFromFile(bytes(JSON.stringify(sample())), 'sample.json', here)).toEqual(sample());
	});

	it('refuses what is not a template, saying why', () => {
		const problem = (data: Uint8Array) => {
			try {
				templateFromFile(data, 'x.yaml', here);
			} catch (error) {
				expect(error).toBeInstanceOf(TemplateImportError);
				return (error as TemplateImportError).problem;
			}
			throw new Error('accepted');
		};
		expect(problem(new Uint8Array(300 * 1024))).toEqual({ kind: 'too-large' });
		expect(problem(new Uint8Array([0xff, 0xfe, 0x00]))).toEqual({ kind: 'not-text' });
		expect(problem(bytes('a: [1, 2'))).toMatchObject({ kind: 'syntax' });
		expect(problem(bytes('- just a list'))).toMatchObject({
			kind: 'invalid',
			problems: [{ field: '', code: 'not-mapping' }]
		});
		const elsewhere = templateToFile({
			...sample(),
			items: [{ ...sample().items[0], method: 'only-on-another-device' }]
		});
		expect(problem(bytes(elsewhere))).toMatchObject({
			kind: 'invalid',
			problems: [{ code: 'unknown-method', params: { id: 'only-on-another-device' } }]
		});
	});
});
