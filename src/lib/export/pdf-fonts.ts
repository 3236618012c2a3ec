/**
 * Unicode fonts for the PDFs. jsPDF's standard fonts are WinAnsi: one character outside Latin-1
 * garbles a whole line, so every PDF embeds Noto Sans (Latin, Cyrillic, Greek) — jsPDF subsets it
 * to the glyphs used — plus Hebrew and Arabic faces for right-to-left notes. The caller supplies
 * the bytes (fetched from the app's static files in the browser, read from disk in tests).
 */
import type { jsPDF } from 'jspdf';

export const FONT_FILES = {
	regular: 'NotoSans-Regular.ttf',
	bold: 'NotoSans-Bold.ttf',
	hebrew: 'NotoSansHebrew-Regular.ttf',
	arabic: 'NotoSansArabic-Regular.ttf'
} as const;

export type FontName = keyof typeof FONT_FILES;
export type FontBytes = Record<FontName, ArrayBuffer>;
export type FontLoader = (file: string) => Promise<ArrayBuffer>;

export const FAMILY = 'NotoSans';
export const HEBREW = 'NotoSansHebrew';
export const ARABIC = 'NotoSansArabic';

let cache: Promise<FontBytes> | undefined;

export function loadFonts(load: FontLoader): Promise<FontBytes> {
	cache ??= Promise.all(
		(Object.keys(FONT_FILES) as FontName[]).map(async (name) => [name, await load(FONT_FILES[name])] as const)
	).then((entries) => Object.fromEntries(entries) as FontBytes);
	cache.catch(() => (cache = undefined));
	return cache;
}

function toBinaryString(bytes: ArrayBuffer): string {
	const view = new Uint8Array(bytes);
	const parts: string[] = [];
	// `apply` over 8 KiB chunks: spreading 32 KiB arguments was ~30× slower (0.8 s for the four
	// fonts), most of a summary's export time.
	for (let i = 0; i < view.length; i += 0x2000)
		parts.push(String.fromCharCode.apply(null, view.subarray(i, i + 0x2000) as unknown as number[]));
	return parts.join('');
}

const FACES: Record<FontName, [family: string, style: string]> = {
	regular: [FAMILY, 'normal'],
	bold: [FAMILY, 'bold'],
	hebrew: [HEBREW, 'normal'],
	arabic: [ARABIC, 'normal']
};

/** Registers one font with a document (parsing a font takes time: the PDF summary registers the
 * right-to-left faces only when a note needs them). */
export function registerFont(doc: jsPDF, fonts: FontBytes, name: FontName): void {
	doc.addFileToVFS(FONT_FILES[name], toBinaryString(fonts[name]));
	doc.addFont(FONT_FILES[name], ...FACES[name], 'Identity-H');
}

/** Registers the fonts with a document and selects the regular face. */
export function registerFonts(
	doc: jsPDF,
	fonts: FontBytes,
	names: FontName[] = ['regular', 'bold', 'hebrew', 'arabic']
): void {
	for (const name of names) registerFont(doc, fonts, name);
	doc.setFont(FAMILY, 'normal');
}
