/**
 * The editor's working copy of a method. It differs from `Method` where typing needs room: lists
 * are one text per language (one item per line, so a facilitator can type blank lines and reorder
 * freely), numbers may be empty while being typed, and steps carry a stable key for focus.
 * Nothing here is trusted: `formToFileValue` hands the form to `parseMethod`, which decides.
 */
import { LOCALES, type Locale, type Localized } from '$lib/i18n/locales';
import { inEveryLanguage } from '$lib/i18n/translate';
import { customId, fillMissingTranslations, namedZonesOf, starterLayout, type StarterName } from '$lib/methods/custom';
import { fold } from '$lib/methods/search';
import type { Audience, BoardLayout, Method, Phase, QuadrantId } from '$lib/methods/types';

export const TEXT_FIELDS = ['name', 'purpose', 'whenToUse', 'tradition'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export const LIST_FIELDS = ['tags', 'materials', 'preparation', 'prompts', 'tips', 'accessibility'] as const;
export type ListField = (typeof LIST_FIELDS)[number];

export interface StepForm {
	/** Stable across moves, for element ids and keyed lists. */
	key: number;
	minutes: number | null;
	title: Localized;
	script: Localized;
}

export interface MethodForm {
	id: string;
	phase: Phase;
	audiences: Audience[];
	duration: { min: number | null; max: number | null };
	groupSize: { min: number | null; max: number | null };
	texts: Record<TextField, Localized>;
	/** One item per line. */
	lists: Record<ListField, Localized>;
	steps: StepForm[];
	board: {
		layout: BoardLayout;
		privateWriting: boolean;
		dotsPerPerson: number | null;
		timerMinutes: number | null;
		/** Kept as the method has it (the editor has no field for it): see workshops/README.md. */
		continuesPrevious?: true;
	};
}

export const linesOf = (text: string): string[] =>
	text
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean);

const mapLocales = <T, U>(value: Localized<T>, fn: (item: T) => U): Localized<U> => ({
	fi: fn(value.fi),
	sv: fn(value.sv),
	en: fn(value.en)
});

export function formFromMethod(method: Method): MethodForm {
	const copy = structuredClone(method);
	return {
		id: copy.id,
		phase: copy.phase,
		audiences: copy.audiences,
		duration: { min: copy.duration.min, max: copy.duration.max },
		groupSize: { min: copy.groupSize.min, max: copy.groupSize.max ?? null },
		texts: { name: copy.name, purpose: copy.purpose, whenToUse: copy.whenToUse, tradition: copy.tradition },
		lists: Object.fromEntries(
			LIST_FIELDS.map((key) => [key, mapLocales(copy[key], (items) => items.join('\n'))])
		) as Record<ListField, Localized>,
		steps: copy.steps.map((step, i) => ({ key: i + 1, ...step })),
		board: { ...copy.board }
	};
}

/**
 * Placeholders in the other languages give way to what was written in the editing language:
 * a text of a new method that is still as it started there, and a zone name that is still its
 * starter name ("Kolumn 1"), are cleared when the editing language's text was changed, so that
 * saving fills them from it. Otherwise a method written in Finnish would be "Ny metod" in Swedish.
 * `start` is the form a new method started from (null when editing a saved method). Changes `form`.
 */
export function clearPlaceholders(form: MethodForm, editing: Locale, start: MethodForm | null): void {
	const clear = (now: Localized, was: Localized | null | undefined) => {
		if (!was || now[editing] === was[editing]) return;
		for (const locale of LOCALES) if (locale !== editing && now[locale] === was[locale]) now[locale] = '';
	};
	if (start) {
		for (const field of TEXT_FIELDS) clear(form.texts[field], start.texts[field]);
		for (const field of LIST_FIELDS) clear(form.lists[field], start.lists[field]);
		for (const step of form.steps) {
			const was = start.steps.find((s) => s.key === step.key);
			clear(step.title, was?.title);
			clear(step.script, was?.script);
		}
	}
	const placeholders = zonePlaceholders(form.board.layout);
	namedZonesOf(form.board.layout).forEach((zone, i) => clear(zone.name, placeholders[i]));
}

/** Whether every zone still has its starter name in every language (nothing to lose by replacing it). */
export function hasOnlyStarterNames(layout: BoardLayout): boolean {
	const placeholders = zonePlaceholders(layout);
	return namedZonesOf(layout).every(
		(zone, i) => placeholders[i] !== null && LOCALES.every((locale) => zone.name[locale] === placeholders[i]![locale])
	);
}

const STARTER_ID = /^(lane|stage|row|ring|zone|point)-(\d+)$/;

/** The starter name each zone would have (see `starterLayout`), in `namedZonesOf` order. */
function zonePlaceholders(layout: BoardLayout): (Localized | null)[] {
	if (layout.template === 'matrix') {
		const ends = ['low', 'high'] as const;
		return [
			...(Object.keys(layout.quadrants) as QuadrantId[]).map((q) => starterNames(q, 0)),
			starterNames('x-axis', 0),
			...ends.map((end) => starterNames(end, 0)),
			starterNames('y-axis', 0),
			...ends.map((end) => starterNames(end, 0))
		];
	}
	return namedZonesOf(layout).map((zone) => {
		const match = 'id' in zone ? STARTER_ID.exec(String(zone.id)) : null;
		return match ? starterNames(match[1] as StarterName, Number(match[2])) : null;
	});
}

/** The usual duration: the steps' minutes added up (an empty minutes field counts as 0). */
export const stepMinutesTotal = (form: Pick<MethodForm, 'steps'>): number =>
	form.steps.reduce((sum, step) => sum + (step.minutes ?? 0), 0);

/**
 * The form in the shape of a method file, for `parseMethod`: empty texts and lists in the other
 * languages first take the editing language's (`fillMissingTranslations`), and empty numbers are
 * left out so that the parser names them as missing. `form` must be a plain object (a snapshot).
 */
export function formToFileValue(form: MethodForm, editing: Locale): Record<string, unknown> {
	const lists = Object.fromEntries(LIST_FIELDS.map((key) => [key, mapLocales(form.lists[key], linesOf)]));
	const asMethod = {
		id: form.id,
		phase: form.phase,
		audiences: form.audiences,
		...lists,
		duration: { default: stepMinutesTotal(form), min: form.duration.min, max: form.duration.max },
		groupSize: { min: form.groupSize.min, max: form.groupSize.max },
		...form.texts,
		steps: form.steps.map(({ minutes, title, script }) => ({ minutes, title, script })),
		board: form.board
	} as unknown as Method;
	const filled = fillMissingTranslations(asMethod, editing);
	const { layout, privateWriting, dotsPerPerson, timerMinutes, continuesPrevious } = filled.board;
	return withoutEmpty({
		...filled,
		groupSize: withoutEmpty({ ...filled.groupSize }),
		duration: withoutEmpty({ ...filled.duration }),
		steps: filled.steps.map((step) => withoutEmpty({ ...step })),
		board: withoutEmpty({
			...layout,
			privateWriting,
			dotsPerPerson,
			timerMinutes,
			...(continuesPrevious ? { continuesPrevious } : {})
		})
	});
}

function withoutEmpty<T extends object>(value: T): T {
	for (const [key, item] of Object.entries(value)) {
		if (item === null || item === undefined) delete value[key as keyof T];
	}
	return value;
}

/** An id for a new method from its name: readable in a file name, and unique by its suffix. */
export function idFromName(name: string): string {
	const slug = fold(name)
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 40)
		.replace(/-+$/, '');
	return customId(slug || 'method');
}

/** Zone names of a new layout, from the message catalogue in every language. */
export const starterNames = (kind: StarterName, n: number): Localized =>
	inEveryLanguage(`editor.starter.${kind}`, { n });

const everyLanguage = (key: Parameters<typeof inEveryLanguage>[0]) => inEveryLanguage(key);
const listOf = (key: Parameters<typeof inEveryLanguage>[0]): Localized<string[]> =>
	mapLocales(inEveryLanguage(key), (text) => [text]);

/** A new method that is valid as it stands, so a facilitator can change one thing at a time and
 * save at any point. Its id is replaced from its name on the first save. */
export function blankMethod(): Method {
	const method: Method = {
		id: customId('method'),
		phase: 'ideate',
		audiences: ['staff'],
		tags: { fi: [], sv: [], en: [] },
		duration: { default: 15, min: 10, max: 30 },
		groupSize: { min: 2 },
		name: everyLanguage('editor.blank.name'),
		purpose: everyLanguage('editor.blank.purpose'),
		whenToUse: everyLanguage('editor.blank.whenToUse'),
		materials: listOf('editor.blank.material'),
		preparation: listOf('editor.blank.preparation'),
		steps: [
			{ minutes: 15, title: everyLanguage('editor.blank.stepTitle'), script: everyLanguage('editor.blank.stepScript') }
		],
		prompts: listOf('editor.blank.prompt'),
		tips: listOf('editor.blank.tip'),
		accessibility: listOf('editor.blank.accessibility'),
		tradition: everyLanguage('editor.blank.tradition'),
		board: { layout: starterLayout('columns', starterNames), privateWriting: false, dotsPerPerson: 0, timerMinutes: 10 }
	};
	return method;
}

export const emptyLocalized = (): Localized => Object.fromEntries(LOCALES.map((locale) => [locale, ''])) as Localized;
