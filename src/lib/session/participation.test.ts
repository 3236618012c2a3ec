import { describe, expect, it } from 'vitest';
import { parseJoinFragment, joinLink, type Invite } from './join-link';
import { builtinQuestion, cleanAnswers, customQuestion, planProblem, type ParticipationPlan } from './participation';

const invite: Invite = {
	sessionId: '123e4567-e89b-12d3-a456-426614174000',
	room: 'room-abcdefghijklmnop',
	secret: 'secret-abcdefghijklmnop',
	title: 'Työpaja',
	language: 'fi',
	anonymous: true,
	groups: []
};
const plan: ParticipationPlan = {
	questions: [builtinQuestion('age'), customQuestion(0, 'Mistä kuulit | luit?', ['Kirjasto', 'Ystävä', ' '])],
	countBy: 'age'
};
const fragment = (link: string) => link.slice(link.indexOf('#'));

describe('participation questions in the join link', () => {
	it('travel with the link and come back the same', () => {
		const parsed = parseJoinFragment(fragment(joinLink('https://m.example/', { ...invite, participation: plan })));
		expect(parsed.ok && parsed.invite.participation).toEqual({
			questions: [
				builtinQuestion('age'),
				{
					id: 'c1',
					kind: 'custom',
					label: 'Mistä kuulit / luit?',
					options: [
						{ id: 'o1', label: 'Kirjasto' },
						{ id: 'o2', label: 'Ystävä' }
					]
				}
			],
			countBy: 'age'
		});
	});

	it('never count activity by group in a named session', () => {
		const parsed = parseJoinFragment(
			fragment(joinLink('https://m.example/', { ...invite, anonymous: false, participation: plan }))
		);
		expect(parsed.ok && parsed.invite.participation?.countBy).toBeNull();
	});

	it.each(['q=age.shoe', 'q=age.age', 'q=age&qb=c1', 'qc=Vain%20teksti', 'qb=age'])(
		'refuse a malformed link (%s)',
		(extra) => {
			const good = fragment(joinLink('https://m.example/', invite));
			expect(parseJoinFragment(`${good}&${extra}`)).toEqual({ ok: false, problem: 'invalid' });
		}
	);

	it('leave the link as it was without questions', () => {
		expect(joinLink('https://m.example/', invite)).not.toMatch(/[&#]q/);
	});
});

describe('answers and plans', () => {
	it('keeps only answers the plan offers', () => {
		expect(cleanAnswers(plan, { age: '18to29', c1: 'o9', shoe: '42' })).toEqual({ age: '18to29' });
	});

	it('finds a museum question without text or answers', () => {
		expect(planProblem({ questions: [customQuestion(0, '', ['a', 'b'])], countBy: null })).toBe('customWithoutText');
		expect(planProblem({ questions: [customQuestion(0, 'Kysymys', ['a'])], countBy: null })).toBe(
			'customTooFewOptions'
		);
		expect(planProblem(plan)).toBeNull();
	});
});
