/**
 * Every note of a session as CSV, one row per note, for spreadsheets and further analysis:
 * session, activity, zone, group, text, colour, votes, author, created time, the activity a note
 * was written in when it is listed under a later one that continued on it, and its language. Rows come in the same
 * order as in the PDF summary (activity, zone, group, votes), so the two can be read side by side.
 *
 * - UTF-8 with a byte-order mark: without it, Excel reads the file as the system's legacy code
 *   page and shows "Ã¤" for "ä".
 * - RFC 4180: fields in double quotes, quotes doubled, CRLF between records; a note's own line
 *   breaks stay inside its quoted field.
 * - Separator: a comma by default, or a semicolon. Excel opens a double-clicked CSV with the
 *   system's list separator, which is `;` wherever the decimal mark is a comma (Finland, Sweden):
 *   a comma file would land in one column there.
 * - Formula injection: a note is text written by anyone in the room, and a spreadsheet runs a
 *   cell that begins with `=`, `+`, `-` or `@` (or a tab or carriage return, which some programs
 *   strip before looking) as a formula — `=HYPERLINK(…)` can leak data or mislead. Such cells are
 *   prefixed with `'`, which spreadsheets show as text and hide.
 */
import type { MessageKey } from '../i18n/catalog';
import { translator } from '../i18n/translate';
import { buildSummary, type SummaryInput } from './summary-model';

export const BOM = '\ufeff';
export const CSV_SEPARATORS = [',', ';'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];
const FORMULA_START = /^[=+\-@\t\r]/;

/** What the CSV is made of: the summary's inputs, without method names (it has no column for them). */
export type NotesCsvInput = Omit<SummaryInput, 'methodNames'>;

/** The header and one row per note, unescaped (what the cells mean). */
export function noteRows(input: NotesCsvInput): string[][] {
	const model = buildSummary({ ...input, methodNames: {} });
	const t = translator(model.locale);
	const header = (
		[
			'csv.session',
			'csv.activity',
			'csv.zone',
			'csv.cluster',
			'csv.text',
			'csv.colour',
			'csv.votes',
			'csv.author',
			'csv.created',
			'csv.source',
			'csv.language'
		] as const
	).map((key) => t(key));
	const rows: string[][] = [header];
	const title = model.title || t('plan.untitled');
	// Where a note was written, when that is not the activity it is listed under (an activity
	// that continued on an earlier one's notes lists them too).
	const writtenIn = new Map(model.activities.map((a) => [a.id, `${a.number}. ${a.title}`]));
	for (const activity of model.activities) {
		const zoned = activity.geometry.zones.length > 0;
		for (const zone of activity.zones) {
			const zoneName = zone.id === null ? (zoned ? t('summary.zone.outside') : '') : zone.parts.join(' · ');
			const groups = [
				...zone.clusters.map((c) => ({ name: c.name.trim() || t('board.unnamedGroup'), notes: c.notes })),
				{ name: '', notes: zone.loose }
			];
			for (const group of groups) {
				for (const entry of group.notes) {
					rows.push([
						title,
						`${activity.number}. ${activity.title}`,
						zoneName,
						group.name,
						entry.note.text,
						t(`note.color.${entry.note.color}` as MessageKey),
						String(entry.votes),
						entry.author ?? t('csv.anonymous'),
						entry.note.createdAt > 0 ? new Date(entry.note.createdAt).toISOString() : '',
						entry.note.activityId === activity.id ? '' : (writtenIn.get(entry.note.activityId) ?? ''),
						// The note's language tag; notes from before #21 were written in the session's.
						entry.note.language ?? model.locale
					]);
				}
			}
		}
	}
	return rows;
}

/** A cell as written: formula-like text made inert with a leading apostrophe. */
export function escapeCell(value: string): string {
	return FORMULA_START.test(value) ? `'${value}` : value;
}

/** What an escaped cell meant (for reading our own files back). */
export function unescapeCell(value: string): string {
	return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

export function toCsv(rows: string[][], separator: CsvSeparator = ','): string {
	const field = (value: string) => `"${escapeCell(value).replace(/"/g, '""')}"`;
	return BOM + rows.map((row) => row.map(field).join(separator)).join('\r\n') + '\r\n';
}

/** The session's notes as a CSV file's text (with its byte-order mark). */
export function notesCsv(input: NotesCsvInput, separator: CsvSeparator = ','): string {
	return toCsv(noteRows(input), separator);
}

/**
 * Reads RFC 4180 CSV: quoted fields with doubled quotes and line breaks inside, CRLF or LF
 * between records, a leading byte-order mark ignored. Returns raw cells (still escaped).
 */
export function parseCsv(text: string, separator: CsvSeparator = ','): string[][] {
	const source = text.startsWith(BOM) ? text.slice(1) : text;
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	let i = 0;
	while (i < source.length) {
		const c = source[i];
		if (quoted) {
			if (c === '"' && source[i + 1] === '"') {
				cell += '"';
				i += 2;
				continue;
			}
			if (c === '"') quoted = false;
			else cell += c;
			i++;
			continue;
		}
		if (c === '"' && cell === '') quoted = true;
		else if (c === separator) {
			row.push(cell);
			cell = '';
		} else if (c === '\r' || c === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
			if (c === '\r' && source[i + 1] === '\n') i++;
		} else cell += c;
		i++;
	}
	if (quoted) throw new Error('CSV ends inside a quoted field');
	if (cell !== '' || row.length > 0) {
		row.push(cell);
		rows.push(row);
	}
	return rows;
}
