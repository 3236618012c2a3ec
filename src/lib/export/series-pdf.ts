/**
 * A workshop series as one PDF report: the sessions with their counts and the totals, a chart of
 * participants per session, and each participation question as a table of answers by session
 * (with the series' total), so that a funder sees whether participation grew and how its groups
 * changed. Same fonts, page furniture and rules as the single summary.
 */
import { translator, type Translate } from '../i18n/translate';
import type { Locale } from '../i18n/locales';
import { barChart } from './pdf-chart';
import { extraFontsFor, registerFonts, withExtraFonts, type FontBytes, type FontLoader } from './pdf-fonts';
import { Formats } from './pdf-formats';
import { COLORS, MARGIN, PAGE, PdfWriter } from './pdf-layout';
import { table } from './pdf-table';
import { PdfText } from './pdf-text';
import { optionLabel, questionLabel } from './report-model';
import { buildSeries, type SeriesModel } from './series-model';
import type { SummaryInput } from './summary-model';

export interface SeriesPdfInput {
	sessions: SummaryInput[];
	/** The report's language (the first session's by default). */
	locale?: Locale;
	fonts: FontBytes;
	loadFont?: FontLoader;
	appVersion: string;
	exportedAt: number;
	timeZone?: string;
}

export async function makeSeriesPdf(input: SeriesPdfInput): Promise<ArrayBuffer> {
	const model = buildSeries(input.sessions);
	const locale = input.locale ?? input.sessions[0]?.session.language ?? 'fi';
	const t = translator(locale);
	const fmt = new Formats(locale, input.timeZone);
	const texts = [
		...model.sessions.map((s) => s.title),
		...model.categories.flatMap((c) => [c.question.label ?? '', ...c.question.options.map((o) => o.label ?? '')])
	];
	const needed = extraFontsFor(texts);
	const fonts =
		needed.length > 0 && input.loadFont ? await withExtraFonts(input.fonts, needed, input.loadFont) : input.fonts;
	const { jsPDF } = await import('jspdf');
	const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true });
	registerFonts(doc, fonts, ['regular', 'bold']);
	doc.setProperties({ title: t('series.title'), creator: `${t('app.name')} ${input.appVersion}` });
	doc.setLanguage(locale);
	doc.setCreationDate(new Date(input.exportedAt));
	const w = new PdfWriter(doc, new PdfText(doc, fonts, ['regular', 'bold']));
	write(w, model, t, fmt);
	furniture(w, t, fmt, input);
	return doc.output('arraybuffer');
}

function write(w: PdfWriter, model: SeriesModel, t: Translate, fmt: Formats): void {
	w.y = MARGIN.top + 4;
	w.paragraph(t('series.title'), { size: 22, bold: true }, { color: COLORS.accent, after: 2 });
	w.paragraph(t('series.count', { count: model.sessions.length }), { size: 12 }, { color: COLORS.muted, after: 6 });

	w.heading(t('series.sessions'), { size: 12.5, bold: true }, { keepWith: 30 });
	const rows = model.sessions.map((s) => [
		s.date ? fmt.day(s.date) : '',
		s.title || t('plan.untitled'),
		String(s.participants),
		String(s.notes),
		String(s.votes)
	]);
	rows.push([
		'',
		t('series.totals'),
		String(model.totals.participants),
		String(model.totals.notes),
		String(model.totals.votes)
	]);
	table(
		w,
		[
			{ header: t('series.table.date'), nowrap: true },
			{ header: t('series.table.session'), flex: true },
			{ header: t('series.table.participants'), align: 'right', nowrap: true },
			{ header: t('series.table.notes'), align: 'right', nowrap: true },
			{ header: t('series.table.votes'), align: 'right', nowrap: true }
		],
		rows
	);
	barChart(
		w,
		t('series.table.participants'),
		model.sessions.map((s) => ({
			label: [s.date ? fmt.day(s.date) : '', s.title].filter(Boolean).join(' · '),
			value: s.participants,
			text: t('summary.participants', { count: s.participants })
		}))
	);

	if (model.categories.length > 0)
		w.heading(t('series.overTime'), { size: 12.5, bold: true }, { before: 4, keepWith: 30 });
	for (const category of model.categories) {
		w.heading(questionLabel(t, category.question), { size: 10.5, bold: true }, { before: 2, keepWith: 25, after: 1 });
		// Sessions as columns (numbered as in the table above), the series' total last.
		const columns = [
			{ header: t('report.table.category'), flex: true },
			...model.sessions.map((_, i) => ({ header: `${i + 1}.`, align: 'right' as const, nowrap: true })),
			{ header: t('series.totals'), align: 'right' as const, nowrap: true }
		];
		table(
			w,
			columns,
			category.keys.map((key) => [
				optionLabel(t, category.question, key),
				...category.perSession.map((counts, i) => (category.asked[i] ? String(counts[key] ?? 0) : '–')),
				String(category.total[key] ?? 0)
			])
		);
	}
	if (model.categories.some((c) => c.keys.includes('other')))
		w.paragraph(t('report.participation.merged'), { size: 8.5 }, { color: COLORS.muted });
}

function furniture(w: PdfWriter, t: Translate, fmt: Formats, input: SeriesPdfInput): void {
	const pages = w.doc.getNumberOfPages();
	const footer = t('summary.footer', {
		app: t('app.name'),
		version: input.appVersion,
		date: fmt.stamp(input.exportedAt)
	});
	for (let page = 1; page <= pages; page++) {
		w.doc.setPage(page);
		const footY = PAGE.height - 13;
		w.drawColor(COLORS.rule);
		w.doc.setLineWidth(0.2);
		w.doc.line(MARGIN.left, footY - 3.5, PAGE.width - MARGIN.right, footY - 3.5);
		w.textColor(COLORS.muted);
		w.drawLines(w.measure(footer, w.width - 30, { size: 8.5 }), MARGIN.left, footY - 2.4, w.width - 30);
		w.drawLines(
			w.measure(t('summary.page', { page, pages }), 30, { size: 8.5 }),
			MARGIN.left + w.width - 30,
			footY - 2.4,
			30,
			{
				align: 'right'
			}
		);
	}
}
