import { describe, expect, it } from 'vitest';
import { builtinQuestion, customQuestion } from '../session/participation';
import { categoryRows } from './report-model';

const age = builtinQuestion('age');

describe('categoryRows', () => {
	it.each([
		{
			name: 'answers of three or more keep their row; smaller ones merge into “other”',
			answers: [...Array(3).fill({ age: '18to29' }), ...Array(2).fill({ age: '65plus' }), { age: 'under18' }],
			total: 6,
			rows: [
				{ key: '18to29', count: 3 },
				{ key: 'other', count: 3 }
			]
		},
		{
			name: 'people who did not answer are a row of their own',
			answers: [...Array(4).fill({ age: '30to44' }), {}],
			total: 7,
			rows: [
				{ key: '30to44', count: 4 },
				{ key: 'none', count: 3 }
			]
		},
		{
			name: 'an answer the question does not offer counts as no answer',
			answers: [{ age: 'forged' }, { age: '45to64' }, { age: '45to64' }, { age: '45to64' }],
			total: 4,
			rows: [
				{ key: '45to64', count: 3 },
				{ key: 'none', count: 1 }
			]
		}
	])('$name', ({ answers, total, rows }) => {
		expect(categoryRows(age, answers, total).map(({ key, count }) => ({ key, count }))).toEqual(rows);
	});

	it('gives shares of everyone who took part', () => {
		const rows = categoryRows(age, Array(3).fill({ age: '18to29' }), 4);
		expect(rows.map((r) => r.share)).toEqual([0.75, 0.25]);
	});

	it('counts notes and votes by category, the merged ones in “other”', () => {
		const question = customQuestion(0, 'Mistä kuulit?', ['Kirjasto', 'Lehti']);
		const answers = [...Array(3).fill({ c1: 'o1' }), { c1: 'o2' }];
		const rows = categoryRows(question, answers, 4, {
			notes: [{ category: 'o1' }, { category: 'o2' }, {}],
			ballots: [{ category: 'o1', noteIds: ['a', 'b'] }, { noteIds: ['a'] }]
		});
		expect(rows).toEqual([
			{ key: 'o1', count: 3, share: 0.75, notes: 1, votes: 2 },
			{ key: 'other', count: 1, share: 0.25, merged: ['o2'], notes: 1, votes: 0 },
			{ key: 'none', count: 0, share: 0, notes: 1, votes: 1 }
		]);
	});
});
