/**
 * Turns `parseMethod`'s problems (field paths of the file, and codes) into what the editor shows:
 * the field's label as the form names it, the reason in the interface language, and the element to
 * focus. A problem found in all three languages is one problem to the facilitator, who writes in
 * one language at a time.
 */
import type { MessageKey } from '$lib/i18n/catalog';
import { LOCALES, type Locale } from '$lib/i18n/locales';
import type { Translate } from '$lib/i18n/translate';
import type { MethodProblem } from '$lib/methods/parse';
import { problemMessage, problemText } from '../problem-text';
import { LIST_FIELDS, TEXT_FIELDS, type ListField, type MethodForm, type TextField } from './method-form';
import { zoneFields, zoneIndexOf } from './zone-fields';

export interface EditorProblem {
	label: string;
	reason: string;
	/** Id of the element to focus, or null when the form has no field for it. */
	target: string | null;
	/** Set when the problem is only in another language: the editor switches to it first. */
	locale: Locale | null;
}

export const FIELD_LABELS: Record<TextField | ListField, MessageKey> = {
	name: 'editor.field.name',
	purpose: 'editor.field.purpose',
	whenToUse: 'editor.field.whenToUse',
	tradition: 'editor.field.tradition',
	tags: 'editor.field.tags',
	materials: 'editor.field.materials',
	preparation: 'editor.field.preparation',
	prompts: 'editor.field.prompts',
	tips: 'editor.field.tips',
	accessibility: 'editor.field.accessibility'
};

/** Element ids of the form's controls, shared by the components and the problem list. */
export const fieldId = {
	text: (field: TextField | ListField) => `editor-${field}`,
	stepPart: (key: number, part: 'minutes' | 'title' | 'script') => `editor-step-${key}-${part}`,
	zone: (index: number) => `editor-zone-${index}`,
	audience: (audience: string) => `editor-audience-${audience}`
};

const LOCALE_IN_PATH = /\.(fi|sv|en)(?=$|[.[])/;
const STEP_PART = /^steps\[(\d+)\]\.(minutes|title|script)$/;

/** The reason as the form puts it: a text left empty is simply missing, a list is lines of a text
 * box (or, for audiences, checkboxes), and the usual duration is the steps' sum. */
function editorReason(problem: MethodProblem, base: string, t: Translate): string {
	switch (problem.code) {
		case 'empty':
			return t(problemMessage('missing'));
		case 'too-few':
			return base === 'audiences'
				? t('editor.reason.chooseAudience')
				: t('editor.reason.atLeast', { count: problem.params.min });
		case 'too-many':
			return t('editor.reason.atMost', { count: problem.params.max });
		case 'duration-order':
			return t('editor.reason.durationOrder');
		default:
			return problemText(problem, t);
	}
}

/** Where the form shows each field, top to bottom, so that problems are listed (and the first one
 * focused) in the order a person meets the fields, not the order of the file. */
const FORM_ORDER: Record<string, number> = {
	name: 100,
	purpose: 101,
	whenToUse: 102,
	phase: 103,
	tags: 104,
	tradition: 105,
	audiences: 200,
	'groupSize.min': 201,
	'groupSize.max': 202,
	groupSize: 203,
	'duration.min': 204,
	'duration.max': 205,
	duration: 206,
	materials: 300,
	preparation: 301,
	'duration.default': 400,
	steps: 499,
	prompts: 500,
	tips: 501,
	accessibility: 502,
	'board.dotsPerPerson': 900,
	'board.timerMinutes': 901
};
const STEPS_ORDER = 400;
const BOARD_ORDER = 599;
const ZONES_ORDER = 600;
const UNKNOWN_ORDER = 1000;

interface Location {
	label: string;
	target: string | null;
	order: number;
}

function locate(base: string, form: MethodForm, t: Translate): Location {
	if ((TEXT_FIELDS as readonly string[]).includes(base)) {
		const field = base as TextField;
		return { label: t(FIELD_LABELS[field]), target: fieldId.text(field), order: FORM_ORDER[field] };
	}
	const list = /^(\w+)(?:\[(\d+)\])?$/.exec(base);
	if (list && (LIST_FIELDS as readonly string[]).includes(list[1])) {
		const field = list[1] as ListField;
		const label = t(FIELD_LABELS[field]);
		return {
			label: list[2] === undefined ? label : t('editor.problem.line', { field: label, n: Number(list[2]) + 1 }),
			target: fieldId.text(field),
			order: FORM_ORDER[field]
		};
	}
	const step = STEP_PART.exec(base);
	if (step) {
		const index = Number(step[1]);
		const part = step[2] as 'minutes' | 'title' | 'script';
		const key = form.steps[index]?.key;
		return {
			label: t('editor.problem.step', { n: index + 1, field: t(`editor.step.${part}`) }),
			target: key === undefined ? null : fieldId.stepPart(key, part),
			order: STEPS_ORDER + (index + ['minutes', 'title', 'script'].indexOf(part) / 3) / 100
		};
	}
	const zone = zoneIndexOf(form.board.layout, base);
	if (zone >= 0) {
		const { label } = zoneFields(form.board.layout)[zone];
		return { label: t(label.key, label.params), target: fieldId.zone(zone), order: ZONES_ORDER + zone / 100 };
	}
	const firstStep = form.steps[0] ? fieldId.stepPart(form.steps[0].key, 'minutes') : null;
	const fixed: Record<string, { label: MessageKey; target: string | null }> = {
		phase: { label: 'editor.field.phase', target: 'editor-phase' },
		duration: { label: 'editor.problem.duration', target: 'editor-duration-min' },
		'duration.min': { label: 'editor.field.durationMin', target: 'editor-duration-min' },
		'duration.max': { label: 'editor.field.durationMax', target: 'editor-duration-max' },
		'duration.default': { label: 'editor.problem.duration', target: firstStep },
		groupSize: { label: 'editor.problem.groupSize', target: 'editor-group-max' },
		'groupSize.min': { label: 'editor.field.groupMin', target: 'editor-group-min' },
		'groupSize.max': { label: 'editor.field.groupMax', target: 'editor-group-max' },
		steps: { label: 'editor.section.steps', target: 'editor-step-add' },
		'board.timerMinutes': { label: 'editor.board.timer', target: 'editor-timer' },
		'board.dotsPerPerson': { label: 'editor.board.dots', target: 'editor-dots' }
	};
	if (base === 'audiences' || base.startsWith('audiences[')) {
		const target = fieldId.audience(form.audiences[0] ?? 'staff');
		return { label: t('editor.field.audiences'), target, order: FORM_ORDER.audiences };
	}
	if (base in fixed) return { label: t(fixed[base].label), target: fixed[base].target, order: FORM_ORDER[base] };
	if (base.startsWith('board'))
		return { label: t('editor.problem.board'), target: 'editor-template', order: BOARD_ORDER };
	return { label: base, target: null, order: UNKNOWN_ORDER };
}

/** Problems in the form's order, one per field and reason. */
export function describeProblems(
	problems: MethodProblem[],
	form: MethodForm,
	editing: Locale,
	t: Translate
): EditorProblem[] {
	const stepMinutesInvalid = problems.some((p) => /^steps\[\d+\]\.minutes$/.test(p.field));
	const groups = new Map<string, { base: string; problem: MethodProblem; locales: Locale[] }>();
	for (const problem of problems) {
		// The usual duration is the steps' sum, so these only repeat a problem with a step's minutes.
		if (problem.field === 'steps' && problem.code === 'steps-sum') continue;
		if (problem.field === 'duration.default' && stepMinutesInvalid) continue;
		const locale = LOCALE_IN_PATH.exec(problem.field)?.[1] as Locale | undefined;
		const base = problem.field.replace(LOCALE_IN_PATH, '');
		const key = `${base}\n${problem.code}\n${JSON.stringify(problem.params)}`;
		const group = groups.get(key) ?? { base, problem, locales: [] };
		if (locale) group.locales.push(locale);
		groups.set(key, group);
	}
	return [...groups.values()]
		.map(({ base, problem: found, locales }) => {
			const { label, target, order } = locate(base, form, t);
			const elsewhere = locales.length > 0 && !locales.includes(editing);
			const locale = elsewhere ? (LOCALES.find((l) => locales.includes(l)) ?? null) : null;
			const problem: EditorProblem = {
				label: locale
					? t('editor.problem.inLanguage', { field: label, language: t(`editor.language.${locale}`) })
					: label,
				reason: editorReason(found, base, t),
				target,
				locale
			};
			return { problem, order };
		})
		.sort((a, b) => a.order - b.order)
		.map(({ problem }) => problem);
}
