/**
 * The report section of the PDF summary: what a funder or a municipality reads first. Facts,
 * participation per category (table and chart), activity per category where it was counted,
 * notes and votes per activity, outcomes, decisions and next steps, accessibility and inclusion,
 * and the public summary in the session's language and in English.
 */
import type { Translate } from '../i18n/translate';
import { barChart } from './pdf-chart';
import type { Formats } from './pdf-formats';
import { COLORS, type PdfWriter } from './pdf-layout';
import { PT } from './pdf-text';
import { table } from './pdf-table';
import { optionLabel, questionLabel, type CategoryTable, type ReportModel } from './report-model';
import type { SummaryModel } from './summary-model';

const H1 = { size: 17, bold: true };
const H2 = { size: 12.5, bold: true };
const BODY = { size: 10 };
const SMALL = { size: 8.5 };
const LABEL = { size: 9, bold: true };
const VALUE = { size: 10.5 };

export function reportSection(
	w: PdfWriter,
	summary: SummaryModel,
	report: ReportModel,
	t: Translate,
	fmt: Formats
): void {
	w.newPage();
	w.heading(t('report.title'), H1, { color: COLORS.accent, keepWith: 30, after: 4 });
	facts(w, summary, report, t, fmt);

	w.heading(t('report.participation'), H2, { before: 4, keepWith: 30 });
	if (report.tables.length === 0) {
		w.paragraph(t('report.participation.none'), BODY, { color: COLORS.muted, after: 2 });
	}
	for (const category of report.tables) participationTable(w, category, t, fmt);
	if (report.tables.some((c) => c.rows.some((r) => r.key === 'other')))
		w.paragraph(t('report.participation.merged'), SMALL, { color: COLORS.muted, after: 3 });
	if (report.tables.some((c) => c.activity))
		w.paragraph(t('report.activity.basis'), SMALL, { color: COLORS.muted, after: 3 });

	if (report.notesPerActivity.length > 0) {
		barChart(
			w,
			t('report.chart.notesPerActivity'),
			report.notesPerActivity.map((a) => ({
				label: a.title,
				value: a.notes,
				text: t('summary.count.notes', { count: a.notes }),
				...(a.votes > 0 ? { second: { value: a.votes, text: t('summary.votes', { count: a.votes }) } } : {})
			}))
		);
	}

	w.heading(t('report.outcomes'), H2, { before: 4, keepWith: 25 });
	if (report.topIdeas.length > 0) {
		barChart(
			w,
			t('report.outcomes.topIdeas'),
			report.topIdeas.map((idea) => ({
				label: idea.text,
				value: idea.votes,
				text: t('summary.votes', { count: idea.votes })
			}))
		);
	}
	if (report.topGroups.length > 0) {
		w.heading(t('report.outcomes.topGroups'), { size: 10, bold: true }, { before: 1, keepWith: 8, after: 1 });
		for (const group of report.topGroups)
			w.paragraph(
				`${group.text || t('board.unnamedGroup')} — ${t('report.outcomes.in', {
					votes: t('summary.votes', { count: group.votes }),
					activity: group.activity
				})}`,
				BODY,
				{ after: 1 }
			);
	}
	w.heading(t('run.closing'), { size: 11, bold: true }, { before: 3, keepWith: 10 });
	if (summary.closingNotes) lines(w, summary.closingNotes);
	else w.paragraph(t('summary.closing.none'), BODY, { color: COLORS.muted });

	w.heading(t('report.accessibility'), H2, { before: 4, keepWith: 10 });
	if (report.notes.accessibility.trim()) lines(w, report.notes.accessibility.trim());
	else w.paragraph(t('report.accessibility.none'), BODY, { color: COLORS.muted });

	if (report.notes.publicSummary.trim()) {
		w.heading(t('report.publicSummary'), H2, { before: 4, keepWith: 10 });
		w.paragraph(report.notes.publicSummary.trim(), BODY, { after: 2 });
	}
	if (report.notes.publicSummaryEn.trim()) {
		w.heading(t('report.publicSummary.en'), H2, { before: 4, keepWith: 10 });
		w.paragraph(report.notes.publicSummaryEn.trim(), BODY, { after: 2 });
	}
}

function facts(w: PdfWriter, summary: SummaryModel, report: ReportModel, t: Translate, fmt: Formats): void {
	const rows: [string, string][] = [];
	if (summary.date) rows.push([t('report.fact.date'), fmt.day(summary.date)]);
	if (summary.place) rows.push([t('report.fact.place'), summary.place]);
	if (report.notes.facilitators.trim()) rows.push([t('report.fact.facilitators'), report.notes.facilitators.trim()]);
	rows.push([
		t('report.fact.duration'),
		[
			t('report.duration.planned', { count: report.plannedMinutes }),
			report.realMinutes === null
				? t('report.duration.notRun')
				: t('report.duration.real', { count: report.realMinutes })
		].join(', ')
	]);
	rows.push([t('report.fact.participants'), t('summary.participants', { count: report.participants })]);
	const labelWidth = 38;
	for (const [label, value] of rows) {
		const l = w.measure(label, labelWidth - 3, LABEL);
		const v = w.measure(value, w.width - labelWidth, VALUE);
		const height = Math.max(l.height, v.height);
		w.ensure(height);
		w.textColor(COLORS.muted);
		w.drawLines(l, w.left, w.y + (VALUE.size - LABEL.size) * PT * 0.9, labelWidth - 3);
		w.textColor(COLORS.text);
		w.drawLines(v, w.left + labelWidth, w.y, w.width - labelWidth);
		w.y += height + 2.5;
	}
}

function participationTable(w: PdfWriter, category: CategoryTable, t: Translate, fmt: Formats): void {
	const { question, rows, activity } = category;
	const name = questionLabel(t, question);
	// The question's table and chart stay together on one page (a few rows each).
	w.space(2);
	w.ensure(12 + (rows.length + 1) * 6.5 + 8 + rows.length * 7);
	w.heading(name, { size: 10.5, bold: true }, { keepWith: 25, after: 1 });
	const columns = [
		{ header: t('report.table.category'), flex: true },
		{ header: t('report.table.people'), align: 'right' as const, nowrap: true },
		{ header: t('report.table.share'), align: 'right' as const, nowrap: true },
		...(activity
			? [
					{ header: t('report.table.notes'), align: 'right' as const, nowrap: true },
					{ header: t('report.table.votes'), align: 'right' as const, nowrap: true }
				]
			: [])
	];
	table(
		w,
		columns,
		rows.map((row) => [
			optionLabel(t, question, row.key),
			String(row.count),
			fmt.share(row.share),
			...(activity ? [String(row.notes ?? 0), String(row.votes ?? 0)] : [])
		])
	);
	barChart(
		w,
		t('report.chart.participation', { question: name }),
		rows.map((row) => ({
			label: optionLabel(t, question, row.key),
			value: row.count,
			text: t('report.chart.countShare', { count: row.count, share: fmt.share(row.share) })
		}))
	);
}

/** Multi-line text from the facilitator: bullets ("- ") kept as bullets. */
function lines(w: PdfWriter, text: string): void {
	for (const raw of text.split('\n')) {
		const line = raw.trim();
		if (!line) {
			w.space(2);
			continue;
		}
		const bullet = /^[-*•]\s+/.exec(line);
		if (bullet) w.paragraph(`• ${line.slice(bullet[0].length)}`, BODY, { indent: 2, after: 1 });
		else w.paragraph(line, BODY, { after: 1 });
	}
}
