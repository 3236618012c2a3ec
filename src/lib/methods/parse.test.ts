import { describe, expect, it } from 'vitest';
import { MethodError, parseMethod, zoneIds, type MethodProblem, type ProblemCode } from './parse';
import { BOARD_TEMPLATES, PHASES } from './types';

type Obj = Record<string, unknown>;

const text = (s: string) => ({ fi: `${s} fi`, sv: `${s} sv`, en: `${s} en` });
const list = (...items: string[]) => ({
	fi: items.map((i) => `${i} fi`),
	sv: items.map((i) => `${i} sv`),
	en: items.map((i) => `${i} en`)
});
const zone = (id: string) => ({ id, name: text(id) });

const BOARDS: Record<string, Obj> = {
	free: { template: 'free' },
	columns: { template: 'columns', lanes: [zone('keep'), zone('change')] },
	matrix: {
		template: 'matrix',
		xAxis: { label: text('effort'), low: text('low'), high: text('high') },
		yAxis: { label: text('impact'), low: text('low'), high: text('high') },
		quadrants: {
			'top-left': text('quick wins'),
			'top-right': text('big bets'),
			'bottom-left': text('fill-ins'),
			'bottom-right': text('money pits')
		}
	},
	rings: { template: 'rings', rings: [zone('core'), zone('near'), zone('far')] },
	'rings with sectors': {
		template: 'rings',
		rings: [zone('core'), zone('far')],
		sectors: [zone('young'), zone('old')]
	},
	journey: { template: 'journey', stages: [zone('before'), zone('visit'), zone('after')], rows: [zone('doing')] },
	canvas: {
		template: 'canvas',
		columns: 3,
		zones: [
			{ id: 'who', name: text('who'), hint: text('hint'), col: 1, row: 1, rowSpan: 2 },
			{ id: 'what', name: text('what'), col: 2, row: 1, colSpan: 2 },
			{ id: 'how', name: text('how'), col: 2, row: 2, colSpan: 2 }
		]
	},
	scale: { template: 'scale', points: [zone('low'), zone('mid'), zone('high')] },
	'scale with rows': {
		template: 'scale',
		points: [zone('low'), zone('high')],
		rows: [zone('before'), zone('after')]
	}
};

/** A minimal valid method file, as the YAML parser gives it. */
function methodFile(board: Obj = BOARDS.free): Obj {
	return {
		id: 'test-method',
		phase: 'discover',
		audiences: ['staff', 'community'],
		tags: list(),
		duration: { default: 20, min: 10, max: 30 },
		groupSize: { min: 2, max: 12 },
		name: text('name'),
		purpose: text('purpose'),
		whenToUse: text('when'),
		materials: list('notes'),
		preparation: list('invite'),
		steps: [
			{ minutes: 5, title: text('start'), script: text('say hello') },
			{ minutes: 15, title: text('work'), script: text('write') }
		],
		prompts: list('what do you see?', 'what do you wish?'),
		tips: list('be kind'),
		accessibility: list('read aloud'),
		tradition: text('tradition'),
		board: { ...board, privateWriting: true, dotsPerPerson: 3, timerMinutes: 10 }
	};
}

function problemsOf(file: unknown): MethodProblem[] {
	try {
		parseMethod(file, 'test.yaml');
	} catch (error) {
		if (error instanceof MethodError) return error.problems;
		throw error;
	}
	return [];
}

/** Changes a method file in place at a dotted path (`a.b[0].c`): sets the value, or deletes with `undefined`. */
function edit(file: Obj, path: string, value: unknown): Obj {
	const keys = path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '');
	let target = file as Record<string, unknown>;
	for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
	const last = keys[keys.length - 1];
	if (value === undefined) delete target[last];
	else target[last] = value;
	return file;
}

describe('parseMethod accepts a minimal method of every board template', () => {
	it.each([
		['free', []],
		['columns', ['keep', 'change']],
		['matrix', ['top-left', 'top-right', 'bottom-left', 'bottom-right']],
		['rings', ['core', 'near', 'far']],
		['rings with sectors', ['core/young', 'core/old', 'far/young', 'far/old']],
		['journey', ['before/doing', 'visit/doing', 'after/doing']],
		['canvas', ['who', 'what', 'how']],
		['scale', ['low', 'mid', 'high']],
		['scale with rows', ['before/low', 'before/high', 'after/low', 'after/high']]
	])('%s → zones %j', (name, zones) => {
		const method = parseMethod(methodFile(BOARDS[name]), 'test.yaml');
		expect(method.board.layout.template).toBe(BOARDS[name].template);
		expect(zoneIds(method.board.layout)).toEqual(zones);
		expect(method.board).toMatchObject({ privateWriting: true, dotsPerPerson: 3, timerMinutes: 10 });
	});

	it('trims texts, defaults board options, and reads a group without a maximum', () => {
		const file = methodFile();
		edit(file, 'name.fi', '  Nimi  ');
		edit(file, 'groupSize.max', undefined);
		edit(file, 'board', { template: 'free', timerMinutes: 5 });
		const method = parseMethod(file, 'test.yaml');
		expect(method.name.fi).toBe('Nimi');
		expect(method.groupSize).toEqual({ min: 2 });
		expect(method.board).toEqual({
			layout: { template: 'free' },
			privateWriting: false,
			dotsPerPerson: 0,
			timerMinutes: 5
		});
	});
});

type BadCase = [
	what: string,
	change: (file: Obj) => unknown,
	field: string,
	code: ProblemCode,
	reason: string | RegExp
];

const BAD: BadCase[] = [
	['not a mapping', () => ['a list'], '', 'not-mapping', 'must be a mapping of fields'],
	['nothing', () => null, '', 'not-mapping', 'must be a mapping of fields'],
	['missing field', (f) => edit(f, 'purpose', undefined), 'purpose', 'missing', 'is missing'],
	['missing board', (f) => edit(f, 'board', undefined), 'board', 'missing', 'is missing'],
	['missing duration', (f) => edit(f, 'duration', undefined), 'duration', 'missing', 'is missing'],
	['missing step minutes', (f) => edit(f, 'steps[0].minutes', undefined), 'steps[0].minutes', 'missing', 'is missing'],
	[
		'wrong type: number as text',
		(f) => edit(f, 'duration.default', 'twenty'),
		'duration.default',
		'not-number',
		'must be a whole number'
	],
	[
		'wrong type: fraction',
		(f) => edit(f, 'steps[0].minutes', 2.5),
		'steps[0].minutes',
		'not-number',
		'must be a whole number'
	],
	[
		'wrong type: text for texts',
		(f) => edit(f, 'name', 'Just one name'),
		'name',
		'not-mapping',
		'must be a mapping of fields'
	],
	['wrong type: text for a list', (f) => edit(f, 'tips.sv', 'one tip'), 'tips.sv', 'not-list', 'must be a list'],
	['wrong type: number for text', (f) => edit(f, 'tradition.en', 42), 'tradition.en', 'not-text', 'must be text'],
	[
		'wrong type: flag',
		(f) => edit(f, 'board.privateWriting', 'yes'),
		'board.privateWriting',
		'not-boolean',
		'must be true or false'
	],
	['unknown field', (f) => edit(f, 'colour', 'red'), 'colour', 'unknown-field', 'is not a known field'],
	['unknown language', (f) => edit(f, 'name.de', 'Name'), 'name.de', 'unknown-field', 'is not a known field'],
	[
		'unknown step field',
		(f) => edit(f, 'steps[1].notes', 'x'),
		'steps[1].notes',
		'unknown-field',
		'is not a known field'
	],
	[
		'layout field of another template',
		(f) => edit(f, 'board.lanes', []),
		'board.lanes',
		'unknown-field',
		'is not a known field'
	],
	['missing language', (f) => edit(f, 'name.sv', undefined), 'name.sv', 'missing', 'is missing'],
	['missing language in a list', (f) => edit(f, 'materials.en', undefined), 'materials.en', 'missing', 'is missing'],
	['empty text', (f) => edit(f, 'purpose.en', '   '), 'purpose.en', 'empty', 'is empty'],
	['empty list item', (f) => edit(f, 'tips.sv[0]', ''), 'tips.sv[0]', 'empty', 'is empty'],
	['empty required list', (f) => edit(f, 'prompts', list()), 'prompts.fi', 'too-few', 'needs at least 1 item'],
	['too long name', (f) => edit(f, 'name.fi', 'x'.repeat(81)), 'name.fi', 'too-long', 'is longer than 80 characters'],
	[
		'list length mismatch',
		(f) => edit(f, 'prompts.en', ['one', 'two', 'three']),
		'prompts',
		'translations-differ',
		'has 2 items in fi, 2 in sv and 3 in en; translations must match'
	],
	[
		'steps that do not add up',
		(f) => edit(f, 'steps[1].minutes', 10),
		'steps',
		'steps-sum',
		'minutes add up to 15, but duration.default is 20'
	],
	['no steps', (f) => edit(f, 'steps', []), 'steps', 'too-few', 'needs at least 1 item'],
	[
		'duplicate zone ids',
		(f) => edit(f, 'board', { ...BOARDS.columns, lanes: [zone('same'), zone('same')], timerMinutes: 5 }),
		'board.lanes[1].id',
		'duplicate-id',
		'"same" is used twice'
	],
	[
		'bad zone id',
		(f) => edit(f, 'board', { ...BOARDS.columns, lanes: [zone('Keep it'), zone('b')], timerMinutes: 5 }),
		'board.lanes[0].id',
		'bad-id',
		'must be lowercase letters, digits and dashes'
	],
	[
		'overlapping canvas zones',
		(f) =>
			edit(f, 'board', {
				...BOARDS.canvas,
				timerMinutes: 5,
				zones: [
					...(BOARDS.canvas.zones as Obj[]).slice(0, 2),
					{ id: 'how', name: text('how'), col: 1, row: 2, colSpan: 2 }
				]
			}),
		'board.zones',
		'overlap',
		'zones "who" and "how" overlap at column 1, row 2'
	],
	[
		'canvas zone outside the grid',
		(f) => edit(f, 'board', { ...BOARDS.canvas, columns: 2, timerMinutes: 5 }),
		'board.zones[1].colSpan',
		'range',
		'must be between 1 and 1'
	],
	[
		'too few rings',
		(f) => edit(f, 'board', { ...BOARDS.rings, rings: [zone('only')], timerMinutes: 5 }),
		'board.rings',
		'too-few',
		'needs at least 2 items'
	],
	[
		'missing quadrant',
		(f) =>
			edit(f, 'board', {
				...BOARDS.matrix,
				quadrants: { ...(BOARDS.matrix.quadrants as Obj), 'top-left': undefined },
				timerMinutes: 5
			}),
		'board.quadrants.top-left',
		'missing',
		'is missing'
	],
	[
		'min > default',
		(f) => edit(f, 'duration.min', 25),
		'duration',
		'duration-order',
		'must satisfy min ≤ default ≤ max'
	],
	[
		'default > max',
		(f) => edit(f, 'duration.max', 15),
		'duration',
		'duration-order',
		'must satisfy min ≤ default ≤ max'
	],
	['group max < min', (f) => edit(f, 'groupSize.max', 1), 'groupSize', 'group-order', 'max is smaller than min'],
	[
		'bad id: spaces and capitals',
		(f) => edit(f, 'id', 'My Method'),
		'id',
		'bad-id',
		'must be lowercase letters, digits and dashes'
	],
	[
		'bad id: double dash',
		(f) => edit(f, 'id', 'my--method'),
		'id',
		'bad-id',
		'must be lowercase letters, digits and dashes'
	],
	[
		'bad id: leading dash',
		(f) => edit(f, 'id', '-method'),
		'id',
		'bad-id',
		'must be lowercase letters, digits and dashes'
	],
	['bad id: path', (f) => edit(f, 'id', '../etc'), 'id', 'bad-id', 'must be lowercase letters, digits and dashes'],
	[
		'unknown phase',
		(f) => edit(f, 'phase', 'dream'),
		'phase',
		'one-of',
		/^must be one of: warm-up, discover, .*reflect$/
	],
	[
		'unknown audience',
		(f) => edit(f, 'audiences', ['staff', 'tourists']),
		'audiences[1]',
		'one-of',
		/^must be one of: staff, /
	],
	[
		'audience twice',
		(f) => edit(f, 'audiences', ['staff', 'staff']),
		'audiences',
		'duplicate-audience',
		'lists an audience twice'
	],
	['no audience', (f) => edit(f, 'audiences', []), 'audiences', 'too-few', 'needs at least 1 item'],
	[
		'unknown template',
		(f) => edit(f, 'board.template', 'grid'),
		'board.template',
		'one-of',
		/^must be one of: free, columns, /
	],
	[
		'too many dots',
		(f) => edit(f, 'board.dotsPerPerson', 21),
		'board.dotsPerPerson',
		'range',
		'must be between 0 and 20'
	],
	[
		'timer over duration.max',
		(f) => edit(f, 'board.timerMinutes', 31),
		'board.timerMinutes',
		'timer-too-long',
		'is longer than the method can last (duration.max)'
	],
	['missing timer', (f) => edit(f, 'board.timerMinutes', undefined), 'board.timerMinutes', 'missing', 'is missing']
];

describe('parseMethod refuses bad input with the field, the code and the reason', () => {
	const cases = BAD.map(([what, change, field, code, reason]) => ({ what, change, field, code, reason }));
	it.each(cases)('$what → $field $code', ({ change, field, code, reason }) => {
		const file = methodFile();
		const problems = problemsOf(change(file));
		expect(problems).toContainEqual({
			field,
			code,
			params: expect.any(Object),
			reason: typeof reason === 'string' ? reason : expect.stringMatching(reason)
		});
		// Nothing else is blamed: every problem lies at or under the changed field.
		const root = field.replace(/[.[].*$/, '');
		for (const problem of problems) expect(problem.field.startsWith(root), problem.field).toBe(true);
	});

	it.each<[ProblemCode, (file: Obj) => unknown, object]>([
		['too-long', (f) => edit(f, 'name.fi', 'x'.repeat(81)), { max: 80 }],
		['range', (f) => edit(f, 'board.dotsPerPerson', 21), { min: 0, max: 20 }],
		['too-few', (f) => edit(f, 'audiences', []), { min: 1 }],
		['one-of', (f) => edit(f, 'board.template', 'grid'), { allowed: BOARD_TEMPLATES.join(', ') }],
		['translations-differ', (f) => edit(f, 'prompts.en', ['one', 'two', 'three']), { fi: 2, sv: 2, en: 3 }],
		['steps-sum', (f) => edit(f, 'steps[1].minutes', 10), { sum: 15, duration: 20 }],
		[
			'duplicate-id',
			(f) => edit(f, 'board', { ...BOARDS.columns, lanes: [zone('same'), zone('same')] }),
			{ id: 'same' }
		],
		['missing', (f) => edit(f, 'purpose', undefined), {}]
	])('%s carries the values its message needs', (code, change, params) => {
		expect(problemsOf(change(methodFile()))).toContainEqual(expect.objectContaining({ code, params }));
	});

	it('reports every problem in one pass, naming the source', () => {
		const file = methodFile();
		edit(file, 'id', 'Bad Id');
		edit(file, 'phase', 'dream');
		edit(file, 'name.sv', '');
		edit(file, 'tips.en', []);
		edit(file, 'steps[0].minutes', 1);
		edit(file, 'board.timerMinutes', 99);
		edit(file, 'extra', true);
		let error: unknown;
		try {
			parseMethod(file, 'broken.yaml');
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(MethodError);
		const { source, problems, message } = error as MethodError;
		expect(source).toBe('broken.yaml');
		expect(problems.map((p) => p.field).sort()).toEqual(
			['board.timerMinutes', 'extra', 'id', 'name.sv', 'phase', 'steps', 'tips', 'tips.en'].sort()
		);
		expect(message).toMatch(/^broken\.yaml: /);
		for (const problem of problems) expect(message).toContain(`${problem.field}: ${problem.reason}`);
	});
});

describe('parseMethod, as the method schema reads it', () => {
	it('reports every unknown field at once, a prototype key included', () => {
		const file = JSON.parse('{"__proto__": {"admin": true}}') as Obj;
		Object.assign(file, methodFile(), { colour: 'red', size: 3 });
		const unknown = problemsOf(file).filter((p) => p.code === 'unknown-field');
		expect(unknown.map((p) => p.field).sort()).toEqual(['__proto__', 'colour', 'size']);
		expect(({} as Obj).admin).toBeUndefined();
	});

	it.each([
		['a list for the board', (f: Obj) => edit(f, 'board', [BOARDS.free]), 'board'],
		['a list for the texts', (f: Obj) => edit(f, 'name', ['fi', 'sv', 'en']), 'name'],
		['a list for a step', (f: Obj) => edit(f, 'steps[0]', [5]), 'steps[0]']
	])('%s is not a mapping', (_what, change, field) => {
		expect(problemsOf(change(methodFile()))).toContainEqual(expect.objectContaining({ field, code: 'not-mapping' }));
	});

	it.each([
		['phase', (f: Obj) => edit(f, 'phase', undefined), PHASES.join(', ')],
		['board.template', (f: Obj) => edit(f, 'board.template', undefined), BOARD_TEMPLATES.join(', ')]
	])('a missing %s names the words allowed', (field, change, allowed) => {
		expect(problemsOf(change(methodFile()))).toContainEqual(
			expect.objectContaining({ field, code: 'one-of', params: { allowed } })
		);
	});

	it('reads a group size whose maximum is null as one without a maximum', () => {
		expect(parseMethod(edit(methodFile(), 'groupSize.max', null), 'test.yaml').groupSize).toEqual({ min: 2 });
	});

	it('checks list lengths and zone ids even when an item is bad, and blames nothing for a failed number', () => {
		const file = edit(methodFile(), 'board', {
			...BOARDS.columns,
			lanes: [zone('same'), zone('same'), ...Array.from({ length: 8 }, (_, i) => zone(`l${i}`))],
			timerMinutes: 5
		});
		edit(file, 'board.lanes[2].name.fi', '');
		edit(file, 'duration.default', 'twenty');
		expect(problemsOf(file).map((p) => [p.field, p.code])).toEqual([
			['duration.default', 'not-number'],
			['board.lanes[2].name.fi', 'empty'],
			['board.lanes', 'too-many'],
			['board.lanes[1].id', 'duplicate-id']
		]);
	});
});
