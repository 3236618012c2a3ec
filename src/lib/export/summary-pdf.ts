/**
 * The session summary as an A4 PDF, in the session's language: what a museum team sends to its
 * partners, a municipality or a funder after a workshop.
 *
 * Order: a cover with the facts (title, organisation, date, place, goal, participants by group,
 * methods), the report section (see pdf-report.ts: participation, outcomes, decisions and next
 * steps, accessibility, public summary), then the detail: the agenda as planned and as run and
 * one section per activity (its prompt, a drawing of the board where its layout carries
 * meaning, the most voted notes, and every note grouped by zone and cluster, ranked by votes). Every page carries the
 * session's title, the export date, the app's name and version, and its page number.
 *
 * A pure function of its inputs, so that it runs in Node for tests and the benchmark: jsPDF is
 * imported only when a summary is made, and the fonts are passed in.
 */
import type { MessageKey } from '../i18n/catalog';
import type { Locale } from '../i18n/locales';
import { translator, type Translate } from '../i18n/translate';
import { NOTE_BACKGROUNDS, NOTE_BORDERS } from '../board/palette';
import { boardHeight, drawBoard } from './pdf-board';
import { extraFontsFor, registerFonts, withExtraFonts, type FontBytes, type FontLoader } from './pdf-fonts';
import { Formats } from './pdf-formats';
import { COLORS, MARGIN, PAGE, PdfWriter, type Paragraph } from './pdf-layout';
import { reportSection } from './pdf-report';
import { table } from './pdf-table';
import { buildReport } from './report-model';
import { PdfText, PT, type TextStyle } from './pdf-text';
import {
	buildSummary,
	type ActivitySummary,
	type SummaryInput,
	type SummaryModel,
	type SummaryNote,
	type ZoneGroup
} from './summary-model';

export interface SummaryPdfInput extends SummaryInput {
	fonts: FontBytes;
	/** Loads the extra faces (CJK, emoji) when the text needs them; without it, such characters
	 * print as placeholders. */
	loadFont?: FontLoader;
	/** The app's version, printed on every page. */
	appVersion: string;
	/** When the summary is made (printed, and used for the file name). */
	exportedAt: number;
	/** Time zone for the real times of the activities; the device's by default. */
	timeZone?: string;
	/** Called with the share done, 0…1, as the summary is made. */
	onProgress?: (done: number) => void;
}

const S = {
	eyebrow: { size: 10, bold: true },
	title: { size: 24, bold: true },
	subtitle: { size: 13 },
	label: { size: 9, bold: true },
	value: { size: 10.5 },
	h1: { size: 17, bold: true },
	h2: { size: 12.5, bold: true },
	h3: { size: 11, bold: true },
	body: { size: 10 },
	small: { size: 8.5 },
	tableHead: { size: 8.5, bold: true },
	table: { size: 9.5 }
} satisfies Record<string, TextStyle>;

const nextTick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function makeSummaryPdf(input: SummaryPdfInput): Promise<ArrayBuffer> {
	const progress = input.onProgress ?? (() => {});
	progress(0);
	const model = buildSummary(input);
	const report = buildReport(
		{
			doc: input.doc,
			participation: input.session.participation,
			anonymous: input.session.anonymous,
			report: input.session.report
		},
		model
	);
	const fonts = await fontsFor(input, model, report);
	const { jsPDF } = await import('jspdf');
	const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true });
	// Hebrew and Arabic are registered when a note needs them (see PdfText).
	registerFonts(doc, fonts, ['regular', 'bold']);
	const t = translator(model.locale);
	const appName = t('app.name');
	doc.setProperties({
		title: model.title || t('plan.untitled'),
		subject: t('summary.eyebrow'),
		author: model.organisation,
		creator: `${appName} ${input.appVersion}`
	});
	doc.setLanguage(LANGUAGE_TAGS[model.locale]);
	// The same inputs make the same file: the PDF's own date is the export's, not the clock's.
	doc.setCreationDate(new Date(input.exportedAt));
	const w = new PdfWriter(doc, new PdfText(doc, fonts, ['regular', 'bold']));
	const fmt = new Formats(model.locale, input.timeZone);
	progress(0.05);

	cover(w, model, t, fmt, input);
	reportSection(w, model, report, t, fmt);
	agenda(w, model, t, fmt);
	progress(0.1);
	await nextTick();

	for (const [i, activity] of model.activities.entries()) {
		activitySection(w, activity, model, t, fmt);
		progress(0.1 + (0.8 * (i + 1)) / model.activities.length);
		await nextTick();
	}
	pageFurniture(w, model, t, fmt, appName, input);
	progress(0.95);
	const bytes = doc.output('arraybuffer');
	progress(1);
	return bytes;
}

/** The base fonts, with the CJK and emoji faces added when some text in the summary needs them. */
async function fontsFor(
	input: SummaryPdfInput,
	model: ReturnType<typeof buildSummary>,
	report: ReturnType<typeof buildReport>
): Promise<FontBytes> {
	if (!input.loadFont) return input.fonts;
	const texts = [
		model.title,
		model.organisation,
		model.place,
		model.goal,
		model.closingNotes,
		...model.methods,
		...model.agenda.map((a) => a.title),
		...model.activities.flatMap((a) => [
			a.title,
			a.prompt,
			...a.notes.map((n) => n.note.text),
			...a.zones.flatMap((z) => z.clusters.map((c) => c.name))
		]),
		...Object.values(report.notes),
		...report.tables.flatMap((c) => [c.question.label ?? '', ...c.question.options.map((o) => o.label ?? '')])
	];
	const needed = extraFontsFor(texts);
	return needed.length > 0 ? withExtraFonts(input.fonts, needed, input.loadFont) : input.fonts;
}

const LANGUAGE_TAGS: Record<Locale, 'fi' | 'sv' | 'en'> = { fi: 'fi', sv: 'sv', en: 'en' };

function heldText(t: Translate, fmt: Formats, startedAt?: number, endedAt?: number): string | null {
	if (startedAt === undefined) return null;
	if (endedAt === undefined || endedAt < startedAt) return t('summary.agenda.from', { start: fmt.time(startedAt) });
	return t('summary.time.rangeMinutes', {
		start: fmt.time(startedAt),
		end: fmt.time(endedAt),
		count: Math.round((endedAt - startedAt) / 60_000)
	});
}

// --- cover ----------------------------------------------------------------------------------

function cover(w: PdfWriter, model: SummaryModel, t: Translate, fmt: Formats, input: SummaryPdfInput): void {
	w.y = MARGIN.top + 6;
	w.paragraph(t('summary.eyebrow').toLocaleUpperCase(model.locale), S.eyebrow, { color: COLORS.accent, after: 3 });
	w.paragraph(model.title || t('plan.untitled'), S.title, { after: 2 });
	if (model.organisation) w.paragraph(model.organisation, S.subtitle, { color: COLORS.muted, after: 2 });
	w.space(4);
	w.rule(COLORS.accent, 0.6);
	w.space(7);

	const facts: [MessageKey, string][] = [];
	if (model.date) facts.push(['summary.fact.date', fmt.day(model.date)]);
	if (model.startTime)
		facts.push([
			'summary.fact.time',
			model.plannedEnd
				? t('summary.time.range', { start: fmt.clock(model.startTime), end: fmt.clock(model.plannedEnd) })
				: fmt.clock(model.startTime)
		]);
	if (model.place) facts.push(['summary.fact.place', model.place]);
	if (model.goal) facts.push(['summary.fact.goal', model.goal]);
	facts.push(['summary.fact.participants', participantsText(model, t)]);
	if (model.namesIncluded && model.participants.names.length > 0)
		facts.push(['summary.fact.names', model.participants.names.join(', ')]);
	facts.push(['summary.fact.methods', model.methods.length > 0 ? model.methods.join('\n') : t('summary.noMethods')]);
	facts.push([
		'summary.fact.content',
		[
			t('sessions.activities', { count: model.activities.length }),
			t('summary.count.notes', { count: model.noteCount }),
			t('summary.votes', { count: model.voteCount })
		].join(' · ')
	]);
	facts.push([
		'summary.fact.exported',
		t('summary.exportedWith', { date: fmt.stamp(input.exportedAt), app: t('app.name'), version: input.appVersion })
	]);

	const labelWidth = 38;
	const valueWidth = w.width - labelWidth;
	for (const [key, value] of facts) {
		const label = w.measure(t(key), labelWidth - 3, S.label);
		const text = w.measure(value, valueWidth, S.value);
		const height = Math.max(label.height, text.height);
		w.ensure(height);
		w.textColor(COLORS.muted);
		// Align the label's baseline with the value's first line.
		w.drawLines(label, w.left, w.y + (S.value.size - S.label.size) * PT * 0.9, labelWidth - 3);
		w.textColor(COLORS.text);
		w.drawLines(text, w.left + labelWidth, w.y, valueWidth);
		w.y += height + 3;
	}
}

function participantsText(model: SummaryModel, t: Translate): string {
	const { total, groups } = model.participants;
	if (total === 0) return t('summary.noParticipants');
	// Only "not given": the count alone says it all ("4 participants", not "…: group not given 4").
	if (groups.every((g) => g.group === null)) return t('summary.participants', { count: total });
	const parts = groups.map(
		({ group, count }) => `${group ? t(`methods.audience.${group}` as MessageKey) : t('summary.group.none')} ${count}`
	);
	return `${t('summary.participants', { count: total })}: ${parts.join(', ')}`;
}

// --- agenda ---------------------------------------------------------------------------------

function agenda(w: PdfWriter, model: SummaryModel, t: Translate, fmt: Formats): void {
	if (model.agenda.length === 0) return;
	w.newPage();
	w.heading(t('summary.agenda'), S.h1, { color: COLORS.accent, keepWith: 30, after: 4 });
	const rows = model.agenda.map((row) => {
		const planned =
			row.plannedStart && row.plannedEnd
				? t('summary.time.range', { start: fmt.clock(row.plannedStart), end: fmt.clock(row.plannedEnd) })
				: t('summary.agenda.offset', { count: row.offset });
		const held =
			heldText(t, fmt, row.startedAt, row.endedAt) ?? (row.kind === 'break' ? '' : t('summary.agenda.notHeld'));
		return [`${row.number}.`, row.title, t('common.minutes', { count: row.minutes }), planned, held];
	});
	table(
		w,
		[
			{ header: t('summary.agenda.number'), nowrap: true },
			{ header: t('summary.agenda.activity'), flex: true },
			{ header: t('summary.agenda.duration'), nowrap: true },
			{ header: t('summary.agenda.planned'), nowrap: true },
			{ header: t('summary.agenda.held'), nowrap: true }
		],
		rows,
		{ style: S.table, headStyle: S.tableHead, muted: (r) => model.agenda[r].kind === 'break' }
	);
	w.paragraph(t('summary.agenda.total', { total: model.totalMinutes, available: model.availableMinutes }), S.small, {
		color: COLORS.muted
	});
}

// --- activities -----------------------------------------------------------------------------

function activitySection(
	w: PdfWriter,
	activity: ActivitySummary,
	model: SummaryModel,
	t: Translate,
	fmt: Formats
): void {
	w.newPage();
	// One text item "3. Title": the heading a reader (and the tests) find the section by.
	w.heading(`${activity.number}. ${activity.title}`, S.h1, { color: COLORS.accent, keepWith: 40, after: 1.5 });
	const meta = [
		activity.methodName ? t('summary.activity.method', { name: activity.methodName }) : null,
		activity.sourceTitle ? t('summary.activity.source', { title: activity.sourceTitle }) : null,
		t('summary.activity.planned', { count: activity.plannedMinutes }),
		heldText(t, fmt, activity.startedAt, activity.endedAt),
		t('summary.count.notes', { count: activity.notes.length }),
		activity.totalVotes > 0 ? t('summary.votes', { count: activity.totalVotes }) : null
	].filter((part): part is string => !!part);
	w.paragraph(meta.join(' · '), S.small, { color: COLORS.muted, after: 4 });

	if (activity.prompt.trim()) prompt(w, activity.prompt.trim(), t);

	if (activity.drawn) {
		const height = boardHeight(activity.geometry, w.width);
		const caption = w.measure(t('summary.activity.drawing'), w.width, S.small);
		w.ensure(caption.height + height + 6);
		w.textColor(COLORS.muted);
		w.drawLines(caption, w.left, w.y, w.width);
		w.y += caption.height + 1.5;
		drawBoard(w, activity.geometry, activity.notes, model.locale, w.left, w.y, w.width);
		w.y += height + 6;
	}

	if (activity.notes.length === 0) {
		w.paragraph(t('summary.activity.noNotes'), S.body, { color: COLORS.muted });
		return;
	}
	const showVotes = activity.totalVotes > 0;
	const listing: Listing = { w, showVotes, t, locale: model.locale };
	if (activity.top.length > 0) {
		w.heading(t('summary.activity.top'), S.h2, { before: 2, keepWith: 14 });
		for (const entry of activity.top) noteEntry(listing, entry, 0);
		w.space(3);
	}

	const zoned = activity.geometry.zones.length > 0;
	const quadrants = activity.board.layout.template === 'matrix';
	w.heading(
		t(
			quadrants
				? 'summary.activity.byQuadrant'
				: zoned
					? 'summary.activity.byZone'
					: showVotes
						? 'summary.activity.notes'
						: 'report.allNotes'
		),
		S.h2,
		{
			before: 2,
			keepWith: 14
		}
	);
	for (const zone of activity.zones) zoneGroup(listing, zone, zoned);
}

function prompt(w: PdfWriter, text: string, t: Translate): void {
	const pad = 3;
	const label = w.measure(t('summary.activity.prompt'), w.width - 2 * pad, S.label);
	const body = w.measure(text, w.width - 2 * pad, { size: 11 });
	const height = label.height + body.height + 2 * pad + 1;
	w.ensure(height);
	w.fillColor(COLORS.shade);
	w.doc.rect(w.left, w.y, w.width, height, 'F');
	w.fillColor(COLORS.accent);
	w.doc.rect(w.left, w.y, 1, height, 'F');
	w.textColor(COLORS.muted);
	w.drawLines(label, w.left + pad, w.y + pad, w.width - 2 * pad);
	w.textColor(COLORS.text);
	w.drawLines(body, w.left + pad, w.y + pad + label.height + 1, w.width - 2 * pad);
	w.y += height + 5;
}

/** What every note of one activity's listing is laid out with: the page, whether votes show, the
 * language. */
interface Listing {
	w: PdfWriter;
	showVotes: boolean;
	t: Translate;
	locale: string;
}

function zoneGroup(listing: Listing, zone: ZoneGroup, zoned: boolean): void {
	const { w, showVotes, t } = listing;
	// A zone's heading stays with its first note (and that note's group heading).
	const first = zone.clusters[0]?.notes[0] ?? zone.loose[0];
	const firstHeight = first ? noteEntryHeight(listing, first, zone.clusters.length > 0 ? 4 : 0) : 6;
	const clusterHeading = zone.clusters.length > 0 ? 7 : 0;
	if (zoned) {
		const name =
			zone.id === null
				? t('summary.zone.outside')
				: zone.quadrant
					? `${t(`summary.quadrant.${zone.quadrant}` as MessageKey)}: ${zone.parts.join(' · ')}`
					: zone.parts.join(' · ');
		w.heading(name, S.h3, { before: 3, keepWith: 6 + clusterHeading + firstHeight, after: 0.5 });
		const counts = [t('summary.count.notes', { count: zone.count })];
		if (showVotes) counts.push(t('summary.votes', { count: zone.votes }));
		w.paragraph(counts.join(' · '), S.small, { color: COLORS.muted, after: 1.5 });
		if (zone.count === 0) {
			w.paragraph(t('summary.zone.empty'), S.body, { color: COLORS.muted, after: 1 });
			return;
		}
	}
	for (const cluster of zone.clusters) {
		const name = cluster.name.trim() || t('board.unnamedGroup');
		const votes = showVotes ? ` · ${t('summary.votes', { count: cluster.votes })}` : '';
		w.heading(
			`${t('summary.cluster', { name })}${votes}`,
			{ size: 10, bold: true },
			{
				before: 1.5,
				keepWith: noteEntryHeight(listing, cluster.notes[0], 4),
				after: 1,
				color: COLORS.muted
			}
		);
		for (const entry of cluster.notes) noteEntry(listing, entry, 4);
	}
	for (const entry of zone.loose) noteEntry(listing, entry, 0);
}

const ENTRY_GAP = 1.8;
const NUMBER_WIDTH = 11;

/** A paper note's picture in the listing: wide enough to read handwriting, narrow beside its text. */
const IMAGE_WIDTH = 32;
const IMAGE_GAP = 3;

interface EntryLayout {
	x: number;
	/** Where the text starts, right of the number (and of the picture of a paper note). */
	textX: number;
	textWidth: number;
	/** The paper note's picture, in mm. */
	image: { bytes: Uint8Array; width: number; height: number } | null;
	votesWidth: number;
	text: Paragraph;
	author: Paragraph | null;
	height: number;
}

/**
 * A note written in another language than the summary's, named in words ("Kieli: ruotsi").
 * jsPDF writes untagged PDF: the document has one language (`setLanguage`) and a run of text
 * cannot carry its own, so a reader and a screen reader learn it from the text instead.
 */
function noteLanguageName(entry: SummaryNote, locale: string, t: Translate): string {
	const tag = entry.note.language;
	if (!tag || tag.split('-')[0] === locale) return '';
	let name = tag;
	try {
		name = new Intl.DisplayNames([locale], { type: 'language' }).of(tag) ?? tag;
	} catch {
		// A tag the platform cannot name is shown as written.
	}
	return t('summary.noteLanguage', { language: name });
}

function layoutEntry({ w, showVotes, t, locale }: Listing, entry: SummaryNote, indent: number): EntryLayout {
	const votesWidth = showVotes ? 22 : 0;
	const image = entry.note.image ? pictureSize(w, entry.note.image) : null;
	const imageWidth = image ? IMAGE_WIDTH + IMAGE_GAP : 0;
	const textWidth = w.width - indent - NUMBER_WIDTH - votesWidth - imageWidth;
	const text = w.measure(entry.note.text, textWidth, S.body);
	const about = [
		entry.author ? t('summary.author', { name: entry.author }) : '',
		noteLanguageName(entry, locale, t)
	].filter(Boolean);
	const author = about.length > 0 ? w.measure(about.join(' · '), textWidth, S.small) : null;
	const height = Math.max(text.height + (author?.height ?? 0), 5, image?.height ?? 0) + ENTRY_GAP;
	const x = w.left + indent;
	return { x, textX: x + NUMBER_WIDTH + imageWidth, textWidth, image, votesWidth, text, author, height };
}

/** A picture's size at the listing's width, from the JPEG's own dimensions; null if it is unreadable
 * (the note is then listed by its text alone rather than failing the whole summary). */
function pictureSize(w: PdfWriter, bytes: Uint8Array): EntryLayout['image'] {
	try {
		const { width, height } = w.doc.getImageProperties(bytes);
		if (!(width > 0 && height > 0)) return null;
		return { bytes, width: IMAGE_WIDTH, height: Math.min(IMAGE_WIDTH * 1.5, (IMAGE_WIDTH * height) / width) };
	} catch {
		return null;
	}
}

function noteEntryHeight(listing: Listing, entry: SummaryNote, indent: number): number {
	return layoutEntry(listing, entry, indent).height;
}

/** One note: colour swatch and number, the text wrapped, votes at the right, the author below. */
function noteEntry(listing: Listing, entry: SummaryNote, indent: number): void {
	const { w, showVotes, t } = listing;
	const { x, textX, textWidth, image, votesWidth, text, author, height } = layoutEntry(listing, entry, indent);
	w.ensure(height);

	w.fillColor(NOTE_BACKGROUNDS[entry.note.color]);
	w.drawColor(NOTE_BORDERS[entry.note.color]);
	w.doc.setLineWidth(0.2);
	w.doc.rect(x, w.y + 1, 3, 3, 'FD');
	const number = w.measure(String(entry.number), NUMBER_WIDTH - 4, { size: 8.5, bold: true });
	w.textColor(COLORS.muted);
	w.drawLines(number, x + 4, w.y + 0.3, NUMBER_WIDTH - 5);

	if (image) w.doc.addImage(image.bytes, 'JPEG', x + NUMBER_WIDTH, w.y + 0.5, image.width, image.height);
	w.textColor(COLORS.text);
	w.drawLines(text, textX, w.y, textWidth);
	if (author) {
		w.textColor(COLORS.muted);
		w.drawLines(author, textX, w.y + text.height, textWidth);
	}
	// A note without votes shows none: an empty column reads as zero, without a column of "0 votes".
	if (showVotes && entry.votes > 0) {
		const votes = w.measure(t('summary.votes', { count: entry.votes }), votesWidth, { size: 9, bold: true });
		w.textColor(COLORS.text);
		w.drawLines(votes, textX + textWidth, w.y + 0.2, votesWidth, { align: 'right' });
	}
	w.y += height;
}

// --- header and footer ----------------------------------------------------------------------

function pageFurniture(
	w: PdfWriter,
	model: SummaryModel,
	t: Translate,
	fmt: Formats,
	appName: string,
	input: SummaryPdfInput
): void {
	const { doc } = w;
	const pages = doc.getNumberOfPages();
	const footer = t('summary.footer', { app: appName, version: input.appVersion, date: fmt.stamp(input.exportedAt) });
	const title = fitOneLine(w, model.title || t('plan.untitled'), w.width, S.small);
	for (let page = 1; page <= pages; page++) {
		doc.setPage(page);
		const footY = PAGE.height - 13;
		w.drawColor(COLORS.rule);
		doc.setLineWidth(0.2);
		doc.line(MARGIN.left, footY - 3.5, PAGE.width - MARGIN.right, footY - 3.5);
		w.textColor(COLORS.muted);
		const half = w.width / 2;
		w.drawLines(w.measure(footer, half + 20, S.small), MARGIN.left, footY - 2.4, half + 20, { align: 'left' });
		w.drawLines(
			w.measure(t('summary.page', { page, pages }), half - 20, S.small),
			MARGIN.left + half + 20,
			footY - 2.4,
			half - 20,
			{
				align: 'right'
			}
		);
		if (page > 1) {
			w.drawLines(w.measure(title, w.width, S.small), MARGIN.left, 9, w.width, { align: 'left' });
			doc.line(MARGIN.left, 14.5, PAGE.width - MARGIN.right, 14.5);
		}
	}
}

/** The text, shortened with an ellipsis until it fits one line. */
function fitOneLine(w: PdfWriter, text: string, width: number, style: TextStyle): string {
	if (w.text.width(text, style) <= width) return text;
	const graphemes = [...new Intl.Segmenter().segment(text)].map((s) => s.segment);
	let low = 0;
	let high = graphemes.length;
	while (low < high) {
		const mid = Math.ceil((low + high) / 2);
		if (w.text.width(`${graphemes.slice(0, mid).join('').trimEnd()}…`, style) <= width) low = mid;
		else high = mid - 1;
	}
	return `${graphemes.slice(0, low).join('').trimEnd()}…`;
}
