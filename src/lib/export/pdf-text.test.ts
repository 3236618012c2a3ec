import { jsPDF } from 'jspdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerFonts } from './pdf-fonts';
import { EMOJI_PLACEHOLDER, MISSING_PLACEHOLDER, PdfText, type ShapedLine } from './pdf-text';
import { diskFonts } from './testing/pdf-reader';

let text: PdfText;

beforeAll(() => {
	const fonts = diskFonts();
	const doc = new jsPDF({ unit: 'mm', format: 'a4' });
	registerFonts(doc, fonts);
	text = new PdfText(doc, fonts);
});

/** The line as drawn, left to right, and the font of each run. */
const visual = (line: ShapedLine) =>
	[...line.runs]
		.sort((a, b) => a.offset - b.offset)
		.map((r) => r.units.join(''))
		.join('');
const faces = (line: ShapedLine) =>
	[...line.runs].sort((a, b) => a.offset - b.offset).map((r) => `${r.face}:${r.units.join('')}`);
const one = (input: string) => {
	const lines = text.lines(input, 1000, { size: 10 });
	expect(lines).toHaveLength(1);
	return lines[0];
};

describe('characters the fonts lack', () => {
	it.each([
		['Hienoa 🎉 ilta', `Hienoa ${EMOJI_PLACEHOLDER} ilta`],
		['perhe 👨‍👩‍👧 tuli', `perhe ${EMOJI_PLACEHOLDER} tuli`],
		['Suomi 🇫🇮!', `Suomi ${EMOJI_PLACEHOLDER}!`],
		['peukku 👍🏽', `peukku ${EMOJI_PLACEHOLDER}`],
		['漢字', `${MISSING_PLACEHOLDER}${MISSING_PLACEHOLDER}`],
		['A → B', 'A -> B'],
		['Åsa Öhman: ääkkösiä', 'Åsa Öhman: ääkkösiä'],
		['Женя, Ελένη', 'Женя, Ελένη'],
		['café ©\ufe0f', 'café ©']
	])('%s → %s', (input, printed) => {
		expect(visual(one(input))).toBe(printed);
	});
});

describe('right-to-left text', () => {
	it('reverses a Hebrew paragraph into visual order, in the Hebrew font', () => {
		const line = one('שלום עולם');
		expect(line.rtl).toBe(true);
		expect(visual(line)).toBe('םלוע םולש');
		expect(faces(line)).toEqual(['hebrew:םלוע םולש']);
	});

	it('keeps a Hebrew phrase inside a Finnish sentence in place', () => {
		const line = one('Hän sanoi שלום עולם ja lähti');
		expect(line.rtl).toBe(false);
		expect(faces(line)).toEqual(['regular:Hän sanoi ', 'hebrew:םלוע םולש', 'regular: ja lähti']);
	});

	it('orders runs right to left in a Hebrew paragraph with a Latin word', () => {
		expect(visual(one('שלום Kohtaamo עולם'))).toBe('םלוע Kohtaamo םולש');
	});

	it('keeps numbers left to right inside Hebrew', () => {
		expect(visual(one('שלום 2025 עולם'))).toBe('םלוע 2025 םולש');
	});

	it('mirrors brackets in right-to-left runs', () => {
		expect(visual(one('(שלום)'))).toBe('(םולש)');
	});

	it('draws right-to-left runs in logical order, so the text layer reads as written', () => {
		const line = one('אבג Kohtaamo דהו');
		const byOrder = [...line.runs].sort((a, b) => a.order - b.order).map((r) => r.units.join(''));
		expect(byOrder[0]).toBe(' גבא');
	});

	it('shapes Arabic into joined forms before reversing', () => {
		const line = one('مرحبا');
		expect(line.rtl).toBe(true);
		// Presentation forms (U+FExx), in visual order: the final form of the last letter first.
		expect(visual(line).normalize('NFKC')).toBe('ابحرم');
		expect([...visual(line)].every((c) => c.charCodeAt(0) >= 0xfe70)).toBe(true);
	});
});

describe('wrapping', () => {
	const style = { size: 10 };

	it('never makes a line wider than the column', () => {
		const long = 'Museon ja yhdistysten yhteistyö vaatii aikaa, luottamusta ja yhteisiä kokeiluja. '.repeat(8);
		for (const width of [30, 60, 120]) {
			const lines = text.lines(long, width, style);
			expect(lines.length).toBeGreaterThan(1);
			for (const line of lines) expect(line.width * style.size).toBeLessThanOrEqual(width + 1e-6);
		}
	});

	it('breaks a word longer than a line between letters, losing none', () => {
		const word = 'Lentokonesuihkuturbiinimoottoriapumekaanikkoaliupseerioppilas';
		const lines = text.lines(word, 25, style);
		expect(lines.length).toBeGreaterThan(2);
		expect(lines.map(visual).join('')).toBe(word);
	});

	it('keeps newlines as paragraph breaks and drops spaces at line ends', () => {
		const lines = text.lines('Ensimmäinen\nToinen rivi', 200, style);
		expect(lines.map(visual)).toEqual(['Ensimmäinen', 'Toinen rivi']);
		const wrapped = text.lines('aaaa bbbb cccc', text.width('aaaa bbbb', style) + 0.1, style);
		expect(wrapped.map(visual)).toEqual(['aaaa bbbb', 'cccc']);
	});

	it('measures bold wider than regular', () => {
		expect(text.width('Kohtaamo', { size: 10, bold: true })).toBeGreaterThan(text.width('Kohtaamo', { size: 10 }));
	});
});
