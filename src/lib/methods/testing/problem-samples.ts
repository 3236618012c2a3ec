/**
 * One problem of every code, with made-up values, for tests that go through all codes: the type
 * refuses a code left out, so a new code cannot go untested.
 */
import { methodProblem, type MethodProblem, type ProblemCode, type ProblemParams } from '../method-problem';

const PARAMS: { [C in ProblemCode]: ProblemParams[C] } = {
	missing: {},
	empty: {},
	'too-long': { max: 80 },
	'not-mapping': {},
	'not-text': {},
	'not-number': {},
	range: { min: 1, max: 20 },
	'not-boolean': {},
	'not-list': {},
	'too-few': { min: 2 },
	'too-many': { max: 12 },
	'one-of': { allowed: 'staff, visitors' },
	'translations-differ': { fi: 2, sv: 3, en: 4 },
	'unknown-field': {},
	'bad-id': {},
	'duplicate-id': { id: 'same' },
	'duplicate-audience': {},
	overlap: { first: 'who', second: 'how', column: 1, row: 2 },
	'duration-order': {},
	'group-order': {},
	'steps-sum': { sum: 15, duration: 20 },
	'timer-too-long': {},
	yaml: { detail: 'Unexpected end of flow sequence at line 3' },
	'id-mismatch': { expected: 'renamed' },
	'unknown-method': { id: 'gone' },
	'method-and-kind': {}
};

const make = methodProblem as (field: string, code: ProblemCode, params: object) => MethodProblem;

export const SAMPLE_PROBLEMS: MethodProblem[] = (Object.keys(PARAMS) as ProblemCode[]).map((code) =>
	make('sample.field', code, PARAMS[code])
);
