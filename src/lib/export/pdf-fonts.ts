/**
 * Unicode fonts for the PDFs. jsPDF's standard fonts are WinAnsi: one character outside Latin-1
 * garbles a whole line, so every PDF embeds Noto Sans (Latin, Cyrillic, Greek) — jsPDF subsets it
 * to the glyphs used — plus Hebrew and Arabic faces for right-to-left notes. The caller supplies
 * the bytes (fetched from the app's static files in the browser, read from disk in tests).
 *
 * Two more faces are large and loaded only when a summary's text needs them, on the facilitator's
 * device at export (their files are named `pdf-*` so that no participant's download includes
 * them): Droid Sans Fallback (Apache 2.0) for Chinese and Japanese, Nanum Gothic (OFL) for Korean
 * (Droid's Hangul covers only the common syllables), and Symbola (free for any use) for emoji,
 * monochrome. All have TrueType outlines, which is all jsPDF can embed, and jsPDF subsets them at export to
 * the glyphs a summary uses, so any character works and the PDF stays small.
 */
import type { jsPDF } from 'jspdf';
import { useFastDirectory } from './pdf-font-directory';

export const FONT_FILES = {
	regular: 'NotoSans-Regular.ttf',
	bold: 'NotoSans-Bold.ttf',
	hebrew: 'NotoSansHebrew-Regular.ttf',
	arabic: 'NotoSansArabic-Regular.ttf'
} as const;

/** Faces loaded only when a text needs them (see the module comment). */
export const EXTRA_FONT_FILES = {
	cjk: 'pdf-cjk-DroidSansFallbackFull.ttf',
	hangul: 'pdf-korean-NanumGothic.ttf',
	emoji: 'pdf-emoji-Symbola.ttf'
} as const;

export type BaseFontName = keyof typeof FONT_FILES;
export type ExtraFontName = keyof typeof EXTRA_FONT_FILES;
export type FontName = BaseFontName | ExtraFontName;
/** The four base faces always; the extra faces once loaded. */
export type FontBytes = Record<BaseFontName, ArrayBuffer> & Partial<Record<ExtraFontName, ArrayBuffer>>;
export type FontLoader = (file: string) => Promise<ArrayBuffer>;

export const FAMILY = 'NotoSans';
export const HEBREW = 'NotoSansHebrew';
export const ARABIC = 'NotoSansArabic';
export const CJK = 'DroidSansFallback';
export const HANGUL = 'NanumGothic';
export const EMOJI = 'Symbola';

let cache: Promise<FontBytes> | undefined;

export function loadFonts(load: FontLoader): Promise<FontBytes> {
	cache ??= Promise.all(
		(Object.keys(FONT_FILES) as BaseFontName[]).map(async (name) => [name, await load(FONT_FILES[name])] as const)
	).then((entries) => Object.fromEntries(entries) as FontBytes);
	cache.catch(() => (cache = undefined));
	return cache;
}

const extraCache = new Map<ExtraFontName, Promise<ArrayBuffer>>();

/** The base fonts with the extra faces a text needs added (each fetched once per page). */
export async function withExtraFonts(
	fonts: FontBytes,
	needed: readonly ExtraFontName[],
	load: FontLoader
): Promise<FontBytes> {
	const out: FontBytes = { ...fonts };
	for (const name of needed) {
		if (out[name]) continue;
		let pending = extraCache.get(name);
		if (!pending) {
			pending = load(EXTRA_FONT_FILES[name]);
			extraCache.set(name, pending);
			pending.catch(() => extraCache.delete(name));
		}
		out[name] = await pending;
	}
	return out;
}

const CJK_TEXT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u;
const HANGUL_TEXT = /\p{Script=Hangul}/u;
const EMOJI_TEXT = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

/** Which extra faces some text needs: asked before a summary is typeset, so that a workshop
 * without Chinese or emoji never downloads those fonts. */
export function extraFontsFor(texts: Iterable<string>): ExtraFontName[] {
	const found = new Set<ExtraFontName>();
	for (const text of texts) {
		if (CJK_TEXT.test(text)) found.add('cjk');
		if (HANGUL_TEXT.test(text)) found.add('hangul');
		if (EMOJI_TEXT.test(text)) found.add('emoji');
	}
	return (Object.keys(EXTRA_FONT_FILES) as ExtraFontName[]).filter((name) => found.has(name));
}

const binaryStrings = new WeakMap<ArrayBuffer, string>();

/** The font as jsPDF's virtual file system takes it, made once per font buffer (each export
 * registers the fonts with a new document). */
function toBinaryString(bytes: ArrayBuffer): string {
	let found = binaryStrings.get(bytes);
	if (found === undefined) {
		found = binaryString(bytes);
		binaryStrings.set(bytes, found);
	}
	return found;
}

function binaryString(bytes: ArrayBuffer): string {
	const view = new Uint8Array(bytes);
	const parts: string[] = [];
	// `apply` over 8 KiB chunks: spreading 32 KiB arguments was ~30× slower (0.8 s for the four
	// fonts), most of a summary's export time.
	for (let i = 0; i < view.length; i += 0x2000)
		parts.push(String.fromCharCode.apply(null, view.subarray(i, i + 0x2000) as unknown as number[]));
	return parts.join('');
}

export const FACES: Record<FontName, [family: string, style: string]> = {
	regular: [FAMILY, 'normal'],
	bold: [FAMILY, 'bold'],
	hebrew: [HEBREW, 'normal'],
	arabic: [ARABIC, 'normal'],
	cjk: [CJK, 'normal'],
	hangul: [HANGUL, 'normal'],
	emoji: [EMOJI, 'normal']
};

const fileOf = (name: FontName): string =>
	name in EXTRA_FONT_FILES ? EXTRA_FONT_FILES[name as ExtraFontName] : FONT_FILES[name as BaseFontName];

/** Registers one font with a document (parsing a font takes time: the PDF summary registers the
 * right-to-left and extra faces only when a note needs them). */
export function registerFont(doc: jsPDF, fonts: FontBytes, name: FontName): void {
	const bytes = fonts[name];
	if (!bytes) throw new Error(`font ${name} is not loaded`);
	doc.addFileToVFS(fileOf(name), toBinaryString(bytes));
	doc.addFont(fileOf(name), ...FACES[name], 'Identity-H');
	// jsPDF's types know `getFont()` only without arguments (the current font).
	const getFont = doc.getFont as (this: jsPDF, family: string, style: string) => { metadata?: object };
	const font = getFont.call(doc, ...FACES[name]);
	if (font.metadata) useFastDirectory(font.metadata);
}

/** Registers the fonts with a document and selects the regular face. */
export function registerFonts(
	doc: jsPDF,
	fonts: FontBytes,
	names: BaseFontName[] = ['regular', 'bold', 'hebrew', 'arabic']
): void {
	for (const name of names) registerFont(doc, fonts, name);
	doc.setFont(FAMILY, 'normal');
}
