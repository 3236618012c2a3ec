/**
 * Text shaping for the PDFs: what jsPDF leaves to us.
 *
 * - **Missing glyphs.** jsPDF draws a character its font lacks as nothing, silently. Every
 *   character is checked against the embedded fonts; an emoji no font has becomes a visible
 *   `[emoji]`, any other unknown character U+FFFD, so that no note loses a word without a trace.
 *   Invisible formatting characters (direction marks and overrides, zero-width spaces and
 *   joiners, variation selectors) are never drawn: they steer the order, then disappear.
 * - **Several fonts on one line.** Noto Sans (Latin, Cyrillic, Greek), Noto Sans Hebrew, Noto
 *   Sans Arabic, and when loaded Droid Sans Fallback (Chinese, Japanese), Nanum Gothic (Korean)
 *   and Symbola (emoji): each character is drawn in a font that has it; neutral characters (spaces,
 *   punctuation) between two Hebrew letters stay in the Hebrew run, so a phrase is one run.
 *   Characters beyond U+FFFF go through `pdf-astral.ts`.
 * - **Right-to-left order.** jsPDF has no usable bidi for mixed fonts (its engine, applied per
 *   call, drops some Hebrew lines with brackets). Levels come from `bidi-js`, an implementation
 *   of the full Unicode Bidirectional Algorithm (UAX #9, explicit embeddings and isolates
 *   included); right-to-left runs are reversed into visual order with mirrored brackets. Runs
 *   are *positioned* in visual order but *emitted* in logical order, so that a PDF reader's
 *   text layer (which reorders each right-to-left run itself) copies, searches and reads the
 *   text in the order it was written.
 * - **Arabic** is shaped into presentation forms by jsPDF's `processArabic` before reordering
 *   (best-effort: no mark positioning, only the lam-alef ligatures). Its glyphs are then drawn
 *   one call each: jsPDF re-runs its ligature pass on every string it draws, which on reversed
 *   text would fuse a final alef and an initial lam into a wrong lam-alef.
 * - **Wrapping** happens on the logical text with widths measured per font, so lines never run
 *   past their column; a word longer than a line breaks between characters; Chinese and
 *   Japanese break between any two characters (closing punctuation stays with the one before);
 *   no-break spaces (as in "9:00 AM") never break.
 * - **Not yet supported:** scripts that need shaping jsPDF cannot do (Indic scripts, Thai, Khmer,
 *   Myanmar) print with Noto Sans' glyphs where it has them, unshaped, and U+FFFD otherwise.
 */
import bidiFactory from 'bidi-js';
import type { jsPDF } from 'jspdf';
import { fontCoverage, type Coverage } from './font-coverage';
import { AstralGlyphs } from './pdf-astral';
import { FACES, registerFont, type FontBytes } from './pdf-fonts';

export type Face = 'regular' | 'bold' | 'hebrew' | 'arabic' | 'cjk' | 'hangul' | 'emoji';
const FACE_NAMES: readonly Face[] = ['regular', 'bold', 'hebrew', 'arabic', 'cjk', 'hangul', 'emoji'];

const bidi = bidiFactory();

export interface TextStyle {
	/** Font size in points. */
	size: number;
	bold?: boolean;
}

export const EMOJI_PLACEHOLDER = '[emoji]';
export const MISSING_PLACEHOLDER = '\ufffd';

/** Points to millimetres. */
export const PT = 25.4 / 72;

/** What a unit is for wrapping and choosing a font: a strong letter of either direction, a
 * digit, a space one may break at, or anything else. */
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
const HANGUL = /\p{Script=Hangul}/u;
const LETTER = /[\p{L}\p{M}]/u;
const DIGIT = /\p{Nd}/u;
/** Spaces one may break a line at: no-break spaces (U+00A0, U+2007, U+202F) are not. */
const SPACE = /[^\S\u00a0\u2007\u202f]/u;
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;
/** Text that needs the bidi algorithm: right-to-left letters, or explicit direction controls. */
const NEEDS_BIDI =
	/[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
/** Characters with a mirrored form (brackets, less-than…): only these are looked up in bidi-js's
 * mirroring table, whose first use parses the whole table (a CPU profile of a cold export). */
const MIRRORED = /\p{Bidi_M}/u;
/** Chinese and Japanese characters: a line may break after any of them. */
const CJK_BREAK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uff60]/u;
/** Closing punctuation that never starts a line. */
const CJK_CLOSING = /^[、。，．：；！？）」』】〕〉》｝ー々〜]$/u;
/** Characters never drawn: they change nothing visible (or only steer the bidi order, which is
 * resolved before they are dropped): zero-width spaces and joiners, direction marks, embeddings,
 * overrides and isolates, the word joiner and invisible operators, the byte order mark, the soft
 * hyphen, variation selectors, emoji tags and skin-tone modifiers (monochrome emoji have none). */
const isIgnorable = (c: string): boolean => {
	const code = c.codePointAt(0)!;
	return (
		code === 0x00ad ||
		code === 0x061c ||
		(code >= 0x200b && code <= 0x200f) ||
		(code >= 0x202a && code <= 0x202e) ||
		(code >= 0x2060 && code <= 0x2069) ||
		code === 0xfeff ||
		(code >= 0xfe00 && code <= 0xfe0f) ||
		(code >= 0xe0000 && code <= 0xe007f) ||
		(code >= 0x1f3fb && code <= 0x1f3ff)
	);
};
/** Private-use characters have no agreed meaning (and the astral mapping uses them). */
const isPrivate = (code: number) => code >= 0xe000 && code <= 0xf8ff;
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
	[0x200b, 0x200f],
	[0x202a, 0x202e],
	[0x2060, 0x2069],
	[0x20d0, 0x20ff],
	[0xd800, 0xdfff],
	[0xfe00, 0xfe0f],
	[0xfe20, 0xfe2f],
	[0xfeff, 0xfeff]
];

function isComplex(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code < 0x0300) {
			if (code === 0x00ad) return true;
			continue;
		}
		for (const [low, high] of COMPLEX_RANGES) if (code >= low && code <= high) return true;
	}
	return false;
}

export class PdfText {
	readonly #doc: jsPDF;
	readonly #coverage = new Map<Face, Coverage>();
	/** Caches: widths per face and grapheme; replacements per main face (regular, bold). */
	readonly #widths = new Map<Face, Map<string, number>>(FACE_NAMES.map((face) => [face, new Map()]));
	/** Per face: a grapheme as jsPDF draws it (characters beyond U+FFFF as private stand-ins). */
	readonly #encoded = new Map<Face, Map<string, string>>(FACE_NAMES.map((face) => [face, new Map()]));
	readonly #replacements = [new Map<string, readonly string[]>(), new Map<string, readonly string[]>()];
	readonly #scale: number;

	readonly #fonts: FontBytes;
	readonly #registered: Set<Face>;
	readonly #astral: AstralGlyphs;

	/** `registered`: the faces already registered with the document; others are registered the
	 * first time a text needs them. The extra faces (CJK, emoji) are used when `fonts` has them. */
	constructor(doc: jsPDF, fonts: FontBytes, registered: Face[] = ['regular', 'bold', 'hebrew', 'arabic']) {
		this.#doc = doc;
		this.#fonts = fonts;
		this.#registered = new Set(registered);
		this.#scale = doc.internal.scaleFactor;
		this.#astral = new AstralGlyphs(doc);
	}

	#coverageOf(face: Face): Coverage {
		let found = this.#coverage.get(face);
		if (!found) {
			const bytes = this.#fonts[face];
			found = bytes ? fontCoverage(bytes) : new Set<number>();
			this.#coverage.set(face, found);
		}
		return found;
	}

	#use(face: Face): void {
		if (!this.#registered.has(face)) {
			registerFont(this.#doc, this.#fonts, face);
			this.#registered.add(face);
		}
		const [family, weight] = FACES[face];
		this.#doc.setFont(family, weight);
	}

	/** A grapheme as the current face draws it (after `#use(face)`). */
	#encode(text: string, face: Face): string {
		const cache = this.#encoded.get(face)!;
		let found = cache.get(text);
		if (found === undefined) {
			found = '';
			const bytes = this.#fonts[face];
			for (const c of text) {
				const code = c.codePointAt(0)!;
				found += code > 0xffff && bytes ? (this.#astral.character(bytes, code) ?? MISSING_PLACEHOLDER) : c;
			}
			cache.set(text, found);
		}
		return found;
	}

	/** Line height in millimetres for a style. */
	lineHeight(style: TextStyle, factor = 1.32): number {
		return style.size * PT * factor;
	}

	/** Width of a text on one line, in millimetres. */
	width(text: string, style: TextStyle): number {
		let widest = 0;
		for (const paragraph of this.#paragraphs(text)) {
			const { units } = this.#units(paragraph, style);
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
			const { units, rtl } = this.#units(paragraph, style);
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
				const text = run.units.map((unit) => this.#encode(unit, run.face)).join('');
				this.#doc.text(text, ...at(offset), textOptions);
			}
		}
	}

	#paragraphs(text: string): string[] {
		return text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ').split('\n');
	}

	/** The paragraph as measured units with fonts and bidi levels, and its direction. */
	#units(paragraph: string, style: TextStyle): { units: Unit[]; rtl: boolean } {
		const main: Face = style.bold ? 'bold' : 'regular';
		const shaped = ARABIC_LETTER.test(paragraph) ? this.#doc.processArabic(paragraph) : paragraph;
		// Most notes have no combining marks, joiners or emoji: code points are graphemes then, and
		// the (slow) grapheme segmenter is skipped.
		const graphemes = isComplex(shaped) ? Array.from(segmenter.segment(shaped), (s) => s.segment) : Array.from(shaped);
		// Levels by the full algorithm, on the text with its controls (they steer it); the controls
		// themselves are dropped below. Left-to-right text without controls skips the algorithm.
		const resolved = NEEDS_BIDI.test(shaped) ? bidi.getEmbeddingLevels(shaped) : null;
		const rtl = (resolved?.paragraphs[0]?.level ?? 0) % 2 === 1;
		const units: Unit[] = [];
		let at = 0;
		for (const grapheme of graphemes) {
			const level = resolved ? firstVisibleLevel(grapheme, at, resolved.levels) : 0;
			at += grapheme.length;
			for (const text of this.#replaceMissing(grapheme, main)) {
				units.push({ text, kind: kindOf(text), face: main, level, width: 0, index: units.length });
			}
		}
		for (const unit of units) {
			unit.face = this.#faceFor(unit, units, main);
			unit.width = this.#unitWidth(unit.text, unit.face);
		}
		return { units, rtl };
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
		if (FACE_NAMES.some((face) => (face === main || !isMainFace(face)) && this.#has(text, face))) return [text];
		if (EMOJI.test(grapheme)) {
			// A sequence the emoji font has no single glyph for (a family, a flag): its parts, as far
			// as the font has them, else the placeholder.
			const parts = points.filter((c) => this.#has(c, 'emoji') || this.#has(c, main));
			return parts.length > 0 ? parts : [EMOJI_PLACEHOLDER];
		}
		const substitute = SUBSTITUTES[points[0]];
		if (substitute !== undefined && points.length === 1) return [...substitute];
		return [MISSING_PLACEHOLDER];
	}

	/** Whether a font has every character of a grapheme. */
	#has(text: string, face: Face): boolean {
		const coverage = this.#coverageOf(face);
		if (coverage.size === 0) return false;
		const extra = face === 'cjk' || face === 'hangul' || face === 'emoji';
		for (const c of text) {
			const code = c.codePointAt(0)!;
			if (!coverage.has(code) || (extra && isPrivate(code))) return false;
		}
		return true;
	}

	#faceFor(unit: Unit, units: Unit[], main: Face): Face {
		if (unit.kind === 'L' && unit.text.length === 1 && this.#coverageOf(main).has(unit.text.charCodeAt(0))) return main;
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
		// Emoji from the emoji font even where the CJK font has a (plainer) glyph too.
		if (EMOJI.test(unit.text) && this.#has(unit.text, 'emoji')) return 'emoji';
		// Korean from the Korean font (the CJK font has only the common syllables, in another style).
		if (HANGUL.test(unit.text) && this.#has(unit.text, 'hangul')) return 'hangul';
		if (this.#has(unit.text, 'cjk')) return 'cjk';
		if (this.#has(unit.text, 'hangul')) return 'hangul';
		if (this.#has(unit.text, 'emoji')) return 'emoji';
		return main;
	}

	#unitWidth(text: string, face: Face): number {
		const cache = this.#widths.get(face)!;
		let width = cache.get(text);
		if (width === undefined) {
			this.#use(face);
			width = this.#doc.getStringUnitWidth(this.#encode(text, face)) / this.#scale;
			cache.set(text, width);
		}
		return width;
	}
}

const isMainFace = (face: Face) => face === 'regular' || face === 'bold';

/** The level of a grapheme: that of its first character that is drawn (a control before a
 * letter in the same grapheme carries its own level). */
function firstVisibleLevel(grapheme: string, at: number, levels: Uint8Array): number {
	let offset = at;
	for (const c of grapheme) {
		if (!isIgnorable(c)) return levels[offset];
		offset += c.length;
	}
	return levels[at];
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

/** The strong right-to-left letter next to a neutral: the one before it, else the one after. */
function nearestRightToLeft(units: Unit[], index: number): Unit | undefined {
	const strong = (u: Unit) => u.kind === 'L' || u.kind === 'R';
	const before = units.slice(0, index).findLast(strong);
	if (before?.kind === 'R') return before;
	const after = units.slice(index + 1).find(strong);
	return after?.kind === 'R' ? after : undefined;
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
		if (word.length === 0 && words.length > 0 && CJK_CLOSING.test(unit.text)) {
			// Closing punctuation stays at the end of the line before.
			words[words.length - 1].push(unit);
			continue;
		}
		if (!isSpace && word.length > 0 && word[word.length - 1].kind === 'WS') {
			words.push(word);
			word = [];
		}
		word.push(unit);
		if (CJK_BREAK.test(unit.text) && !CJK_CLOSING.test(unit.text)) {
			words.push(word);
			word = [];
		}
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
		const text =
			unitRtl && unit.text.length === 1 && MIRRORED.test(unit.text)
				? (bidi.getMirroredCharacter(unit.text) ?? unit.text)
				: unit.text;
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
