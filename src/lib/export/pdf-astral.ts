/**
 * Characters beyond U+FFFF (emoji, rare Han characters) in jsPDF. jsPDF encodes text one UTF-16
 * code unit at a time and reads only a font's 16-bit `cmap`, so an emoji's two surrogates find no
 * glyph. For the faces that need them (emoji, CJK), each such character used is given a private
 * code point (U+E000 on) mapped to its real glyph in the font's parsed `cmap`, and the font is
 * written into the PDF by `writeFont` below instead of jsPDF's own writer, with a ToUnicode map
 * that gives the real character back: a reader copies and searches the emoji, not a private
 * code. Everything else (subsetting, widths, Identity-H) is jsPDF's, unchanged.
 */
import type { jsPDF } from 'jspdf';
import { astralGlyphs } from './font-coverage';

/** The parts of jsPDF's internal font object used here (its TTFFont is not in jsPDF's types). */
interface TtfFont {
	fontName: string;
	encoding: string;
	objectNumber?: number;
	isAlreadyPutted?: boolean;
	metadata: {
		cmap: { unicode: { codeMap: Record<number, number> } };
		subset: { encode(glyphs: number[], indexToLocFormat: number): number[] | Uint8Array };
		glyIdsUsed: number[];
		toUnicode: Record<number, number>;
		Unicode: { widths: (number | number[])[] };
		bbox: number[];
		flags: number;
		stemV: number;
		italicAngle: number;
		ascender: number;
		decender: number;
		capHeight: number;
	};
}

interface PutFontArgs {
	font: TtfFont;
	out(line: string): void;
	newObject(): number;
	putStream(options: { data: string; addLength1: boolean; objectId: number }): void;
}

interface PubSub {
	subscribe(topic: string, callback: (args: never) => void): string;
}

const FIRST_PRIVATE = 0xe000;
/** Marks our fonts while jsPDF writes its fonts, so that its own Identity-H writer skips them. */
const OWN_ENCODING = 'Identity-H#astral';

export class AstralGlyphs {
	readonly #doc: jsPDF;
	/** Per font: code point → the private character standing for it, and glyph → real text. */
	readonly #fonts = new Map<TtfFont, { codes: Map<number, string>; texts: Map<number, string> }>();
	#next = FIRST_PRIVATE;

	constructor(doc: jsPDF) {
		this.#doc = doc;
		const events = (doc.internal as unknown as { events: PubSub }).events;
		events.subscribe('postPutPages', () => {
			for (const font of this.#fonts.keys()) font.encoding = OWN_ENCODING;
		});
		events.subscribe('putFont', (args: PutFontArgs) => {
			if (args.font.encoding === OWN_ENCODING) this.#write(args);
		});
		events.subscribe('postPutResources', () => {
			for (const font of this.#fonts.keys()) font.encoding = 'Identity-H';
		});
	}

	/**
	 * The character to draw for `codePoint` in the current font (set with `setFont` before), or
	 * null when the font has no glyph for it. Characters up to U+FFFF are drawn as themselves.
	 */
	character(bytes: ArrayBuffer, codePoint: number): string | null {
		if (codePoint <= 0xffff) return String.fromCharCode(codePoint);
		const glyph = astralGlyphs(bytes).get(codePoint);
		if (glyph === undefined) return null;
		const font = this.#doc.getFont() as unknown as TtfFont;
		let entry = this.#fonts.get(font);
		if (!entry) {
			entry = { codes: new Map(), texts: new Map() };
			this.#fonts.set(font, entry);
		}
		let code = entry.codes.get(codePoint);
		if (code === undefined) {
			// Private characters are never drawn from notes (the shaper treats them as missing),
			// so these cannot collide with a participant's text.
			code = String.fromCharCode(this.#next++);
			entry.codes.set(codePoint, code);
			entry.texts.set(glyph, String.fromCodePoint(codePoint));
			font.metadata.cmap.unicode.codeMap[code.charCodeAt(0)] = glyph;
		}
		return code;
	}

	/** jsPDF's Identity-H font writer, with the real characters in the ToUnicode map. */
	#write({ font, out, newObject, putStream }: PutFontArgs): void {
		const texts = this.#fonts.get(font)?.texts ?? new Map<number, string>();
		const data = font.metadata.subset.encode(font.metadata.glyIdsUsed, 1);
		let binary = '';
		for (let i = 0; i < data.length; i++) binary += String.fromCharCode(data[i]);
		const fontFile = newObject();
		putStream({ data: binary, addLength1: true, objectId: fontFile });
		out('endobj');

		const cmap = newObject();
		putStream({ data: toUnicodeCmap(font.metadata.toUnicode, texts), addLength1: true, objectId: cmap });
		out('endobj');

		const name = pdfName(font.fontName);
		const m = font.metadata;
		const descriptor = newObject();
		out('<<');
		out('/Type /FontDescriptor');
		out(`/FontName /${name}`);
		out(`/FontFile2 ${fontFile} 0 R`);
		out(`/FontBBox [${m.bbox.join(' ')}]`);
		out(`/Flags ${m.flags}`);
		out(`/StemV ${m.stemV}`);
		out(`/ItalicAngle ${m.italicAngle}`);
		out(`/Ascent ${m.ascender}`);
		out(`/Descent ${m.decender}`);
		out(`/CapHeight ${m.capHeight}`);
		out('>>');
		out('endobj');

		const descendant = newObject();
		out('<<');
		out('/Type /Font');
		out(`/BaseFont /${name}`);
		out(`/FontDescriptor ${descriptor} 0 R`);
		out(`/W [${m.Unicode.widths.map((w) => (Array.isArray(w) ? `[${w.join(' ')}]` : String(w))).join(' ')}]`);
		out('/CIDToGIDMap /Identity');
		out('/DW 1000');
		out('/Subtype /CIDFontType2');
		out('/CIDSystemInfo << /Supplement 0 /Registry (Adobe) /Ordering (Identity-H) >>');
		out('>>');
		out('endobj');

		font.objectNumber = newObject();
		out('<<');
		out('/Type /Font');
		out('/Subtype /Type0');
		out(`/ToUnicode ${cmap} 0 R`);
		out(`/BaseFont /${name}`);
		out('/Encoding /Identity-H');
		out(`/DescendantFonts [${descendant} 0 R]`);
		out('>>');
		out('endobj');
		font.isAlreadyPutted = true;
	}
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');
const utf16Hex = (text: string) => Array.from({ length: text.length }, (_, i) => hex4(text.charCodeAt(i))).join('');

function toUnicodeCmap(map: Record<number, number>, texts: ReadonlyMap<number, string>): string {
	const entries: string[] = [];
	for (const key of Object.keys(map)
		.map(Number)
		.sort((a, b) => a - b)) {
		const text = texts.get(key) ?? String.fromCharCode(map[key]);
		entries.push(`<${hex4(key)}><${utf16Hex(text)}>`);
	}
	let body = '';
	for (let i = 0; i < entries.length; i += 100) {
		const chunk = entries.slice(i, i + 100);
		body += `\n${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`;
	}
	return (
		'/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo <<\n  /Registry (Adobe)\n' +
		'  /Ordering (UCS)\n  /Supplement 0\n>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n' +
		`1 begincodespacerange\n<0000><ffff>\nendcodespacerange${body}\n` +
		'endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend'
	);
}

/** A PDF name: characters outside the printable ASCII range and delimiters as `#xx`. */
function pdfName(text: string): string {
	return text.replace(/[^\x21-\x7e]|[#%()/<>[\]{}]/g, (c) => `#${hex4(c.charCodeAt(0) & 0xff).slice(2)}`);
}
