/**
 * Test helpers: the bundled fonts read from disk, and a PDF read back through pdf.js the way a
 * reader's text layer sees it (per page, items in content order, line ends as newlines).
 */
import { readFileSync } from 'node:fs';
import type { FontBytes, FontLoader } from '../pdf-fonts';
import { FONT_FILES } from '../pdf-fonts';

const FONT_DIR = new URL('../../../../static/fonts/', import.meta.url);

export function diskFonts(): FontBytes {
	const read = (file: string) => {
		const bytes = readFileSync(new URL(file, FONT_DIR));
		return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
	};
	return {
		regular: read(FONT_FILES.regular),
		bold: read(FONT_FILES.bold),
		hebrew: read(FONT_FILES.hebrew),
		arabic: read(FONT_FILES.arabic)
	};
}

/** Loads the extra (CJK, emoji) fonts from disk, as the app fetches them. */
export const diskFontLoader: FontLoader = async (file) => {
	const bytes = readFileSync(new URL(file, FONT_DIR));
	return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
};

export interface PdfContent {
	pages: string[];
	info: Record<string, unknown>;
}

export async function readPdf(bytes: ArrayBuffer | Uint8Array): Promise<PdfContent> {
	const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
	const task = pdfjs.getDocument({
		data: new Uint8Array(data),
		isEvalSupported: false,
		disableFontFace: true,
		useSystemFonts: false,
		verbosity: 0
	});
	const pdf = await task.promise;
	const pages: string[] = [];
	for (let n = 1; n <= pdf.numPages; n++) {
		const page = await pdf.getPage(n);
		const content = await page.getTextContent();
		let text = '';
		for (const item of content.items) {
			if (!('str' in item)) continue;
			text += item.str;
			if (item.hasEOL) text += '\n';
		}
		pages.push(text);
	}
	const { info } = await pdf.getMetadata();
	await task.destroy();
	return { pages, info: info as Record<string, unknown> };
}

/** Whitespace collapsed and compatibility forms folded (Arabic presentation forms → letters). */
export const normalise = (text: string): string => text.normalize('NFKC').replace(/\s+/g, ' ').trim();
