/**
 * What is wrong with a method file, in two forms: a machine-readable `code` with its `params`, from
 * which the interface says it in the facilitator's language, and an English `reason` for build
 * errors and for people editing the files of `workshops/` in a text editor. The reason is always
 * built from the code and params, so the two cannot disagree.
 */

/** Every kind of problem, with the values its message needs. */
export type ProblemParams = {
	missing: Record<string, never>;
	empty: Record<string, never>;
	'too-long': { max: number };
	'not-mapping': Record<string, never>;
	'not-text': Record<string, never>;
	'not-number': Record<string, never>;
	range: { min: number; max: number };
	'not-boolean': Record<string, never>;
	'not-list': Record<string, never>;
	'too-few': { min: number };
	'too-many': { max: number };
	/** `allowed` is the list of allowed values, joined with commas. */
	'one-of': { allowed: string };
	/** Item counts per language of a list whose translations differ in length. */
	'translations-differ': { fi: number; sv: number; en: number };
	'unknown-field': Record<string, never>;
	'bad-id': Record<string, never>;
	'duplicate-id': { id: string };
	'duplicate-audience': Record<string, never>;
	overlap: { first: string; second: string; column: number; row: number };
	'duration-order': Record<string, never>;
	'group-order': Record<string, never>;
	'steps-sum': { sum: number; duration: number };
	'timer-too-long': Record<string, never>;
	/** Only for files read on Node (`read-files.node.ts`): the YAML parser's own first line. */
	yaml: { detail: string };
	'id-mismatch': { expected: string };
	/** A workshop template names a method that neither the library nor this device has. */
	'unknown-method': { id: string };
	/** A template's method item without its method, or a break or blank item with one. */
	'method-and-kind': Record<string, never>;
};

export type ProblemCode = keyof ProblemParams;

/** One problem at a field path (`steps[0].title.sv`; `''` is the whole file). */
export type MethodProblem = {
	[C in ProblemCode]: { field: string; code: C; params: ProblemParams[C]; reason: string };
}[ProblemCode];

const ENGLISH: { [C in ProblemCode]: (params: ProblemParams[C]) => string } = {
	missing: () => 'is missing',
	empty: () => 'is empty',
	'too-long': ({ max }) => `is longer than ${max} characters`,
	'not-mapping': () => 'must be a mapping of fields',
	'not-text': () => 'must be text',
	'not-number': () => 'must be a whole number',
	range: ({ min, max }) => `must be between ${min} and ${max}`,
	'not-boolean': () => 'must be true or false',
	'not-list': () => 'must be a list',
	'too-few': ({ min }) => `needs at least ${min} item${min === 1 ? '' : 's'}`,
	'too-many': ({ max }) => `has more than ${max} items`,
	'one-of': ({ allowed }) => `must be one of: ${allowed}`,
	'translations-differ': ({ fi, sv, en }) =>
		`has ${fi} items in fi, ${sv} in sv and ${en} in en; translations must match`,
	'unknown-field': () => 'is not a known field',
	'bad-id': () => 'must be lowercase letters, digits and dashes',
	'duplicate-id': ({ id }) => `"${id}" is used twice`,
	'duplicate-audience': () => 'lists an audience twice',
	overlap: ({ first, second, column, row }) =>
		`zones "${first}" and "${second}" overlap at column ${column}, row ${row}`,
	'duration-order': () => 'must satisfy min ≤ default ≤ max',
	'group-order': () => 'max is smaller than min',
	'steps-sum': ({ sum, duration }) => `minutes add up to ${sum}, but duration.default is ${duration}`,
	'timer-too-long': () => 'is longer than the method can last (duration.max)',
	yaml: ({ detail }) => `is not valid YAML: ${detail}`,
	'id-mismatch': ({ expected }) => `must match the file name ("${expected}")`,
	'unknown-method': ({ id }) => `names method "${id}", which is neither in the library nor on this device`,
	'method-and-kind': () => 'a method item names its method; a break or blank item names none'
};

/** Every problem code, for tests that go through them all. */
export const PROBLEM_CODES = Object.keys(ENGLISH) as ProblemCode[];

/** The params argument of a code: none for the codes whose message needs no values. */
export type ParamsArg<C extends ProblemCode> =
	ProblemParams[C] extends Record<string, never> ? [] : [params: ProblemParams[C]];

/** Makes a problem, its English reason written from the code and params. */
export function methodProblem<C extends ProblemCode>(field: string, code: C, ...params: ParamsArg<C>): MethodProblem {
	const p = (params[0] ?? {}) as ProblemParams[C];
	return { field, code, params: p, reason: ENGLISH[code](p) } as MethodProblem;
}

export class MethodError extends Error {
	constructor(
		readonly source: string,
		readonly problems: MethodProblem[]
	) {
		super(`${source}: ${problems.map((p) => `${p.field || '(file)'}: ${p.reason}`).join('; ')}`);
		this.name = 'MethodError';
	}
}
