/**
 * The built-in library in `workshops/`: every file valid and complete in three languages, and the
 * library as a whole covering what the museum sector needs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../i18n/locales';
import { MethodError, zoneIds, type MethodProblem } from './parse';
import { methodFileNames, readMethodFile, readMethodLibrary } from './read-files.node';
import { BOARD_TEMPLATES, PHASES, type Method } from './types';

const DIR = fileURLToPath(new URL('../../../workshops', import.meta.url));
const FILES = methodFileNames(DIR);

/** Every `{fi, sv, en}` value inside a method, with its path. */
function localizedValues(value: unknown, path = ''): { path: string; value: Record<string, unknown> }[] {
	if (typeof value !== 'object' || value === null) return [];
	if (Array.isArray(value)) return value.flatMap((item, i) => localizedValues(item, `${path}[${i}]`));
	const keys = Object.keys(value).sort();
	if (keys.join() === [...LOCALES].sort().join()) return [{ path, value: value as Record<string, unknown> }];
	return Object.entries(value).flatMap(([key, item]) => localizedValues(item, path ? `${path}.${key}` : key));
}

function allStrings(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (typeof value !== 'object' || value === null) return [];
	return Object.values(value).flatMap(allStrings);
}

describe.each(FILES)('%s', (file) => {
	// Read in beforeAll, so that a broken file fails its own tests with its field and reason.
	let method: Method;
	beforeAll(() => {
		method = readMethodFile(join(DIR, file));
	});

	it('is named after its id', () => {
		expect(file).toBe(`${method.id}.yaml`);
	});

	it('has every text in all three languages, non-empty, and lists of equal length', () => {
		const values = localizedValues(method);
		expect(values.length).toBeGreaterThan(10);
		for (const { path, value } of values) {
			const [fi, sv, en] = LOCALES.map((locale) => value[locale]);
			if (Array.isArray(fi)) {
				expect(
					[sv, en].map((list) => (list as unknown[]).length),
					path
				).toEqual([fi.length, fi.length]);
			}
			for (const text of [fi, sv, en].flatMap(allStrings)) expect(text.trim(), path).not.toBe('');
		}
	});

	it('has the content a facilitator needs', () => {
		for (const key of ['materials', 'preparation', 'prompts', 'tips', 'accessibility'] as const) {
			expect(method[key].fi.length, key).toBeGreaterThan(0);
		}
		expect(method.steps.length).toBeGreaterThan(0);
		expect(method.audiences.length).toBeGreaterThan(0);
	});

	it('has steps whose minutes add up to the default duration', () => {
		expect(method.steps.reduce((sum, step) => sum + step.minutes, 0)).toBe(method.duration.default);
		expect(method.duration.min).toBeLessThanOrEqual(method.duration.default);
		expect(method.duration.default).toBeLessThanOrEqual(method.duration.max);
	});

	// A facilitator who runs the script as written must land inside the range the library shows.
	it('has step minutes that sum to within its duration range', () => {
		const total = method.steps.reduce((sum, step) => sum + step.minutes, 0);
		expect(total).toBeGreaterThanOrEqual(method.duration.min);
		expect(total).toBeLessThanOrEqual(method.duration.max);
	});

	it('has a valid board whose timer fits the method', () => {
		const { layout, timerMinutes, dotsPerPerson } = method.board;
		expect(BOARD_TEMPLATES).toContain(layout.template);
		const ids = zoneIds(layout);
		expect(new Set(ids).size).toBe(ids.length);
		if (layout.template !== 'free') expect(ids.length).toBeGreaterThan(1);
		expect(timerMinutes).toBeGreaterThan(0);
		expect(timerMinutes).toBeLessThanOrEqual(method.duration.max);
		expect(dotsPerPerson).toBeGreaterThanOrEqual(0);
	});

	it('is translated, not copied: Finnish name and purpose differ from English', () => {
		expect(method.name.fi).not.toBe(method.name.en);
		expect(method.purpose.fi).not.toBe(method.purpose.en);
	});

	it('contains no HTML tags', () => {
		const tagged = allStrings(method).filter((text) => /<\/?[a-z][a-z0-9-]*(\s[^<>]*)?\/?>/i.test(text));
		expect(tagged).toEqual([]);
	});
});

describe('the library', () => {
	let methods: Method[] = [];
	let ids: string[] = [];
	beforeAll(() => {
		methods = readMethodLibrary(DIR);
		ids = methods.map((m) => m.id);
	});

	it('has at least 50 methods with unique ids', () => {
		expect(methods.length).toBe(FILES.length);
		expect(methods.length).toBeGreaterThanOrEqual(50);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it.each(PHASES)('covers the phase %s', (phase) => {
		expect(methods.filter((m) => m.phase === phase).length).toBeGreaterThan(0);
	});

	it.each([
		'audience-community-onion',
		'partner-network-map',
		'volunteer-role-design',
		'five-ways-to-wellbeing',
		'panel-charter',
		'accessibility-walk',
		'partnership-table',
		'pilot-evaluation',
		'platform-needs-workshop',
		'citizens-space-programming',
		'participation-forum',
		'culture-friend-programme',
		'results-regional-workshop',
		'service-co-development',
		'local-solutions-lab',
		'partnership-mirror',
		'museum-as-platform'
	])('has the museum method %s', (id) => {
		expect(ids).toContain(id);
	});

	it('has a well-being before/after scale', () => {
		const scales = methods.filter(
			(m) =>
				['happy-tracker', 'wellbeing-umbrella'].includes(m.id) &&
				m.board.layout.template === 'scale' &&
				m.board.layout.rows?.length === 2
		);
		expect(scales.length).toBeGreaterThan(0);
	});
});

describe('reading method files', () => {
	const dir = mkdtempSync(join(tmpdir(), 'kohtaamo-methods-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	const good = (id: string) =>
		`id: ${id}\nphase: plan\naudiences: [staff]\ntags: { fi: [], sv: [], en: [] }\n` +
		`duration: { default: 5, min: 5, max: 5 }\ngroupSize: { min: 1 }\n` +
		['name', 'purpose', 'whenToUse', 'tradition'].map((f) => `${f}: { fi: Ä, sv: Å, en: A }\n`).join('') +
		['materials', 'preparation', 'prompts', 'tips', 'accessibility']
			.map((f) => `${f}: { fi: [x], sv: [x], en: [x] }\n`)
			.join('') +
		`steps: [{ minutes: 5, title: { fi: a, sv: a, en: a }, script: { fi: a, sv: a, en: a } }]\n` +
		`board: { template: free, timerMinutes: 5 }\n`;

	beforeAll(() => {
		writeFileSync(join(dir, 'good-one.yaml'), good('good-one'));
		writeFileSync(join(dir, 'renamed.yaml'), good('other-name'));
		writeFileSync(join(dir, 'broken.yaml'), 'id: broken\nname: [unclosed\n');
		writeFileSync(join(dir, 'no-phase.yaml'), good('no-phase').replace('phase: plan\n', ''));
		writeFileSync(join(dir, 'notes.txt'), 'not a method');
	});

	it('accepts a good file and names every bad file with its field and reason, all in one run', () => {
		expect(readMethodFile(join(dir, 'good-one.yaml')).id).toBe('good-one');
		expect(methodFileNames(dir)).toEqual(['broken.yaml', 'good-one.yaml', 'no-phase.yaml', 'renamed.yaml']);
		let message = '';
		try {
			readMethodLibrary(dir);
		} catch (error) {
			message = (error as Error).message;
		}
		expect(message).toMatch(/^broken\.yaml: \(file\): is not valid YAML/m);
		expect(message).toMatch(/^no-phase\.yaml: phase: must be one of: warm-up/m);
		expect(message).toMatch(/^renamed\.yaml: id: must match the file name \("renamed"\)/m);
		expect(message).not.toMatch(/good-one/);
	});

	it.each([
		['broken.yaml', { field: '', code: 'yaml', params: { detail: expect.any(String) } }],
		['renamed.yaml', { field: 'id', code: 'id-mismatch', params: { expected: 'renamed' } }],
		['no-phase.yaml', { field: 'phase', code: 'one-of', params: { allowed: PHASES.join(', ') } }]
	])('gives %s problems with codes, as parseMethod does', (name, expected) => {
		let problems: MethodProblem[] = [];
		try {
			readMethodFile(join(dir, name));
		} catch (error) {
			if (!(error instanceof MethodError)) throw error;
			problems = error.problems;
		}
		expect(problems).toEqual([expect.objectContaining(expected)]);
	});
});
