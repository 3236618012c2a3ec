/**
 * Between workshop templates and plans: a template becomes a session's plan and agenda, and a
 * session's agenda becomes a facilitator's own template. Pure, so the pages, the storage and the
 * tests agree on what a template means.
 */
import { LOCALES, type Locale, type Localized } from '../i18n/locales';
import { customId } from '../methods/custom';
import { TEXT_LIMITS } from '../methods/limits';
import { TEMPLATE_LIMITS, templateMinutes, type TemplateItem, type WorkshopTemplate } from '../methods/templates';
import { AUDIENCES, type Method } from '../methods/types';
import { agendaItemFromMethod, freeBoard, newSessionPlan, type NewAgendaItem } from './plan';
import type { AgendaItem, SessionPlan } from './types';

/** The plan of a session started from a template, in the facilitator's language. */
export function planFromTemplate(template: WorkshopTemplate, language: Locale): SessionPlan {
	return {
		...newSessionPlan(language, template.name[language]),
		goal: template.purpose[language],
		groups: [...template.audiences],
		availableMinutes: templateMinutes(template)
	};
}

/**
 * The agenda of a session started from a template. A method item enters the plan the one way every
 * method does (`agendaItemFromMethod`: its board, prompts and all), with the template's title and
 * minutes; its board timer never runs longer than the item. A method that is not on this device
 * (the template was checked when it was imported or built, but an own method can be deleted since)
 * becomes a blank activity with the same title, so the agenda keeps its shape and timing.
 */
export function agendaFromTemplate(
	template: WorkshopTemplate,
	methodById: (id: string) => Method | undefined,
	language: Locale
): NewAgendaItem[] {
	return template.items.map((item) => {
		const title = item.title[language];
		const method = item.method === undefined ? undefined : methodById(item.method);
		if (method) {
			const added = agendaItemFromMethod(method, language);
			const board = added.board && {
				...added.board,
				timerMinutes: Math.min(added.board.timerMinutes, item.minutes)
			};
			return { ...added, title, minutes: item.minutes, board };
		}
		const kind = item.kind === 'break' ? 'break' : 'blank';
		return {
			kind,
			title,
			minutes: item.minutes,
			prompt: kind === 'blank' ? item.purpose[language] : '',
			board: freeBoard(item.minutes)
		};
	});
}

const same = (text: string): Localized => Object.fromEntries(LOCALES.map((l) => [l, text])) as Localized;
const cut = (text: string, max: number) => text.trim().slice(0, max).trim();

/**
 * A session's agenda as the facilitator's own template, named `name`. The plan is written in one
 * language, so each text stands in all three (the same as a method written in one language); a
 * method item's purpose is the method's own, in each language. An item whose method is gone
 * becomes a blank activity, since a template must not name a method that is not there.
 */
export function templateFromAgenda(
	name: string,
	plan: Pick<SessionPlan, 'goal' | 'groups'>,
	agenda: readonly AgendaItem[],
	methodById: (id: string) => Method | undefined
): WorkshopTemplate {
	const title = cut(name, TEXT_LIMITS.name);
	const items = agenda.slice(0, TEMPLATE_LIMITS.items.max).map((entry): TemplateItem => {
		const itemTitle = same(cut(entry.title, TEMPLATE_LIMITS.title) || title);
		const minutes = Math.max(1, Math.min(TEMPLATE_LIMITS.itemMinutes.max, Math.round(entry.minutes)));
		const method = entry.methodId === undefined ? undefined : methodById(entry.methodId);
		if (entry.kind === 'method' && method)
			return { kind: 'method', method: method.id, minutes, title: itemTitle, purpose: structuredClone(method.purpose) };
		const purpose = cut(entry.prompt.split('\n')[0] ?? '', TEMPLATE_LIMITS.purpose);
		return {
			kind: entry.kind === 'break' ? 'break' : 'blank',
			minutes,
			title: itemTitle,
			purpose: same(purpose || itemTitle.en)
		};
	});
	return {
		id: customId(slug(title)),
		name: same(title),
		purpose: same(cut(plan.goal, TEMPLATE_LIMITS.purpose) || title),
		audiences: plan.groups.length > 0 ? [...new Set(plan.groups)] : [...AUDIENCES],
		items
	};
}

/** A name as the start of an id: "Senioripaneeli – syksy" → "senioripaneeli-syksy". */
export function slug(text: string): string {
	return (
		text
			.normalize('NFD')
			.replace(/\p{M}+/gu, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 40)
			.replace(/-+$/, '') || 'template'
	);
}
