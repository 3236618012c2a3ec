import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Localized } from '../i18n/locales';
import { customId, duplicateMethod, fillMissingTranslations, starterLayout, type StarterName } from './custom';
import { methodFromFile, methodToFile } from './method-file';
import { METHOD_ID, zoneIds } from './parse';
import { readMethodLibrary } from './read-files.node';
import { BOARD_TEMPLATES, type Method } from './types';

const LIBRARY = readMethodLibrary(fileURLToPath(new URL('../../../workshops', import.meta.url)));
const byTemplate = (template: string) => LIBRARY.find((m) => m.board.layout.template === template)!;
const COPY: Localized = { fi: '(kopio)', sv: '(kopia)', en: '(copy)' };

/** What the app stores must also pass the file checks: write it out and read it back. */
const reparse = (method: Method) => methodFromFile(new TextEncoder().encode(methodToFile(method)), `${method.id}.yaml`);

describe('customId', () => {
	it.each([
		['world-cafe', /^world-cafe-own-[a-z0-9]{6}$/],
		['world-cafe-own-abc123', /^world-cafe-own-[a-z0-9]{6}$/],
		['', /^method-own-[a-z0-9]{6}$/],
		['a'.repeat(60), new RegExp(`^${'a'.repeat(40)}-own-[a-z0-9]{6}$`)],
		[`${'a'.repeat(39)}-b`, new RegExp(`^${'a'.repeat(39)}-own-[a-z0-9]{6}$`)],
		[`${'a'.repeat(38)}--b`, new RegExp(`^${'a'.repeat(38)}-own-[a-z0-9]{6}$`)]
	])('%j → %s, a valid method id', (base, expected) => {
		const id = customId(base);
		expect(id).toMatch(expected);
		expect(id).toMatch(METHOD_ID);
	});

	it('is different every time', () => {
		expect(new Set(Array.from({ length: 20 }, () => customId('x'))).size).toBe(20);
	});
});

describe('duplicateMethod', () => {
	it.each(LIBRARY.map((m) => [m.id, m] as const))('%s: a marked copy under a new id', (_id, method) => {
		const before = structuredClone(method);
		const copy = duplicateMethod(method, COPY);
		expect(method).toEqual(before);
		expect(copy.id).not.toBe(method.id);
		expect(copy.id.startsWith(`${method.id}-own-`)).toBe(true);
		expect(copy.name).toEqual({
			fi: `${method.name.fi} (kopio)`,
			sv: `${method.name.sv} (kopia)`,
			en: `${method.name.en} (copy)`
		});
		expect({ ...copy, id: method.id, name: method.name }).toEqual(method);
		expect(reparse(copy)).toEqual(copy);
	});

	it('shares nothing with the original', () => {
		const method = structuredClone(LIBRARY[0]);
		const copy = duplicateMethod(method, COPY);
		copy.steps[0].title.fi = 'muutettu';
		copy.tips.fi.push('uusi');
		expect(method).toEqual(LIBRARY[0]);
	});

	it('keeps the mark on a name of the longest length, and copies of copies stay valid', () => {
		const method = structuredClone(LIBRARY[0]);
		method.name = { fi: 'n'.repeat(80), sv: `${'s'.repeat(72)} ${'t'.repeat(7)}`, en: 'e'.repeat(75) };
		const copy = duplicateMethod(method, COPY);
		expect(copy.name.fi).toBe(`${'n'.repeat(72)} (kopio)`);
		expect(copy.name.sv).toBe(`${'s'.repeat(72)} (kopia)`);
		expect(copy.name.en).toBe(`${'e'.repeat(73)} (copy)`);
		const copyOfCopy = duplicateMethod(copy, COPY);
		expect(copyOfCopy.id).toMatch(new RegExp(`^${method.id}-own-[a-z0-9]{6}$`));
		expect(reparse(copyOfCopy)).toEqual(copyOfCopy);
	});
});

describe('fillMissingTranslations', () => {
	it('fills empty texts and list items from the given language and keeps the rest', () => {
		const method = structuredClone(byTemplate('matrix'));
		method.name.sv = '';
		method.purpose.en = '  ';
		method.steps[0].script.sv = '';
		method.tips.sv = [];
		method.prompts.en = method.prompts.en.map((p, i) => (i === 0 ? '' : p));
		const layout = method.board.layout;
		if (layout.template !== 'matrix') throw new Error('not a matrix');
		layout.quadrants['top-left'].en = '';
		layout.xAxis.low.sv = '';
		const before = structuredClone(method);

		const filled = fillMissingTranslations(method, 'fi');
		expect(method).toEqual(before);
		expect(filled.name).toEqual({ ...before.name, sv: before.name.fi });
		expect(filled.purpose).toEqual({ ...before.purpose, en: before.purpose.fi });
		expect(filled.steps[0].script.sv).toBe(before.steps[0].script.fi);
		expect(filled.tips.sv).toEqual(before.tips.fi);
		expect(filled.prompts.en).toEqual([before.prompts.fi[0], ...before.prompts.en.slice(1)]);
		expect(filled.whenToUse).toEqual(before.whenToUse);
		if (filled.board.layout.template !== 'matrix') throw new Error('not a matrix');
		expect(filled.board.layout.quadrants['top-left'].en).toBe(layout.quadrants['top-left'].fi);
		expect(filled.board.layout.xAxis.low.sv).toBe(layout.xAxis.low.fi);
		expect(reparse(filled)).toEqual(filled);
	});

	it('fills zone names and canvas hints', () => {
		const method = structuredClone(byTemplate('canvas'));
		if (method.board.layout.template !== 'canvas') throw new Error('not a canvas');
		const zone = method.board.layout.zones[0];
		zone.name.en = '';
		zone.hint = { fi: 'Vihje', sv: '', en: '' };
		const filled = fillMissingTranslations(method, 'fi');
		if (filled.board.layout.template !== 'canvas') throw new Error('not a canvas');
		expect(filled.board.layout.zones[0].name.en).toBe(zone.name.fi);
		expect(filled.board.layout.zones[0].hint).toEqual({ fi: 'Vihje', sv: 'Vihje', en: 'Vihje' });
		expect(reparse(filled)).toEqual(filled);
	});

	it('makes a method written only in English complete', () => {
		const method = structuredClone(byTemplate('columns'));
		for (const key of ['name', 'purpose', 'whenToUse', 'tradition'] as const)
			method[key] = { ...method[key], fi: '', sv: '' };
		for (const key of ['materials', 'preparation', 'prompts', 'tips', 'accessibility', 'tags'] as const) {
			method[key] = { ...method[key], fi: [], sv: [] };
		}
		const filled = fillMissingTranslations(method, 'en');
		expect(filled.name).toEqual({ fi: method.name.en, sv: method.name.en, en: method.name.en });
		expect(filled.tips.sv).toEqual(method.tips.en);
		expect(reparse(filled)).toEqual(filled);
	});
});

describe('starterLayout', () => {
	const names = (kind: StarterName, n: number): Localized => ({
		fi: `${kind} ${n} fi`,
		sv: `${kind} ${n} sv`,
		en: `${kind} ${n} en`
	});

	it.each(BOARD_TEMPLATES)('%s: parses as the board of a method', (template) => {
		const layout = starterLayout(template, names);
		expect(layout.template).toBe(template);
		const method = structuredClone(LIBRARY[0]);
		method.board.layout = layout;
		const parsed = reparse(method);
		expect(parsed.board.layout).toEqual(layout);
		const ids = zoneIds(layout);
		expect(new Set(ids).size).toBe(ids.length);
		if (template === 'free') expect(ids).toEqual([]);
		else expect(ids.length).toBeGreaterThan(1);
	});

	it('names zones with their kind and number', () => {
		const layout = starterLayout('columns', names);
		expect(layout).toEqual({
			template: 'columns',
			lanes: [1, 2, 3].map((n) => ({ id: `lane-${n}`, name: names('lane', n) }))
		});
	});
});
