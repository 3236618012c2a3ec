/**
 * The method file as a valibot schema: what `workshops/*.yaml`, an imported method, a backup's
 * own method and a stored board must be. `parse.ts` runs it and turns its issues into the
 * `MethodProblem`s the interface translates.
 *
 * Why not valibot's own object schemas alone: a method file must report every problem in one
 * pass, as a field path and a problem code. So
 * - `mapping()` is `v.object()` that refuses lists and reports every unknown key (valibot's strict
 *   object stops at the first and its rest schema skips `__proto__`);
 * - `rule()` is a check that runs even when a sibling field failed (valibot's `check` runs only
 *   on fully valid input) and reports a problem code with its params at a path below it. Checks
 *   across fields compare only values actually read as whole numbers, never a failed field.
 */
import * as v from 'valibot';
import { LOCALES } from '../i18n/locales.ts';
import { LIST_LIMITS, METHOD_ID, NUMBER_LIMITS, TEXT_LIMITS, ZONE_ID } from './limits.ts';
import type { ProblemCode, ProblemParams } from './method-problem.ts';
import {
	AUDIENCES,
	BOARD_TEMPLATES,
	PHASES,
	QUADRANTS,
	type BoardSpec,
	type Method,
	type QuadrantId
} from './types.ts';

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
const isInt = (value: unknown): value is number => Number.isInteger(value);

// --- problems found by rules ----------------------------------------------------------------

/** A problem a rule found, at `path` below the value it checked. */
export type Finding = {
	[C in ProblemCode]: { code: C; params: ProblemParams[C]; path?: readonly (string | number)[] };
}[ProblemCode];

/** The issue a rule adds: valibot's issue with the finding it stands for. */
export interface ProblemIssue extends v.BaseIssue<unknown> {
	readonly kind: 'validation';
	readonly type: 'method_problem';
	readonly finding: Finding;
}

function found<C extends ProblemCode>(code: C, params: ProblemParams[C], path?: readonly (string | number)[]): Finding {
	return { code, params, path } as Finding;
}

/** What every valibot dataset has, typed or not. */
interface AnyDataset {
	typed?: boolean;
	value: unknown;
	issues?: readonly v.BaseIssue<unknown>[];
}

function addIssue(
	dataset: AnyDataset,
	config: v.Config<v.BaseIssue<unknown>>,
	issue: Omit<v.BaseIssue<unknown>, 'lang' | 'abortEarly' | 'abortPipeEarly'> & { finding?: Finding }
) {
	const full = { ...issue, lang: config.lang, abortEarly: config.abortEarly, abortPipeEarly: config.abortPipeEarly };
	dataset.issues = [...(dataset.issues ?? []), full];
}

const pathOf = (input: unknown, keys: readonly (string | number)[] | undefined) =>
	keys?.map((key) => ({ type: 'unknown' as const, origin: 'value' as const, input, key, value: undefined }));

/** A check that always runs (see the header) and reports what `find` finds. */
function rule<T>(find: (value: unknown) => Finding[]): v.BaseValidation<T, T, ProblemIssue> {
	return {
		kind: 'validation',
		type: 'method_problem',
		reference: rule,
		expects: null,
		async: false,
		'~run'(dataset, config) {
			for (const finding of find(dataset.value)) {
				addIssue(dataset, config, {
					kind: 'validation',
					type: 'method_problem',
					input: dataset.value,
					expected: null,
					received: '',
					message: finding.code,
					path: pathOf(dataset.value, finding.path) as v.BaseIssue<unknown>['path'],
					finding
				});
			}
			return dataset as v.OutputDataset<T, v.BaseIssue<unknown> | ProblemIssue>;
		}
	};
}

/**
 * An object of known fields: anything else (a list included) is "not a mapping", every unknown
 * key is reported, and `check` (across its fields) runs even when a field failed.
 */
function mapping<const E extends v.ObjectEntries>(
	entries: E,
	check?: (value: Obj) => Finding[]
): v.ObjectSchema<E, undefined> {
	const inner = v.object(entries);
	return {
		...inner,
		'~run'(dataset, config) {
			const input = dataset.value;
			if (!isObj(input)) {
				addIssue(dataset, config, {
					kind: 'schema',
					type: 'object',
					input,
					expected: 'Object',
					received: typeof input,
					message: 'not-mapping'
				});
				dataset.typed = false;
				return dataset as unknown as ReturnType<(typeof inner)['~run']>;
			}
			const out = inner['~run'](dataset, config);
			// A missing word from a list is reported as the list's own issue, which names the words.
			if (out.issues) out.issues = out.issues.map((issue) => missingWord(issue, entries)) as typeof out.issues;
			const unknown = Object.keys(input)
				.filter((key) => !Object.hasOwn(entries, key))
				.map((key) => found('unknown-field', {}, [key]));
			const findings = [...unknown, ...(check && isObj(out.value) ? check(out.value) : [])];
			for (const finding of findings) {
				addIssue(out, config, {
					kind: 'validation',
					type: 'method_problem',
					input,
					expected: null,
					received: '',
					message: finding.code,
					path: pathOf(input, finding.path) as v.BaseIssue<unknown>['path'],
					finding
				});
			}
			return out;
		}
	};
}

function missingWord(issue: v.BaseIssue<unknown>, entries: v.ObjectEntries): v.BaseIssue<unknown> {
	const [item, ...deeper] = issue.path ?? [];
	if (issue.type !== 'object' || !item || deeper.length > 0 || item.origin !== 'key') return issue;
	const schema = entries[item.key as string];
	return schema?.type === 'picklist'
		? { ...issue, type: 'picklist', message: (schema as unknown as { message: string }).message }
		: issue;
}

/** One of a list of words; the issue's message lists them (`one-of`'s `allowed`). */
const oneOf = <const T extends readonly string[]>(allowed: T) => v.picklist(allowed, allowed.join(', '));

// --- fields ---------------------------------------------------------------------------------

/** Text, trimmed, not empty, at most `max` characters. */
const text = (max: number) => v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(max));

/** A whole number within `min`–`max` (a number outside is `range`; a fraction is not a number). */
const int = ({ min, max }: { min: number; max: number }) =>
	v.pipe(
		v.number(),
		v.integer(),
		rule<number>((n) => (isInt(n) && (n < min || n > max) ? [found('range', { min, max })] : []))
	);
const wholeNumber = v.pipe(v.number(), v.integer());

const lengthRule = <T>({ min, max }: { min: number; max: number }) =>
	rule<T[]>((items) => {
		if (!Array.isArray(items)) return [];
		if (items.length < min) return [found('too-few', { min })];
		if (items.length > max) return [found('too-many', { max })];
		return [];
	});

/** A list of `min`–`max` items. */
const list = <T extends v.GenericSchema>(item: T, limits: { min: number; max: number }) =>
	v.pipe(v.array(item), lengthRule<v.InferOutput<T>>(limits));

const id = (max: number, pattern: RegExp) =>
	v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty(),
		v.maxLength(max),
		rule<string>((value) =>
			typeof value === 'string' && value !== '' && !pattern.test(value) ? [found('bad-id', {})] : []
		)
	);

const localized = (max: number) => mapping({ fi: text(max), sv: text(max), en: text(max) });

/** A list per language; all three must have the same number of items (they are translations). */
const localizedList = (limits: { min: number; max: number }) => {
	const items = list(text(TEXT_LIMITS.longText), limits);
	return mapping({ fi: items, sv: items, en: items }, (value) => {
		const [fi, sv, en] = LOCALES.map((locale) => value[locale]);
		if (!Array.isArray(fi) || !Array.isArray(sv) || !Array.isArray(en)) return [];
		return fi.length === sv.length && fi.length === en.length
			? []
			: [found('translations-differ', { fi: fi.length, sv: sv.length, en: en.length })];
	});
};

/** Each zone id once, within one list of zones. */
const uniqueIds = <T>() =>
	rule<T[]>((items) => {
		if (!Array.isArray(items)) return [];
		const seen = new Set<string>();
		const findings: Finding[] = [];
		items.forEach((item, i) => {
			if (!isObj(item) || typeof item.id !== 'string') return;
			if (seen.has(item.id)) findings.push(found('duplicate-id', { id: item.id }, [i, 'id']));
			seen.add(item.id);
		});
		return findings;
	});

const zoneId = id(TEXT_LIMITS.zoneId, ZONE_ID);
const zones = (limits: { min: number; max: number }) =>
	v.pipe(list(mapping({ id: zoneId, name: localized(TEXT_LIMITS.zoneName) }), limits), uniqueIds());

// --- the board ------------------------------------------------------------------------------

const BOARD_OPTIONS = {
	privateWriting: v.optional(v.boolean(), false),
	dotsPerPerson: v.optional(int(NUMBER_LIMITS.dotsPerPerson), 0),
	timerMinutes: int(NUMBER_LIMITS.timerMinutes),
	continuesPrevious: v.optional(v.boolean(), false)
};

const axis = mapping({
	label: localized(TEXT_LIMITS.axisLabel),
	low: localized(TEXT_LIMITS.axisEnd),
	high: localized(TEXT_LIMITS.axisEnd)
});

const canvasZone = mapping({
	id: zoneId,
	name: localized(TEXT_LIMITS.zoneName),
	hint: v.optional(localized(TEXT_LIMITS.zoneHint)),
	// Ranges of `col` and `colSpan` depend on the canvas's columns: checked by `canvasFits`.
	col: wholeNumber,
	row: int(NUMBER_LIMITS.canvasRows),
	colSpan: v.optional(wholeNumber),
	rowSpan: v.optional(int(NUMBER_LIMITS.canvasRows))
});

/** Every zone inside the canvas's columns, and no two zones on one cell. */
function canvasFits(canvas: Obj): Finding[] {
	const { columns, zones } = canvas;
	if (!Array.isArray(zones)) return [];
	const findings: Finding[] = [];
	const placed: { id: string; col: number; row: number; colSpan: number; rowSpan: number }[] = [];
	zones.forEach((zone, i) => {
		if (!isObj(zone)) return;
		const { col, row, colSpan, rowSpan } = zone;
		if (isInt(columns) && isInt(col)) {
			if (col < 1 || col > columns) findings.push(found('range', { min: 1, max: columns }, ['zones', i, 'col']));
			const room = columns - col + 1;
			if (isInt(colSpan) && (colSpan < 1 || colSpan > room))
				findings.push(found('range', { min: 1, max: room }, ['zones', i, 'colSpan']));
		}
		const span = (value: unknown) => (value === undefined ? 1 : isInt(value) ? value : null);
		const [cols, rows] = [span(colSpan), span(rowSpan)];
		if (isInt(col) && isInt(row) && cols !== null && rows !== null)
			placed.push({ id: String(zone.id), col, row, colSpan: cols, rowSpan: rows });
	});
	const taken = new Map<string, string>();
	for (const zone of placed) {
		for (let c = zone.col; c < zone.col + zone.colSpan; c++) {
			for (let row = zone.row; row < zone.row + zone.rowSpan; row++) {
				const cell = `${c},${row}`;
				const other = taken.get(cell);
				if (other) findings.push(found('overlap', { first: other, second: zone.id, column: c, row }, ['zones']));
				taken.set(cell, zone.id);
			}
		}
	}
	return findings;
}

const quadrants = mapping(
	Object.fromEntries(QUADRANTS.map((q) => [q, localized(TEXT_LIMITS.quadrant)])) as Record<
		QuadrantId,
		ReturnType<typeof localized>
	>
);

/** A board in file shape: the layout's fields and the board's options side by side. */
const BoardFileSchema = v.pipe(
	// valibot's variant takes a list for an object; a board never is one.
	v.custom<Obj>(isObj, 'not-mapping'),
	v.variant(
		'template',
		[
			mapping({ template: v.literal('free'), ...BOARD_OPTIONS }),
			mapping({ template: v.literal('columns'), lanes: zones(LIST_LIMITS.lanes), ...BOARD_OPTIONS }),
			mapping({ template: v.literal('matrix'), xAxis: axis, yAxis: axis, quadrants, ...BOARD_OPTIONS }),
			mapping({
				template: v.literal('rings'),
				rings: zones(LIST_LIMITS.rings),
				sectors: v.optional(zones(LIST_LIMITS.sectors)),
				...BOARD_OPTIONS
			}),
			mapping({
				template: v.literal('journey'),
				stages: zones(LIST_LIMITS.stages),
				rows: zones(LIST_LIMITS.journeyRows),
				...BOARD_OPTIONS
			}),
			mapping(
				{
					template: v.literal('canvas'),
					columns: int(NUMBER_LIMITS.canvasColumns),
					zones: v.pipe(list(canvasZone, LIST_LIMITS.canvasZones), uniqueIds()),
					...BOARD_OPTIONS
				},
				canvasFits
			),
			mapping({
				template: v.literal('scale'),
				points: zones(LIST_LIMITS.scalePoints),
				rows: v.optional(zones(LIST_LIMITS.scaleRows)),
				...BOARD_OPTIONS
			})
		],
		BOARD_TEMPLATES.join(', ')
	)
);

/** The board's options apart from its layout, as a `Method` keeps them. */
export const BoardSchema = v.pipe(
	BoardFileSchema,
	v.transform(({ privateWriting, dotsPerPerson, timerMinutes, continuesPrevious, ...layout }): BoardSpec => ({
		layout,
		privateWriting,
		dotsPerPerson,
		timerMinutes,
		...(continuesPrevious ? { continuesPrevious: true } : {})
	}))
);

// --- the method -----------------------------------------------------------------------------

const step = mapping({
	minutes: int(NUMBER_LIMITS.stepMinutes),
	title: localized(TEXT_LIMITS.stepTitle),
	script: localized(TEXT_LIMITS.longText)
});

const minutes = int(NUMBER_LIMITS.durationMinutes);
const duration = mapping({ default: minutes, min: minutes, max: minutes }, (d) =>
	isInt(d.min) && isInt(d.default) && isInt(d.max) && !(d.min <= d.default && d.default <= d.max)
		? [found('duration-order', {})]
		: []
);

const people = int(NUMBER_LIMITS.groupSize);
const groupSize = mapping({ min: people, max: v.nullish(people) }, (g) =>
	isInt(g.min) && isInt(g.max) && g.max < g.min ? [found('group-order', {})] : []
);

/** The steps' minutes add up to the usual duration; the timer fits in the longest one. */
function acrossFields(method: Obj): Finding[] {
	const findings: Finding[] = [];
	const d = isObj(method.duration) ? method.duration : {};
	const steps = Array.isArray(method.steps) ? method.steps : [];
	const stepMinutes = steps.map((s: unknown) => (isObj(s) ? s.minutes : undefined));
	if (steps.length > 0 && isInt(d.default) && stepMinutes.every(isInt)) {
		const sum = stepMinutes.reduce((total, m) => total + m, 0);
		if (sum !== d.default) findings.push(found('steps-sum', { sum, duration: d.default }, ['steps']));
	}
	const timer = isObj(method.board) ? method.board.timerMinutes : undefined;
	if (isInt(d.max) && isInt(timer) && timer > d.max)
		findings.push(found('timer-too-long', {}, ['board', 'timerMinutes']));
	return findings;
}

/** A method as a file holds it; its output is a `Method`. Field order is the file's. */
export const MethodSchema = v.pipe(
	mapping(
		{
			id: id(TEXT_LIMITS.methodId, METHOD_ID),
			phase: oneOf(PHASES),
			audiences: v.pipe(
				list(oneOf(AUDIENCES), { min: 1, max: AUDIENCES.length }),
				rule<(typeof AUDIENCES)[number][]>((items) =>
					Array.isArray(items) && new Set(items).size !== items.length ? [found('duplicate-audience', {})] : []
				)
			),
			tags: localizedList(LIST_LIMITS.tags),
			duration,
			groupSize,
			name: localized(TEXT_LIMITS.name),
			purpose: localized(TEXT_LIMITS.purpose),
			whenToUse: localized(TEXT_LIMITS.longText),
			materials: localizedList(LIST_LIMITS.list),
			preparation: localizedList(LIST_LIMITS.list),
			steps: list(step, LIST_LIMITS.steps),
			prompts: localizedList(LIST_LIMITS.prompts),
			tips: localizedList(LIST_LIMITS.list),
			accessibility: localizedList(LIST_LIMITS.list),
			tradition: localized(TEXT_LIMITS.tradition),
			board: BoardSchema
		},
		acrossFields
	),
	v.transform(({ groupSize: { min, max }, ...method }): Method => {
		const out: Method = { ...method, groupSize: { min } };
		if (max !== null && max !== undefined) out.groupSize.max = max;
		return out;
	})
);

/** A method as a file holds it (what `MethodSchema` reads). */
export type MethodFile = v.InferInput<typeof MethodSchema>;

/** The fields of a method file, in order. */
export const METHOD_FIELDS = Object.keys(MethodSchema.entries) as (keyof typeof MethodSchema.entries)[];

// The building blocks, for the other file kinds of the library (workshop templates) so that their
// problems are reported in the same codes and words as a method's.
export { found, id, int, isInt, isObj, list, localized, mapping, oneOf, rule };
