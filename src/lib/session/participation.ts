/**
 * Participation categories: the optional questions a museum asks at join (age band, first visit,
 * home language, or its own), so that a report can say who took part — as counts, never as
 * people. Each answer is optional. The facilitator may also count notes and votes by one of the
 * questions ("count activity by group"); that needs an anonymous session, so that a note's
 * category never sits beside a name.
 *
 * The questions travel in the join link (so that the join form can ask them before any sync);
 * the answers go into the session document under a random key of their own, not the device's
 * participant id, so that they cannot be joined to a name or to a device's votes.
 */

export const BUILTIN_QUESTIONS = ['age', 'firstVisit', 'language'] as const;
export type BuiltinQuestion = (typeof BUILTIN_QUESTIONS)[number];
export type QuestionKind = BuiltinQuestion | 'custom';

/** The answers of the built-in questions; their labels are in the message catalogues. */
export const BUILTIN_OPTIONS: Record<BuiltinQuestion, readonly string[]> = {
	age: ['under18', '18to29', '30to44', '45to64', '65plus'],
	firstVisit: ['yes', 'no'],
	language: ['fi', 'sv', 'smi', 'en', 'other']
};

export const MAX_CUSTOM_QUESTIONS = 3;
export const MAX_OPTIONS = 8;
export const MAX_LABEL_LENGTH = 60;

export interface ParticipationQuestion {
	/** The built-in kind's name, or `c1`…`c3` for the museum's own questions. */
	id: string;
	kind: QuestionKind;
	/** The museum's own question's text (custom only). */
	label?: string;
	/** Answer ids; for custom questions the labels, by position (`o1`…). */
	options: { id: string; label?: string }[];
}

export interface ParticipationPlan {
	questions: ParticipationQuestion[];
	/** The question whose answer each note and vote carries ("count activity by group"), or null. */
	countBy: string | null;
}

/** One participant's answers: question id → answer id. Unanswered questions are absent. */
export type Answers = Record<string, string>;

export function builtinQuestion(kind: BuiltinQuestion): ParticipationQuestion {
	return { id: kind, kind, options: BUILTIN_OPTIONS[kind].map((id) => ({ id })) };
}

/** A museum's own question from its text and answer texts (blank answers dropped). */
export function customQuestion(index: number, label: string, options: string[]): ParticipationQuestion {
	return {
		id: `c${index + 1}`,
		kind: 'custom',
		label: label.trim().slice(0, MAX_LABEL_LENGTH),
		options: options
			.map((o) => o.trim().slice(0, MAX_LABEL_LENGTH))
			.filter(Boolean)
			.slice(0, MAX_OPTIONS)
			.map((text, i) => ({ id: `o${i + 1}`, label: text }))
	};
}

/** What the plan can be saved as: the questions that can be asked. `null` when there is a
 * problem the editor shows (a museum question without text or with fewer than two answers). */
export type PlanProblem = 'customWithoutText' | 'customTooFewOptions';

export function planProblem(plan: ParticipationPlan): PlanProblem | null {
	for (const q of plan.questions) {
		if (q.kind !== 'custom') continue;
		if (!q.label) return 'customWithoutText';
		if (q.options.length < 2) return 'customTooFewOptions';
	}
	return null;
}

/** Keeps only answers to questions the plan asks, with answers it offers. */
export function cleanAnswers(plan: ParticipationPlan | undefined, answers: Answers): Answers {
	const out: Answers = {};
	for (const q of plan?.questions ?? []) {
		const answer = answers[q.id];
		if (answer && q.options.some((o) => o.id === answer)) out[q.id] = answer;
	}
	return out;
}

// --- in the join link -----------------------------------------------------------------------

/** Link parameters: `q` lists the built-in questions (`age.firstVisit`), each `qc` one of the
 * museum's own (`text|answer|answer`), `qb` the question activity is counted by. */
export function writeParticipation(params: URLSearchParams, plan: ParticipationPlan | undefined): void {
	if (!plan || plan.questions.length === 0) return;
	const builtins = plan.questions.filter((q) => q.kind !== 'custom').map((q) => q.id);
	if (builtins.length > 0) params.set('q', builtins.join('.'));
	for (const q of plan.questions.filter((q) => q.kind === 'custom'))
		params.append('qc', [q.label ?? '', ...q.options.map((o) => o.label ?? '')].map(noBars).join('|'));
	if (plan.countBy) params.set('qb', plan.countBy);
}

const noBars = (text: string) => text.replace(/\|/g, '/');

/** The plan from a join link's parameters: undefined without questions, null when malformed. */
export function readParticipation(params: URLSearchParams): ParticipationPlan | undefined | null {
	const builtinList = (params.get('q') ?? '').split('.').filter(Boolean);
	const customs = params.getAll('qc');
	if (builtinList.length === 0 && customs.length === 0) return params.has('qb') ? null : undefined;
	const questions: ParticipationQuestion[] = [];
	for (const id of builtinList) {
		if (!(BUILTIN_QUESTIONS as readonly string[]).includes(id)) return null;
		if (questions.some((q) => q.id === id)) return null;
		questions.push(builtinQuestion(id as BuiltinQuestion));
	}
	if (customs.length > MAX_CUSTOM_QUESTIONS) return null;
	for (const [i, raw] of customs.entries()) {
		const [label, ...options] = raw.split('|');
		if (raw.length > MAX_LABEL_LENGTH * (MAX_OPTIONS + 1) + MAX_OPTIONS) return null;
		const question = customQuestion(i, label ?? '', options);
		if (!question.label || question.options.length < 2) return null;
		questions.push(question);
	}
	const countBy = params.get('qb');
	if (countBy !== null && !questions.some((q) => q.id === countBy)) return null;
	return { questions, countBy };
}
