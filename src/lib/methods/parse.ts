/**
 * Validates a method as written in a file (YAML in `workshops/`, or JSON imported by a
 * facilitator) into a `Method`, by the schema of `method-schema.ts`. Every problem names the field
 * and the reason (a code for the interface to translate, and English for a museum professional
 * editing a file in a text editor), so that it can be found and fixed.
 */
import * as v from 'valibot';
import { issueField } from './issue-field.ts';
import { MethodError, methodProblem, type MethodProblem, type ParamsArg } from './method-problem.ts';
import { BoardSchema, MethodSchema, type Finding, type ProblemIssue } from './method-schema.ts';
import { QUADRANTS, type BoardLayout, type BoardSpec, type Method } from './types.ts';

export { MethodError, type MethodProblem, type ProblemCode } from './method-problem.ts';
export { METHOD_FIELDS } from './method-schema.ts';
export { METHOD_ID } from './limits.ts';

const problem = (field: string, finding: Pick<Finding, 'code' | 'params'>): MethodProblem =>
	methodProblem(field, finding.code, ...([finding.params] as ParamsArg<typeof finding.code>));

/** A schema issue as a method problem: its field, its code and the values its message needs. */
export function toProblem(issue: v.BaseIssue<unknown>): MethodProblem {
	const field = issueField(issue);
	if (issue.type === 'method_problem') return problem(field, (issue as ProblemIssue).finding);
	// A word from a list says which words are allowed, even when it is missing.
	if (issue.type === 'picklist' || issue.type === 'variant')
		return methodProblem(field, 'one-of', { allowed: issue.message });
	if (issue.kind === 'schema' && issue.input === undefined) return methodProblem(field, 'missing');
	switch (issue.type) {
		case 'object':
		case 'custom':
			return methodProblem(field, 'not-mapping');
		case 'string':
			return methodProblem(field, 'not-text');
		case 'number':
		case 'integer':
			return methodProblem(field, 'not-number');
		case 'boolean':
			return methodProblem(field, 'not-boolean');
		case 'array':
			return methodProblem(field, 'not-list');
		case 'non_empty':
			return methodProblem(field, 'empty');
		case 'max_length':
			return methodProblem(field, 'too-long', { max: issue.requirement as number });
		default:
			throw new Error(`method schema issue without a problem code: ${issue.type} at ${field}`);
	}
}

/** Runs a method schema, throwing `MethodError` with every problem found. */
function run<S extends v.GenericSchema>(schema: S, value: unknown, source: string): v.InferOutput<S> {
	const result = v.safeParse(schema, value);
	if (!result.success) throw new MethodError(source, result.issues.map(toProblem));
	return result.output;
}

/** Parses a board in file form (layout fields and options side by side), throwing `MethodError`. */
export function parseBoard(value: unknown, source: string): BoardSpec {
	return run(BoardSchema, value, source);
}

/**
 * Parses one method. `source` names where it came from (a file name) for the error message.
 * Throws `MethodError` listing every problem found.
 */
export function parseMethod(value: unknown, source: string): Method {
	return run(MethodSchema, value, source);
}

/** Every zone id a board layout has, in reading order. Notes live in one of these (or none). */
export function zoneIds(layout: BoardLayout): string[] {
	switch (layout.template) {
		case 'free':
			return [];
		case 'columns':
			return layout.lanes.map((z) => z.id);
		case 'matrix':
			return [...QUADRANTS];
		case 'rings':
			return layout.sectors
				? layout.rings.flatMap((ring) => layout.sectors!.map((sector) => `${ring.id}/${sector.id}`))
				: layout.rings.map((z) => z.id);
		case 'journey':
			return layout.rows.flatMap((row) => layout.stages.map((stage) => `${stage.id}/${row.id}`));
		case 'canvas':
			return layout.zones.map((z) => z.id);
		case 'scale':
			return layout.rows
				? layout.rows.flatMap((row) => layout.points.map((point) => `${row.id}/${point.id}`))
				: layout.points.map((z) => z.id);
	}
}
