import { describe, expect, it } from 'vitest';
import { BOM, escapeCell, noteRows, notesCsv, parseCsv, toCsv, unescapeCell } from './notes-csv';
import { SPECIAL_NOTES, workshopFixture } from './testing/workshop-fixture';

describe('notes as CSV', () => {
	const fixture = workshopFixture();
	const csv = notesCsv(fixture);
	const read = parseCsv(csv);

	it('starts with a byte-order mark and uses CRLF between records', () => {
		expect(csv.startsWith(BOM)).toBe(true);
		expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
		expect(csv.endsWith('\r\n')).toBe(true);
	});

	it('has a header in the session’s language and one row per note', () => {
		expect(read[0]).toEqual([
			'Työpaja',
			'Osio',
			'Alue',
			'Ryhmä',
			'Teksti',
			'Väri',
			'Ääniä',
			'Kirjoittaja',
			'Kirjoitettu',
			'Kirjoitettu osiossa',
			'Kieli'
		]);
		expect(read).toHaveLength(1 + [...fixture.texts.values()].flat().length);
		expect(read.every((row) => row.length === 11)).toBe(true);
	});

	it('parses back to the same rows, line breaks, quotes and all', () => {
		expect(read.map((row) => row.map(unescapeCell))).toEqual(noteRows(fixture));
		const quoted = read.find((row) => row[4].startsWith('Hän sanoi'))!;
		expect(quoted[4]).toBe(SPECIAL_NOTES.quoted);
	});

	it('fills every column', () => {
		const asa = read.find((row) => row[4] === SPECIAL_NOTES.finnish)!;
		expect(asa).toEqual([
			'Lähimuseo ja yhdistykset',
			'1. Toiveet ja huolet',
			'Toiveet',
			'Nimet ja kielet',
			'Åsa Öhman: ääkkösiä',
			'Keltainen',
			'7',
			'anonyymi',
			expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
			'',
			'fi'
		]);
		const matrix = read.find((row) => row[4] === 'Oma rakennus yhdistyksille')!;
		expect(matrix.slice(1, 4)).toEqual(['3. Vaikutus ja vaiva', 'Ei nyt', '']);
		const free = read.find((row) => row[4] === 'Kiitos illasta!')!;
		expect(free[2]).toBe('');
	});

	it('names authors only when names are included', () => {
		const named = parseCsv(notesCsv({ ...fixture, includeNames: true }));
		expect(named.find((row) => row[4] === SPECIAL_NOTES.finnish)![7]).toBe('Osallistuja 1');
		const swedish = parseCsv(notesCsv(workshopFixture({ language: 'sv' })));
		expect(swedish[0][0]).toBe('Workshop');
		expect(swedish[1][7]).toBe('anonym');
	});

	it('makes formula-like cells inert', () => {
		const formula = read.find((row) => row[4].includes('HYPERLINK'))!;
		expect(formula[4]).toBe(`'${SPECIAL_NOTES.formula}`);
		expect(csv).toContain(`"'=HYPERLINK(""http://example.com"",""klikkaa"")"`);
	});

	it.each([
		['=1+1', "'=1+1"],
		['+358 40 123', "'+358 40 123"],
		['-5 astetta', "'-5 astetta"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\tpiilossa', "'\tpiilossa"],
		['\rpiilossa', "'\rpiilossa"],
		['Kaikki hyvin', 'Kaikki hyvin'],
		["'lainaus'", "'lainaus'"],
		['', '']
	])('escapes %j as %j, and reads it back', (value, escaped) => {
		expect(escapeCell(value)).toBe(escaped);
		expect(unescapeCell(escapeCell(value))).toBe(value);
		expect(parseCsv(toCsv([[value, 'x']]))).toEqual([[escaped, 'x']]);
	});

	it('separates cells with semicolons for Finnish and Swedish Excel, keeping semicolons in notes', () => {
		const semicolons = notesCsv(fixture, ';');
		expect(semicolons.split('\r\n')[0]).toBe(
			`${BOM}"Työpaja";"Osio";"Alue";"Ryhmä";"Teksti";"Väri";"Ääniä";"Kirjoittaja";"Kirjoitettu";"Kirjoitettu osiossa";"Kieli"`
		);
		expect(parseCsv(semicolons, ';')).toEqual(read);
		const rows = [['Lista: a; b; c', 'x,y']];
		expect(parseCsv(toCsv(rows, ';'), ';')).toEqual(rows);
		expect(parseCsv(toCsv(rows, ','), ',')).toEqual(rows);
	});

	it('refuses a file that ends inside a quoted field', () => {
		expect(() => parseCsv('"a","b\r\n')).toThrow(/quoted/);
	});
});
