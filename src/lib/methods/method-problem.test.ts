import { describe, expect, it } from 'vitest';
import { MethodError, methodProblem, PROBLEM_CODES } from './method-problem';
import { SAMPLE_PROBLEMS } from './testing/problem-samples';

describe('method problems', () => {
	it('has a sample of every code, and no more', () => {
		expect(SAMPLE_PROBLEMS.map((p) => p.code).sort()).toEqual([...PROBLEM_CODES].sort());
	});

	it.each(SAMPLE_PROBLEMS.map((p) => [p.code, p] as const))('%s has an English reason with its values', (_, p) => {
		expect(p.reason.trim()).not.toBe('');
		expect(p.reason).not.toMatch(/undefined|\[object|\{\w+\}/);
		for (const value of Object.values(p.params)) expect(p.reason).toContain(String(value));
	});

	it('writes the reason from the code and params, and the error message from the reasons', () => {
		const problems = [methodProblem('', 'not-mapping'), methodProblem('name.fi', 'too-long', { max: 80 })];
		expect(problems).toEqual([
			{ field: '', code: 'not-mapping', params: {}, reason: 'must be a mapping of fields' },
			{ field: 'name.fi', code: 'too-long', params: { max: 80 }, reason: 'is longer than 80 characters' }
		]);
		expect(new MethodError('x.yaml', problems).message).toBe(
			'x.yaml: (file): must be a mapping of fields; name.fi: is longer than 80 characters'
		);
	});
});
