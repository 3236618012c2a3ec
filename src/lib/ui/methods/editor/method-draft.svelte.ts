/**
 * The editor's state: a working copy of one method, the language being written in, and the
 * problems found on the last save. Components read the getters and change the copy only through
 * the named methods. Nothing is stored here; `validate()` hands back a checked `Method` for the
 * page to save, so leaving the editor without saving leaves no trace.
 */
import type { Locale } from '$lib/i18n/locales';
import { namedZonesOf, starterLayout } from '$lib/methods/custom';
import { LIST_LIMITS } from '$lib/methods/limits';
import { MethodError, parseMethod, type MethodProblem } from '$lib/methods/parse';
import type { Audience, BoardTemplate, Method, Phase } from '$lib/methods/types';
import {
	clearPlaceholders,
	emptyLocalized,
	formFromMethod,
	formToFileValue,
	hasOnlyStarterNames,
	idFromName,
	starterNames,
	stepMinutesTotal,
	type ListField,
	type MethodForm,
	type StepForm,
	type TextField
} from './method-form';

export interface DraftOptions {
	/** A method that has never been saved: it gets an id from its name on the first save. */
	isNew?: boolean;
	/** Whether an id is used already (by a built-in or another own method). */
	idTaken?: (id: string) => boolean;
}

export interface CheckedProblems {
	problems: MethodProblem[];
	/** The form as it was checked, so that step and zone numbers in the problems stay right. */
	form: MethodForm;
}

export class MethodDraft {
	readonly isNew: boolean;
	#idTaken: (id: string) => boolean;
	#form: MethodForm;
	#locale: Locale;
	#checked = $state.raw<CheckedProblems>({ problems: [], form: {} as MethodForm });
	#zonesRenamed: boolean;
	#initial: string;
	#nextKey: number;
	/** What a new method started as, to tell its placeholders from what was written. */
	#start: MethodForm | null;

	constructor(method: Method, locale: Locale, options: DraftOptions = {}) {
		const form = formFromMethod(method);
		this.isNew = options.isNew ?? false;
		this.#idTaken = options.idTaken ?? (() => false);
		this.#form = $state(form);
		this.#locale = $state(locale);
		this.#initial = JSON.stringify(form);
		this.#zonesRenamed = !hasOnlyStarterNames(form.board.layout);
		this.#nextKey = form.steps.length + 1;
		this.#start = this.isNew ? structuredClone(form) : null;
		this.#checked = { problems: [], form };
	}

	get form(): MethodForm {
		return this.#form;
	}

	/** The language whose texts the fields show and change. */
	get locale(): Locale {
		return this.#locale;
	}

	get problems(): CheckedProblems {
		return this.#checked;
	}

	get defaultMinutes(): number {
		return stepMinutesTotal(this.#form);
	}

	get dirty(): boolean {
		return JSON.stringify($state.snapshot(this.#form)) !== this.#initial;
	}

	/** Whether changing the template would throw away names someone chose. */
	get zonesRenamed(): boolean {
		return this.#zonesRenamed;
	}

	setLocale(locale: Locale) {
		this.#locale = locale;
	}

	setText(field: TextField, value: string) {
		this.#form.texts[field][this.#locale] = value;
	}

	setList(field: ListField, value: string) {
		this.#form.lists[field][this.#locale] = value;
	}

	setPhase(phase: Phase) {
		this.#form.phase = phase;
	}

	setAudience(audience: Audience, chosen: boolean) {
		const others = this.#form.audiences.filter((a) => a !== audience);
		this.#form.audiences = chosen ? [...others, audience] : others;
	}

	setDuration(end: 'min' | 'max', minutes: number | null) {
		this.#form.duration[end] = minutes;
	}

	setGroupSize(end: 'min' | 'max', people: number | null) {
		this.#form.groupSize[end] = people;
	}

	/** Adds an empty step at the end; returns its key. */
	addStep(): number | null {
		if (this.#form.steps.length >= LIST_LIMITS.steps.max) return null;
		const step: StepForm = { key: this.#nextKey++, minutes: 5, title: emptyLocalized(), script: emptyLocalized() };
		this.#form.steps.push(step);
		return step.key;
	}

	removeStep(index: number) {
		if (this.#form.steps.length <= 1) return;
		this.#form.steps.splice(index, 1);
	}

	moveStep(index: number, by: -1 | 1) {
		const to = index + by;
		const steps = this.#form.steps;
		if (to < 0 || to >= steps.length) return;
		const [step] = steps.splice(index, 1);
		steps.splice(to, 0, step);
	}

	setStepMinutes(index: number, minutes: number | null) {
		this.#form.steps[index].minutes = minutes;
	}

	setStepText(index: number, part: 'title' | 'script', value: string) {
		this.#form.steps[index][part][this.#locale] = value;
	}

	/** Replaces the layout with a new one of `template` (the caller confirms first if needed). */
	setTemplate(template: BoardTemplate) {
		if (template === this.#form.board.layout.template) return;
		this.#form.board.layout = starterLayout(template, starterNames);
		this.#zonesRenamed = false;
	}

	/** Renames the index-th named thing of the layout (in `namedZonesOf` order). */
	renameZone(index: number, value: string) {
		const zone = namedZonesOf(this.#form.board.layout)[index];
		if (!zone) return;
		zone.name[this.#locale] = value;
		this.#zonesRenamed = true;
	}

	addLane() {
		const layout = this.#form.board.layout;
		if (layout.template !== 'columns' || layout.lanes.length >= LIST_LIMITS.lanes.max) return;
		const ids = layout.lanes.map((lane) => lane.id);
		// The id's number is the name's, so that the name is recognised as a placeholder later.
		let n = layout.lanes.length + 1;
		while (ids.includes(`lane-${n}`)) n++;
		layout.lanes.push({ id: `lane-${n}`, name: starterNames('lane', n) });
	}

	removeLane(index: number) {
		const layout = this.#form.board.layout;
		if (layout.template !== 'columns' || layout.lanes.length <= 1) return;
		layout.lanes.splice(index, 1);
	}

	setPrivateWriting(on: boolean) {
		this.#form.board.privateWriting = on;
	}

	setDots(dots: number | null) {
		this.#form.board.dotsPerPerson = dots;
	}

	setTimer(minutes: number | null) {
		this.#form.board.timerMinutes = minutes;
	}

	/** Checks the method as it would be saved. Returns it, or null with the problems kept in `problems`. */
	validate(): Method | null {
		const form = $state.snapshot(this.#form) as MethodForm;
		const toSave = structuredClone(form);
		clearPlaceholders(toSave, this.#locale, this.#start);
		const value = formToFileValue(toSave, this.#locale);
		if (this.isNew) {
			do value.id = idFromName(form.texts.name[this.#locale]);
			while (this.#idTaken(value.id as string));
		}
		try {
			const method = parseMethod(value, form.texts.name[this.#locale] || form.id);
			this.#checked = { problems: [], form };
			return method;
		} catch (error) {
			if (!(error instanceof MethodError)) throw error;
			this.#checked = { problems: error.problems, form };
			return null;
		}
	}
}
