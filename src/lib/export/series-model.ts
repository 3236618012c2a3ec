/**
 * A series of workshops (a regional series, a seniors' panel that meets monthly) as one report:
 * each session's facts in a row, the totals, and participation per category session by session.
 * Built from each session's own summary and report models, so a series adds up exactly what the
 * single reports say. Categories are combined by question and answer id; the museum's own
 * questions are the same question when their text is the same.
 *
 * Groups under 3 people stay merged into "other" in every session's column; the totals are
 * counted from the raw answers and merged by the same rule.
 */
import { readAnswers } from '../board/participation';
import type { ParticipationQuestion } from '../session/participation';
import { buildReport, categoryRows, type CategoryRow } from './report-model';
import { buildSummary, type SummaryInput } from './summary-model';

export interface SeriesSession {
	title: string;
	date: string;
	participants: number;
	notes: number;
	votes: number;
	plannedMinutes: number;
	realMinutes: number | null;
}

export interface SeriesCategory {
	question: ParticipationQuestion;
	/** Answer keys in table order (answers, then `other`, then `none`). */
	keys: string[];
	/** Per session (in session order), the count per key (0 when absent). */
	perSession: Record<string, number>[];
	total: Record<string, number>;
	/** Sessions that asked this question. */
	asked: boolean[];
}

export interface SeriesModel {
	sessions: SeriesSession[];
	totals: { participants: number; notes: number; votes: number; plannedMinutes: number; realMinutes: number };
	categories: SeriesCategory[];
}

const questionKey = (q: ParticipationQuestion) => (q.kind === 'custom' ? `custom:${q.label ?? ''}` : q.kind);

/** Sessions in date order (undated last, as given). */
export function buildSeries(inputs: SummaryInput[]): SeriesModel {
	const ordered = [...inputs].sort((a, b) => (a.session.date || '9999').localeCompare(b.session.date || '9999'));
	const models = ordered.map((input) => {
		const summary = buildSummary(input);
		const report = buildReport(
			{ doc: input.doc, participation: input.session.participation, anonymous: input.session.anonymous },
			summary
		);
		return { input, summary, report };
	});
	const sessions: SeriesSession[] = models.map(({ summary, report }) => ({
		title: summary.title,
		date: summary.date,
		participants: summary.participants.total,
		notes: summary.noteCount,
		votes: summary.voteCount,
		plannedMinutes: report.plannedMinutes,
		realMinutes: report.realMinutes
	}));

	// Questions in first-seen order, answers merged across sessions.
	const questions = new Map<string, ParticipationQuestion>();
	for (const { input } of models)
		for (const q of input.session.participation?.questions ?? [])
			if (!questions.has(questionKey(q))) questions.set(questionKey(q), q);

	const categories: SeriesCategory[] = [...questions.entries()].map(([key, question]) => {
		const perSession: Record<string, number>[] = [];
		const asked: boolean[] = [];
		const rawAnswers: Record<string, string>[] = [];
		let totalPeople = 0;
		for (const { input, report } of models) {
			const own = input.session.participation?.questions.find((q) => questionKey(q) === key);
			asked.push(!!own);
			if (!own) {
				perSession.push({});
				continue;
			}
			const table = report.tables.find((t) => questionKey(t.question) === key);
			perSession.push(Object.fromEntries((table?.rows ?? []).map((r: CategoryRow) => [r.key, r.count])));
			// The museum's own answers are matched by their text across sessions.
			const idOf = (answer: string) =>
				own.kind === 'custom'
					? (question.options.find((o) => o.label === own.options.find((x) => x.id === answer)?.label)?.id ?? answer)
					: answer;
			for (const answers of readAnswers(input.doc)) {
				const answer = answers[own.id];
				rawAnswers.push(answer ? { [question.id]: idOf(answer) } : {});
			}
			totalPeople += Math.max(report.participants, readAnswers(input.doc).length);
		}
		const totalRows = categoryRows(question, rawAnswers, totalPeople);
		const total = Object.fromEntries(totalRows.map((r) => [r.key, r.count]));
		const keys = [
			...question.options.map((o) => o.id).filter((id) => id in total || perSession.some((s) => id in s)),
			...(['other', 'none'] as const).filter((k) => k in total || perSession.some((s) => k in s))
		];
		return { question, keys, perSession, total, asked };
	});

	const sum = (f: (s: SeriesSession) => number) => sessions.reduce((a, s) => a + f(s), 0);
	return {
		sessions,
		totals: {
			participants: sum((s) => s.participants),
			notes: sum((s) => s.notes),
			votes: sum((s) => s.votes),
			plannedMinutes: sum((s) => s.plannedMinutes),
			realMinutes: sum((s) => s.realMinutes ?? 0)
		},
		categories
	};
}
