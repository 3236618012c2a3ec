/**
 * Which characters a TrueType font has glyphs for, read from its `cmap` table. jsPDF draws a
 * character the font lacks as nothing at all — silently — so the PDF text shaper asks this before
 * it draws and puts a visible placeholder in its place instead.
 *
 * Reads the Unicode subtables of format 4 (the Basic Multilingual Plane, which is all the bundled
 * Noto fonts carry) and format 12 (full range, for fonts that have one).
 */

export type Coverage = ReadonlySet<number>;

const cache = new WeakMap<ArrayBuffer, Coverage>();
const astralCache = new WeakMap<ArrayBuffer, ReadonlyMap<number, number>>();

/** Glyph ids of the characters beyond U+FFFF (emoji, rare Han), from the format 12 subtable:
 * jsPDF reads only the 16-bit table, so these are mapped by `pdf-astral.ts`. Cached per buffer. */
export function astralGlyphs(bytes: ArrayBuffer): ReadonlyMap<number, number> {
	let found = astralCache.get(bytes);
	if (!found) {
		const out = new Map<number, number>();
		const view = new DataView(bytes);
		const cmap = tableOffset(view, 'cmap');
		if (cmap !== null) {
			const subtables = view.getUint16(cmap + 2);
			for (let i = 0; i < subtables; i++) {
				const at = cmap + view.getUint32(cmap + 8 + i * 8);
				if (view.getUint16(at) === 12) readFormat12(view, at, new Set(), out);
			}
		}
		found = out;
		astralCache.set(bytes, found);
	}
	return found;
}

/** The code points that map to a real glyph (not glyph 0, `.notdef`). Cached per font buffer. */
export function fontCoverage(bytes: ArrayBuffer): Coverage {
	let found = cache.get(bytes);
	if (!found) {
		found = readCoverage(new DataView(bytes));
		cache.set(bytes, found);
	}
	return found;
}

function tableOffset(view: DataView, wanted: string): number | null {
	const count = view.getUint16(4);
	for (let i = 0; i < count; i++) {
		const record = 12 + i * 16;
		let tag = '';
		for (let k = 0; k < 4; k++) tag += String.fromCharCode(view.getUint8(record + k));
		if (tag === wanted) return view.getUint32(record + 8);
	}
	return null;
}

function readCoverage(view: DataView): Coverage {
	const out = new Set<number>();
	const cmap = tableOffset(view, 'cmap');
	if (cmap === null) return out;
	const subtables = view.getUint16(cmap + 2);
	for (let i = 0; i < subtables; i++) {
		const platform = view.getUint16(cmap + 4 + i * 8);
		const encoding = view.getUint16(cmap + 6 + i * 8);
		// Unicode platform, or Windows with Unicode BMP (1) / full repertoire (10).
		if (!(platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))) continue;
		const at = cmap + view.getUint32(cmap + 8 + i * 8);
		const format = view.getUint16(at);
		if (format === 4) readFormat4(view, at, out);
		else if (format === 12) readFormat12(view, at, out);
	}
	return out;
}

function readFormat4(view: DataView, at: number, out: Set<number>): void {
	const segments = view.getUint16(at + 6) / 2;
	const ends = at + 14;
	const starts = ends + segments * 2 + 2;
	const deltas = starts + segments * 2;
	const rangeOffsets = deltas + segments * 2;
	for (let s = 0; s < segments; s++) {
		const end = view.getUint16(ends + s * 2);
		const start = view.getUint16(starts + s * 2);
		const delta = view.getInt16(deltas + s * 2);
		const rangeOffset = view.getUint16(rangeOffsets + s * 2);
		for (let code = start; code <= end && code !== 0xffff; code++) {
			let glyph: number;
			if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
			else {
				const address = rangeOffsets + s * 2 + rangeOffset + (code - start) * 2;
				glyph = view.getUint16(address);
				if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
			}
			if (glyph !== 0) out.add(code);
		}
	}
}

function readFormat12(view: DataView, at: number, out: Set<number>, astral?: Map<number, number>): void {
	const groups = view.getUint32(at + 12);
	for (let g = 0; g < groups; g++) {
		const group = at + 16 + g * 12;
		const start = view.getUint32(group);
		const end = view.getUint32(group + 4);
		const firstGlyph = view.getUint32(group + 8);
		// A group is a contiguous run of glyphs; guard against absurd ranges in a damaged font.
		for (let code = start; code <= end && code - start < 0x10000; code++) {
			const glyph = firstGlyph + (code - start);
			if (glyph === 0) continue;
			out.add(code);
			if (astral && code > 0xffff) astral.set(code, glyph);
		}
	}
}
