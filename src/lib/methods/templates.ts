/**
 * Workshop templates: whole agendas for the situations museums repeat (a seniors' panel's first
 * meeting, a school group's co-design visit…), as files beside the methods. A template is a list of
 * methods with minutes, titles and a short purpose per item, in three languages; the facilitator
 * starts a workshop from it and edits the result like any plan.
 *
 * The same file format serves the library's own templates (`workshops/templates/*.yaml`, checked
 * at build time) and a facilitator's own (saved from a session, exported and imported as files), so
 * a good own template can become a built-in by pull request (files: `template-file.ts`). Problems are reported in the method
 * files' codes (`method-problem.ts`), so the interface and the build say them in the same words.
 */
import * as v from 'valibot';
import type { Localized } from '../i18n/locales.ts';
import { LIST_LIMITS, METHOD_ID, NUMBER_LIMITS, TEXT_LIMITS } from './limits.ts';
import { MethodError, methodProblem, type MethodProblem } from './method-problem.ts';
import { found, id, int, isInt, isObj, list, localized, mapping, oneOf, rule } from './method-schema.ts';
import { toProblem } from './parse.ts';
import { AUDIENCES, type Audience, type Method } from './types.ts';

export const TEMPLATE_ITEM_KINDS = ['method', 'blank', 'break'] as const;
export type TemplateItemKind = (typeof TEMPLATE_ITEM_KINDS)[number];

export interface TemplateItem {
	kind: TemplateItemKind;
	/** The method an item of kind `method` runs (a built-in or one of this device's own). */
	method?: string;
	minutes: number;
	/** The item's title on the agenda (the method's own name is often too general). */
	title: Localized;
	/** One line: why this item is in this agenda. */
	purpose: Localized;
}

export interface WorkshopTemplate {
	id: string;
	name: Localized;
	purpose: Localized;
	audiences: Audience[];
	items: TemplateItem[];
}

export const TEMPLATE_LIMITS = {
	items: { min: 1, max: LIST_LIMITS.steps.max },
	itemMinutes: { min: 1, max: NUMBER_LIMITS.stepMinutes.max },
	/** A whole template: a long day at most. */
	totalMinutes: NUMBER_LIMITS.durationMinutes.max,
	purpose: TEXT_LIMITS.purpose,
	title: TEXT_LIMITS.stepTitle
} as const;

const item = mapping(
	{
		kind: oneOf(TEMPLATE_ITEM_KINDS),
		method: v.optional(id(TEXT_LIMITS.methodId, METHOD_ID)),
		minutes: int(TEMPLATE_LIMITS.itemMinutes),
		title: localized(TEMPLATE_LIMITS.title),
		purpose: localized(TEMPLATE_LIMITS.purpose)
	},
	// A method item runs a method; a break or a blank item has none to run.
	(value) => ((value.kind === 'method') !== (value.method !== undefined) ? [found('method-and-kind', {})] : [])
);

/** The items fit in one long day. */
const totalRule = rule<v.InferOutput<typeof item>[]>((items) => {
	if (!Array.isArray(items)) return [];
	const minutes = (items as unknown[]).map((i) => (isObj(i) ? i.minutes : undefined));
	if (!minutes.every(isInt)) return [];
	const sum = minutes.reduce((a, b) => a + b, 0);
	return sum > TEMPLATE_LIMITS.totalMinutes ? [found('range', { min: 1, max: TEMPLATE_LIMITS.totalMinutes })] : [];
});

export const TemplateSchema = v.pipe(
	mapping({
		id: id(TEXT_LIMITS.methodId, METHOD_ID),
		name: localized(TEXT_LIMITS.name),
		purpose: localized(TEMPLATE_LIMITS.purpose),
		audiences: v.pipe(
			list(oneOf(AUDIENCES), { min: 1, max: AUDIENCES.length }),
			rule<Audience[]>((items) =>
				Array.isArray(items) && new Set(items).size !== items.length ? [found('duplicate-audience', {})] : []
			)
		),
		items: v.pipe(list(item, TEMPLATE_LIMITS.items), totalRule)
	}),
	v.transform((template): WorkshopTemplate => ({
		...template,
		// A field left out stays out (an item of kind `break` has no `method` key at all).
		items: template.items.map(({ method, ...rest }) => (method === undefined ? rest : { ...rest, method }))
	}))
);

/** Parses a template as a file holds it, throwing `MethodError` with every problem found. */
export function parseTemplate(value: unknown, source: string): WorkshopTemplate {
	const result = v.safeParse(TemplateSchema, value);
	if (!result.success) throw new MethodError(source, result.issues.map(toProblem));
	return result.output;
}

/**
 * The problems of a template against the methods at hand: a method it names that is not there,
 * and — for the library's own templates, whose methods are known — minutes outside the method's
 * range (a facilitator's own template keeps whatever their plan said).
 */
export function templateMethodProblems(
	template: WorkshopTemplate,
	methodById: (id: string) => Method | undefined,
	{ checkMinutes }: { checkMinutes: boolean }
): MethodProblem[] {
	const problems: MethodProblem[] = [];
	template.items.forEach((item, i) => {
		if (item.method === undefined) return;
		const method = methodById(item.method);
		if (!method) problems.push(methodProblem(`items[${i}].method`, 'unknown-method', { id: item.method }));
		else if (checkMinutes && (item.minutes < method.duration.min || item.minutes > method.duration.max))
			problems.push(
				methodProblem(`items[${i}].minutes`, 'range', { min: method.duration.min, max: method.duration.max })
			);
	});
	return problems;
}

export const templateMinutes = (template: WorkshopTemplate): number =>
	template.items.reduce((sum, item) => sum + item.minutes, 0);
