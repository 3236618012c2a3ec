/**
 * Text shaping for the PDFs: what jsPDF leaves to us.
 *
 * - **Missing glyphs.** jsPDF draws a character its font lacks as nothing, silently. Every
 *   character is checked against the embedded fonts; an emoji becomes a visible `[emoji]`, any
 *   other unknown character U+FFFD, so that no note loses a word without a trace.
 * - **Several fonts on one line.** Noto Sans (Latin, Cyrillic, Greek), Noto Sans Hebrew and Noto
 *   Sans Arabic: each character is drawn in a font that has it; neutral characters (spaces,
 *   punctuation) between two Hebrew letters stay in the Hebrew run, so a phrase is one run.
 * - **Right-to-left order.** jsPDF has no usable bidi for mixed fonts (its engine, applied per
 *   call, drops some Hebrew lines with brackets). We resolve levels with a reduced Unicode
 *   bidi algorithm — paragraph direction from the first strong letter, digits and neutrals by
 *   their neighbours, no explicit embeddings — reverse right-to-left runs into visual order and
 *   mirror brackets in them. Runs are *positioned* in visual order but *emitted* in logical
 *   order, so that a PDF reader's text layer (which reorders each right-to-left run itself)
 *   copies, searches and reads the text in the order it was written.
 * - **Arabic** is shaped into presentation forms by jsPDF's `processArabic` before reordering
 *   (best-effort: no mark positioning, only the lam-alef ligatures). Its glyphs are then drawn
 *   one call each: jsPDF re-runs its ligature pass on every string it draws, which on reversed
 *   text would fuse a final alef and an initial lam into a wrong lam-alef.
 * - **Wrapping** happens on the logical text with widths measured per font, so lines never run
 *   past their column; a word longer than a line breaks between characters.
 */
import type { jsPDF } from 'jspdf';
import { fontCoverage, type Coverage } from './font-coverage';
import { ARABIC, FAMILY, HEBREW, registerFont, type FontBytes } from './pdf-fonts';

export type Face = 'regular' | 'bold' | 'hebrew' | 'arabic';

export interface TextStyle {
	/** Font size in points. */
	size: number;
	bold?: boolean;
}

export const EMOJI_PLACEHOLDER = '[emoji]';
export const MISSING_PLACEHOLDER = '\ufffd';

/** Points to millimetres. */
export const PT = 25.4 / 72;

/** Bidi class of a unit, reduced to what notes need. */
type Kind = 'L' | 'R' | 'EN' | 'WS' | 'ON';

interface Unit {
	/** A grapheme (base character with its marks), or a placeholder. */
	text: string;
	kind: Kind;
	face: Face;
	level: number;
	/** Width at 1 pt, in millimetres. */
	width: number;
	/** Position in the paragraph (logical order). */
	index: number;
}

/** A stretch of one line in one font and one direction, ready to draw. */
export interface Run {
	face: Face;
	rtl: boolean;
	/** Graphemes in visual (left-to-right) order. */
	units: string[];
	/** Offset from the line's left edge and width, at 1 pt (multiply by the size). */
	offset: number;
	width: number;
	/** Logical position of the run's first grapheme: runs are drawn in this order. */
	order: number;
}

export interface ShapedLine {
	runs: Run[];
	/** Width at 1 pt, in millimetres. */
	width: number;
	/** The paragraph reads right to left: aligned to the right by default. */
	rtl: boolean;
}

export interface DrawOptions {
	align?: 'start' | 'left' | 'right' | 'center';
	/** Width of the box to align in (for right and centre). */
	width?: number;
	/** Counter-clockwise rotation in degrees, about the line's start. */
	angle?: number;
}

/** jsPDF's bidi engine runs on every `text()` call; these options make it leave the text as is. */
const AS_GIVEN = { isInputVisual: true, isOutputVisual: true, isInputRtl: false, isOutputRtl: false } as const;

const HEBREW_LETTER = /[\p{Script=Hebrew}]/u;
const ARABIC_LETTER = /[\p{Script=Arabic}]/u;
const LETTER = /[\p{L}\p{M}]/u;
const DIGIT = /\p{Nd}/u;
const SPACE = /\s/u;
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;
/** Characters that change nothing visible when a font lacks them: zero-width spaces and joiners,
 * direction marks, the word joiner, text and emoji variation selectors. */
const isIgnorable = (c: string): boolean => {
	const code = c.charCodeAt(0);
	return (code >= 0x200b && code <= 0x200f) || code === 0x2060 || code === 0xfe0e || code === 0xfe0f;
};
/** Common symbols the text fonts lack, in a form they have. */
const SUBSTITUTES: Record<string, string> = {
	'→': '->',
	'←': '<-',
	'⇒': '=>',
	'↔': '<->',
	'●': '•',
	'▪': '•',
	'■': '•',
	'□': '[ ]',
	'☐': '[ ]',
	'✓': 'v'
};
const MIRROR: Record<string, string> = {
	'(': ')',
	')': '(',
	'[': ']',
	']': '[',
	'{': '}',
	'}': '{',
	'<': '>',
	'>': '<',
	'«': '»',
	'»': '«',
	'‹': '›',
	'›': '‹'
};
const FONT_OF: Record<Face, [string, string]> = {
	regular: [FAMILY, 'normal'],
	bold: [FAMILY, 'bold'],
	hebrew: [HEBREW, 'normal'],
	arabic: [ARABIC, 'normal']
};

const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });
/** Code unit ranges where a grapheme may be more than one code point: combining marks (Latin,
 * Cyrillic, Hebrew, Arabic), joiners, variation selectors, keycaps, surrogate pairs (emoji and
 * other astral characters). Code ranges, not a regular expression: a character class of
 * combining marks is easy to misread. */
const COMPLEX_RANGES: readonly [number, number][] = [
	[0x0300, 0x036f],
	[0x0483, 0x0489],
	[0x0591, 0x05c7],
	[0x0610, 0x061a],
	[0x064b, 0x065f],
	[0x0670, 0x0670],
	[0x06d6, 0x06ed],
	[0x1ab0, 0x1aff],
	[0x1dc0, 0x1dff],
	[0x200c, 0x200d],
	[0x20d0, 0x20ff],
	[0xd800, 0xdfff],
	[0xfe00, 0xfe0f],
	[0xfe20, 0xfe2f]
];

function isComplex(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code < 0x0300) continue;
		for (const [low, high] of COMPLEX_RANGES) if (code >= low && code <= high) return true;
	}
	return false;
}

export class PdfText {
	readonly #doc: jsPDF;
	readonly #coverage: Record<Face, Coverage>;
	/** Caches: widths per face and grapheme; replacements per main face (regular, bold). */
	readonly #widths: Record<Face, Map<string, number>> = {
		regular: new Map(),
		bold: new Map(),
		hebrew: new Map(),
		arabic: new Map()
	};
	readonly #replacements = [new Map<string, readonly string[]>(), new Map<string, readonly string[]>()];
	readonly #scale: number;

	readonly #fonts: FontBytes;
	readonly #registered: Set<Face>;

	/** `registered`: the faces already registered with the document; others are registered the
	 * first time a text needs them. */
	constructor(doc: jsPDF, fonts: FontBytes, registered: Face[] = ['regular', 'bold', 'hebrew', 'arabic']) {
		this.#doc = doc;
		this.#fonts = fonts;
		this.#registered = new Set(registered);
		this.#coverage = {
			regular: fontCoverage(fonts.regular),
			bold: fontCoverage(fonts.bold),
			hebrew: fontCoverage(fonts.hebrew),
			arabic: fontCoverage(fonts.arabic)
		};
		this.#scale = doc.internal.scaleFactor;
	}

	#use(face: Face): void {
		if (!this.#registered.has(face)) {
			registerFont(this.#doc, this.#fonts, face);
			this.#registered.add(face);
		}
		const [family, weight] = FONT_OF[face];
		this.#doc.setFont(family, weight);
	}

	/** Line height in millimetres for a style. */
	lineHeight(style: TextStyle, factor = 1.32): number {
		return style.size * PT * factor;
	}

	/** Width of a text on one line, in millimetres. */
	width(text: string, style: TextStyle): number {
		let widest = 0;
		for (const paragraph of this.#paragraphs(text)) {
			const units = this.#units(paragraph, style);
			widest = Math.max(
				widest,
				units.reduce((sum, u) => sum + u.width, 0)
			);
		}
		return widest * style.size;
	}

	/** Wraps a text (paragraphs separated by newlines) into lines no wider than `maxWidth` mm. */
	lines(text: string, maxWidth: number, style: TextStyle): ShapedLine[] {
		const out: ShapedLine[] = [];
		const limit = maxWidth / style.size;
		for (const paragraph of this.#paragraphs(text)) {
			const units = this.#units(paragraph, style);
			const rtl = paragraphLevel(units) === 1;
			for (const line of wrap(units, limit)) out.push(visualLine(line, rtl));
		}
		return out;
	}

	/** Draws one shaped line with its baseline at `y`. */
	draw(line: ShapedLine, x: number, y: number, style: TextStyle, options: DrawOptions = {}): void {
		const width = line.width * style.size;
		const align =
			options.align === undefined || options.align === 'start' ? (line.rtl ? 'right' : 'left') : options.align;
		const box = options.width ?? width;
		const start = align === 'right' ? box - width : align === 'center' ? (box - width) / 2 : 0;
		const angle = options.angle ?? 0;
		const cos = Math.cos((angle * Math.PI) / 180);
		const sin = Math.sin((angle * Math.PI) / 180);
		const at = (offset: number): [number, number] => [x + cos * offset, y - sin * offset];
		this.#doc.setFontSize(style.size);
		const runs = [...line.runs].sort((a, b) => a.order - b.order);
		for (const run of runs) {
			this.#use(run.face);
			const offset = start + run.offset * style.size;
			const textOptions = angle ? { ...AS_GIVEN, angle } : AS_GIVEN;
			if (run.face === 'arabic') {
				// One glyph per call: see the module comment on jsPDF's ligature pass.
				let advance = offset;
				for (const unit of run.units) {
					this.#doc.text(unit, ...at(advance), textOptions);
					advance += this.#unitWidth(unit, run.face) * style.size;
				}
			} else {
				this.#doc.text(run.units.join(''), ...at(offset), textOptions);
			}
		}
	}

	#paragraphs(text: string): string[] {
		return text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ').split('\n');
	}

	/** The paragraph as measured units with fonts and bidi levels. */
	#units(paragraph: string, style: TextStyle): Unit[] {
		const main: Face = style.bold ? 'bold' : 'regular';
		const shaped = ARABIC_LETTER.test(paragraph) ? this.#doc.processArabic(paragraph) : paragraph;
		// Most notes have no combining marks, joiners or emoji: code points are graphemes then, and
		// the (slow) grapheme segmenter is skipped.
		const graphemes = isComplex(shaped) ? Array.from(segmenter.segment(shaped), (s) => s.segment) : Array.from(shaped);
		const units: Unit[] = [];
		let rightToLeft = false;
		for (const grapheme of graphemes) {
			for (const text of this.#replaceMissing(grapheme, main)) {
				const kind = kindOf(text);
				if (kind === 'R') rightToLeft = true;
				units.push({ text, kind, face: main, level: 0, width: 0, index: units.length });
			}
		}
		if (rightToLeft) resolveLevels(units, paragraphLevel(units));
		for (const unit of units) {
			unit.face = this.#faceFor(unit, units, main);
			unit.width = this.#unitWidth(unit.text, unit.face);
		}
		return units;
	}

	/** A grapheme as drawable units: itself, or a placeholder when no font has it. */
	#replaceMissing(grapheme: string, main: Face): readonly string[] {
		const cache = this.#replacements[main === 'bold' ? 1 : 0];
		let found = cache.get(grapheme);
		if (found === undefined) {
			found = this.#replacementOf(grapheme, main);
			cache.set(grapheme, found);
		}
		return found;
	}

	#replacementOf(grapheme: string, main: Face): string[] {
		const points = [...grapheme].filter((c) => !isIgnorable(c));
		if (points.length === 0) return [];
		const text = points.join('');
		if (this.#has(text, main) || this.#has(text, 'hebrew') || this.#has(text, 'arabic')) return [text];
		if (EMOJI.test(grapheme)) return [EMOJI_PLACEHOLDER];
		const substitute = SUBSTITUTES[points[0]];
		if (substitute !== undefined && points.length === 1) return [...substitute];
		return [MISSING_PLACEHOLDER];
	}

	/** Whether a font has every character of a grapheme. */
	#has(text: string, face: Face): boolean {
		const coverage = this.#coverage[face];
		if (text.length === 1) return coverage.has(text.charCodeAt(0));
		for (const c of text) if (!coverage.has(c.codePointAt(0)!)) return false;
		return true;
	}

	#faceFor(unit: Unit, units: Unit[], main: Face): Face {
		if (unit.kind === 'L' && unit.text.length === 1 && this.#coverage[main].has(unit.text.charCodeAt(0))) return main;
		if (unit.kind === 'R') return HEBREW_LETTER.test(unit.text) ? 'hebrew' : 'arabic';
		if (unit.level % 2 === 1) {
			// A neutral inside right-to-left text joins the neighbouring letters' font when it can,
			// so that a right-to-left phrase stays one run (and one item in the text layer).
			const neighbour = nearestRightToLeft(units, unit.index);
			if (neighbour) {
				const face: Face = HEBREW_LETTER.test(neighbour.text) ? 'hebrew' : 'arabic';
				if (this.#has(unit.text, face)) return face;
			}
		}
		if (unit.text === EMOJI_PLACEHOLDER || this.#has(unit.text, main)) return main;
		if (this.#has(unit.text, 'hebrew')) return 'hebrew';
		if (this.#has(unit.text, 'arabic')) return 'arabic';
		return main;
	}

	#unitWidth(text: string, face: Face): number {
		const cache = this.#widths[face];
		let width = cache.get(text);
		if (width === undefined) {
			this.#use(face);
			width = this.#doc.getStringUnitWidth(text) / this.#scale;
			cache.set(text, width);
		}
		return width;
	}
}

const kinds = new Map<string, Kind>();

function kindOf(text: string): Kind {
	let kind = kinds.get(text);
	if (kind === undefined) {
		kind = classify(text);
		kinds.set(text, kind);
	}
	return kind;
}

function classify(text: string): Kind {
	if (text === EMOJI_PLACEHOLDER) return 'L';
	const first = String.fromCodePoint(text.codePointAt(0)!);
	if (HEBREW_LETTER.test(first) || ARABIC_LETTER.test(first))
		return DIGIT.test(first) ? 'EN' : LETTER.test(first) ? 'R' : 'ON';
	if (DIGIT.test(first)) return 'EN';
	if (LETTER.test(first)) return 'L';
	if (SPACE.test(first)) return 'WS';
	return 'ON';
}

/** Paragraph direction: that of the first strong letter (rules P2–P3); left to right without one. */
function paragraphLevel(units: Unit[]): 0 | 1 {
	for (const unit of units) {
		if (unit.kind === 'L') return 0;
		if (unit.kind === 'R') return 1;
	}
	return 0;
}

/** The strong right-to-left letter next to a neutral: the one before it, else the one after. */
function nearestRightToLeft(units: Unit[], index: number): Unit | undefined {
	const strong = (u: Unit) => u.kind === 'L' || u.kind === 'R';
	const before = units.slice(0, index).findLast(strong);
	if (before?.kind === 'R') return before;
	const after = units.slice(index + 1).find(strong);
	return after?.kind === 'R' ? after : undefined;
}

/**
 * Levels by a reduced bidi algorithm without explicit embeddings: digits after a left-to-right
 * letter count as left-to-right (W7); a run of neutrals takes the direction of the strong types
 * on both sides when they agree, digits counting as right-to-left (N1), else the paragraph's
 * (N2); then implicit levels (I1–I2).
 */
function resolveLevels(units: Unit[], paragraph: 0 | 1): void {
	const sos = paragraph === 1 ? 'R' : 'L';
	const kinds: ('L' | 'R' | 'EN' | 'N')[] = [];
	let lastStrong = sos;
	for (const unit of units) {
		if (unit.kind === 'L' || unit.kind === 'R') lastStrong = unit.kind;
		if (unit.kind === 'EN') kinds.push(lastStrong === 'L' ? 'L' : 'EN');
		else if (unit.kind === 'WS' || unit.kind === 'ON') kinds.push('N');
		else kinds.push(unit.kind);
	}
	const direction = (k: 'L' | 'R' | 'EN' | 'N' | undefined) => (k === 'EN' ? 'R' : k);
	for (let i = 0; i < kinds.length; i++) {
		if (kinds[i] !== 'N') continue;
		let end = i;
		while (end < kinds.length && kinds[end] === 'N') end++;
		const before = i === 0 ? sos : direction(kinds[i - 1]);
		const after = end === kinds.length ? sos : direction(kinds[end]);
		const resolved = before === after ? (before as 'L' | 'R') : sos;
		for (let k = i; k < end; k++) kinds[k] = resolved;
		i = end - 1;
	}
	units.forEach((unit, i) => {
		const kind = kinds[i];
		if (paragraph === 0) unit.level = kind === 'L' ? 0 : kind === 'R' ? 1 : 2;
		else unit.level = kind === 'R' ? 1 : 2;
	});
}

/** Greedy wrapping at spaces; a word wider than the line breaks between graphemes. Trailing
 * spaces of a line are dropped (the line break stands for them). */
function wrap(units: Unit[], limit: number): Unit[][] {
	if (units.length === 0) return [[]];
	const lines: Unit[][] = [];
	let line: Unit[] = [];
	let width = 0;
	const words: Unit[][] = [];
	let word: Unit[] = [];
	for (const unit of units) {
		const isSpace = unit.kind === 'WS';
		if (!isSpace && word.length > 0 && word[word.length - 1].kind === 'WS') {
			words.push(word);
			word = [];
		}
		word.push(unit);
	}
	if (word.length > 0) words.push(word);

	const ink = (w: Unit[]) => {
		let end = w.length;
		while (end > 0 && w[end - 1].kind === 'WS') end--;
		return w.slice(0, end).reduce((sum, u) => sum + u.width, 0);
	};
	const flush = () => {
		while (line.length > 0 && line[line.length - 1].kind === 'WS') line.pop();
		lines.push(line);
		line = [];
		width = 0;
	};
	for (const w of words) {
		const full = w.reduce((sum, u) => sum + u.width, 0);
		if (line.length > 0 && width + ink(w) > limit) flush();
		if (ink(w) <= limit) {
			line.push(...w);
			width += full;
			continue;
		}
		// A word longer than a whole line: as many graphemes per line as fit.
		for (const unit of w) {
			if (line.length > 0 && width + unit.width > limit && unit.kind !== 'WS') flush();
			line.push(unit);
			width += unit.width;
		}
	}
	if (line.length > 0 || lines.length === 0) flush();
	return lines;
}

/** Visual order of a line (rule L2), grouped into runs of one font and one direction. */
function visualLine(line: Unit[], rtl: boolean): ShapedLine {
	const order = [...line];
	let highest = 0;
	for (const unit of order) if (unit.level > highest) highest = unit.level;
	for (let level = highest; level >= 1; level--) {
		for (let i = 0; i < order.length; i++) {
			if (order[i].level < level) continue;
			let end = i;
			while (end < order.length && order[end].level >= level) end++;
			const reversed = order.slice(i, end).reverse();
			order.splice(i, end - i, ...reversed);
			i = end - 1;
		}
	}
	const runs: Run[] = [];
	let offset = 0;
	for (const unit of order) {
		const unitRtl = unit.level % 2 === 1;
		const text = unitRtl && MIRROR[unit.text] ? MIRROR[unit.text] : unit.text;
		const last = runs[runs.length - 1];
		if (last && last.face === unit.face && last.rtl === unitRtl) {
			last.units.push(text);
			last.width += unit.width;
			last.order = Math.min(last.order, unit.index);
		} else {
			runs.push({ face: unit.face, rtl: unitRtl, units: [text], offset, width: unit.width, order: unit.index });
		}
		offset += unit.width;
	}
	return { runs, width: offset, rtl };
}
