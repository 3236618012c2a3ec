/**
 * A template becomes a plan and agenda, and a plan's agenda becomes an own template: the two
 * directions a facilitator uses, and what happens to methods that are not there.
 */
import { describe, expect, it } from 'vitest';
import { parseTemplate, type WorkshopTemplate } from '../methods/templates';
import { testMethod } from '../methods/testing/method-fixture';
import { agendaFromTemplate, planFromTemplate, slug, templateFromAgenda } from './templates';
import type { AgendaItem } from './types';

const t = (text: string) => ({ fi: `${text} fi`, sv: `${text} sv`, en: text });
const method = testMethod();
const here = (id: string) => (id === method.id ? method : undefined);

const template: WorkshopTemplate = {
	id: 'evening',
	name: t('Evening'),
	purpose: t('Agree next steps'),
	audiences: ['community', 'partners'],
	items: [
		{ kind: 'method', method: method.id, minutes: 20, title: t('Our hopes'), purpose: t('Why hopes') },
		{ kind: 'blank', minutes: 30, title: t('Gallery walk'), purpose: t('Look around') },
		{ kind: 'break', minutes: 15, title: t('Coffee'), purpose: t('Rest') }
	]
};

describe('a workshop from a template', () => {
	it('plans the session in the facilitator’s language, for the template’s audiences and time', () => {
		expect(planFromTemplate(template, 'sv')).toMatchObject({
			title: 'Evening sv',
			goal: 'Agree next steps sv',
			groups: ['community', 'partners'],
			availableMinutes: 65,
			language: 'sv'
		});
	});

	it('adds each method with its own board and prompts, the template’s title and minutes, and a timer that fits', () => {
		const [first, walk, coffee] = agendaFromTemplate(template, here, 'fi');
		expect(first).toMatchObject({ kind: 'method', methodId: method.id, title: 'Our hopes fi', minutes: 20 });
		expect(first.prompt).toBe(method.prompts.fi.join('\n'));
		expect(first.board?.layout).toEqual(method.board.layout);
		expect(first.board?.timerMinutes).toBe(Math.min(method.board.timerMinutes, 20));
		expect(walk).toMatchObject({ kind: 'blank', title: 'Gallery walk fi', minutes: 30, prompt: 'Look around fi' });
		expect(walk.board?.layout).toEqual({ template: 'free' });
		expect(coffee).toMatchObject({ kind: 'break', title: 'Coffee fi', minutes: 15, prompt: '' });
	});

	it('keeps the agenda’s shape when a method is gone: a blank activity with the same title and time', () => {
		const [first] = agendaFromTemplate(template, () => undefined, 'en');
		expect(first).toMatchObject({ kind: 'blank', title: 'Our hopes', minutes: 20 });
		expect(first.methodId).toBeUndefined();
	});
});

describe('an own template from a plan', () => {
	const agenda: AgendaItem[] = [
		{
			id: 'a',
			sessionId: 's',
			position: 1,
			kind: 'method',
			methodId: method.id,
			title: 'Toiveet',
			minutes: 25,
			prompt: 'x'
		},
		{
			id: 'b',
			sessionId: 's',
			position: 2,
			kind: 'method',
			methodId: 'deleted-own-abcdef',
			title: 'Vanha',
			minutes: 10,
			prompt: 'Kerro\nlisää'
		},
		{ id: 'c', sessionId: 's', position: 3, kind: 'break', title: 'Tauko', minutes: 15, prompt: '' }
	];

	it('is a valid template whose texts stand in every language and whose missing method became a blank item', () => {
		const own = templateFromAgenda('Syysilta – Åbo', { goal: 'Yhdessä', groups: [] }, agenda, here);
		expect(parseTemplate(structuredClone(own), 'own')).toEqual(own);
		expect(own.id).toMatch(/^syysilta-abo-own-[a-z0-9]{6}$/);
		expect(own.name).toEqual({ fi: 'Syysilta – Åbo', sv: 'Syysilta – Åbo', en: 'Syysilta – Åbo' });
		expect(own.audiences).toEqual(['staff', 'visitors', 'community', 'partners']);
		expect(own.items.map((i) => [i.kind, i.method, i.minutes, i.title.sv])).toEqual([
			['method', method.id, 25, 'Toiveet'],
			['blank', undefined, 10, 'Vanha'],
			['break', undefined, 15, 'Tauko']
		]);
		expect(own.items[0].purpose).toEqual(method.purpose);
		expect(own.items[1].purpose.en).toBe('Kerro');
	});

	it('starts a workshop that matches the plan it came from', () => {
		const own = templateFromAgenda('Ilta', { goal: '', groups: ['staff'] }, agenda.slice(0, 1), here);
		const [item] = agendaFromTemplate(own, here, 'fi');
		expect(item).toMatchObject({ kind: 'method', methodId: method.id, title: 'Toiveet', minutes: 25 });
	});

	it('makes ids from names in any script', () => {
		expect(slug('Kävijäpaneeli: syksy 2026')).toBe('kavijapaneeli-syksy-2026');
		expect(slug('博物馆')).toBe('template');
	});
});
