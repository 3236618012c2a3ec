/**
 * The report section's content, before any layout: the facts a funder or a municipality asks for
 * (date, place, facilitators, duration planned and real), participation per category, activity
 * per category where it was counted, outcomes, and the facilitator's notes. Pure, like the
 * summary model it extends.
 *
 * No one is identifiable from a report: a category with fewer than `MIN_GROUP_SIZE` people is
 * merged into "other" (and its notes and votes with it).
 */
import type * as Y from 'yjs';
import { readAnswers } from '../board/participation';
import { sessionMaps } from '../board/doc';
import { readBallots, readNotes } from '../board/read';
import type { Answers, ParticipationPlan, ParticipationQuestion } from '../session/participation';
import type { ReportNotes } from '../session/types';
import type { SummaryModel } from './summary-model';
import type { MessageKey } from '../i18n/catalog';
import type { Translate } from '../i18n/translate';

export const MIN_GROUP_SIZE = 3;
export const TOP_IDEAS = 5;

/** A row of a category table: an answer, "other" (small answers merged) or "none" (no answer). */
export interface CategoryRow {
	/** The answer id, `other` or `none`. */
	key: string;
	count: number;
	/** Share of all participants, 0…1. */
	share: number;
	/** The answers merged into "other". */
	merged?: string[];
	/** Notes and votes, where activity was counted by this question. */
	notes?: number;
	votes?: number;
}

export interface CategoryTable {
	question: ParticipationQuestion;
	rows: CategoryRow[];
	/** Whether notes and votes were counted by this question. */
	activity: boolean;
}

export interface RankedIdea {
	text: string;
	votes: number;
	activity: string;
}

export interface ReportModel {
	participants: number;
	tables: CategoryTable[];
	plannedMinutes: number;
	/** From the first activity's start to the last one's end; null when none was run. */
	realMinutes: number | null;
	notesPerActivity: { title: string; notes: number; votes: number }[];
	topIdeas: RankedIdea[];
	topGroups: RankedIdea[];
	notes: ReportNotes;
}

export const EMPTY_REPORT_NOTES: ReportNotes = {
	accessibility: '',
	publicSummary: '',
	publicSummaryEn: '',
	facilitators: ''
};

/**
 * Counts per answer of one question. `total` is everyone who took part (those who did not
 * answer are the "none" row). Answers with fewer than MIN_GROUP_SIZE people go to "other".
 */
export function categoryRows(
	question: ParticipationQuestion,
	answers: readonly Answers[],
	total: number,
	activity?: { notes: readonly { category?: string }[]; ballots: readonly { category?: string; noteIds: string[] }[] }
): CategoryRow[] {
	const people = new Map<string, number>(question.options.map((o) => [o.id, 0]));
	let answered = 0;
	for (const entry of answers) {
		const answer = entry[question.id];
		if (answer === undefined || !people.has(answer)) continue;
		people.set(answer, people.get(answer)! + 1);
		answered++;
	}
	const everyone = Math.max(total, answered);
	const rowOf = new Map<string, CategoryRow>();
	const rows: CategoryRow[] = [];
	const other: CategoryRow = { key: 'other', count: 0, share: 0, merged: [] };
	for (const option of question.options) {
		const count = people.get(option.id)!;
		if (count === 0) continue;
		if (count < MIN_GROUP_SIZE) {
			other.count += count;
			other.merged!.push(option.id);
			rowOf.set(option.id, other);
		} else {
			const row: CategoryRow = { key: option.id, count, share: 0 };
			rows.push(row);
			rowOf.set(option.id, row);
		}
	}
	if (other.count > 0) rows.push(other);
	const none: CategoryRow = { key: 'none', count: everyone - answered, share: 0 };
	if (none.count > 0) rows.push(none);
	for (const row of rows) row.share = everyone > 0 ? row.count / everyone : 0;
	if (activity) {
		for (const row of [...rows, none]) {
			row.notes = 0;
			row.votes = 0;
		}
		const target = (category?: string) => (category && rowOf.get(category)) || none;
		for (const note of activity.notes) target(note.category).notes! += 1;
		for (const ballot of activity.ballots) target(ballot.category).votes! += ballot.noteIds.length;
		// Notes from a category no one answered (a stale link) still count, as "none".
		if (!rows.includes(none) && (none.notes! > 0 || none.votes! > 0)) rows.push(none);
	}
	return rows;
}

export interface ReportInput {
	doc: Y.Doc;
	participation?: ParticipationPlan;
	/** Whether the session is anonymous (activity is only ever counted then). */
	anonymous: boolean;
	report?: ReportNotes;
}

export function buildReport(input: ReportInput, summary: SummaryModel): ReportModel {
	const maps = sessionMaps(input.doc);
	const answers = readAnswers(input.doc);
	const plan = input.participation;
	const countBy = input.anonymous ? (plan?.countBy ?? null) : null;
	const notes = readNotes(maps);
	const ballots = readBallots(maps);
	const total = summary.participants.total;
	const tables: CategoryTable[] = (plan?.questions ?? []).map((question) => {
		const activity = question.id === countBy;
		return {
			question,
			activity,
			rows: categoryRows(question, answers, total, activity ? { notes, ballots } : undefined)
		};
	});

	const starts = summary.activities.map((a) => a.startedAt).filter((t): t is number => t !== undefined);
	const ends = summary.activities.map((a) => a.endedAt).filter((t): t is number => t !== undefined);
	const realMinutes =
		starts.length > 0 && ends.length > 0
			? Math.max(0, Math.round((Math.max(...ends) - Math.min(...starts)) / 60_000))
			: null;

	const topIdeas = summary.activities
		.flatMap((a) =>
			a.notes.filter((n) => n.votes > 0).map((n) => ({ text: n.note.text, votes: n.votes, activity: a.title }))
		)
		.sort((a, b) => b.votes - a.votes)
		.slice(0, TOP_IDEAS);
	const topGroups = summary.activities
		.flatMap((a) =>
			a.zones.flatMap((z) =>
				z.clusters.filter((c) => c.votes > 0).map((c) => ({ text: c.name, votes: c.votes, activity: a.title }))
			)
		)
		.sort((a, b) => b.votes - a.votes)
		.slice(0, TOP_IDEAS);

	return {
		participants: total,
		tables,
		plannedMinutes: summary.totalMinutes,
		realMinutes,
		notesPerActivity: summary.activities
			.filter((a) => a.kind !== 'break')
			.map((a) => ({ title: `${a.number}. ${a.title}`, notes: a.notes.length, votes: a.totalVotes })),
		topIdeas,
		topGroups,
		notes: { ...EMPTY_REPORT_NOTES, ...input.report }
	};
}

// --- labels, shared by the PDF and the app's charts --------------------------------------------

export function questionLabel(t: Translate, question: ParticipationQuestion): string {
	return question.kind === 'custom' ? (question.label ?? '') : t(`report.question.${question.kind}` as MessageKey);
}

export function optionLabel(t: Translate, question: ParticipationQuestion, key: string): string {
	if (key === 'other') return t('report.row.other');
	if (key === 'none') return t('report.row.none');
	if (question.kind === 'custom') return question.options.find((o) => o.id === key)?.label ?? key;
	return t(`report.option.${question.kind}.${key}` as MessageKey);
}
