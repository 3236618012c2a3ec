import { jsPDF } from 'jspdf';
import { describe, expect, it } from 'vitest';
import { encodeDirectory } from './pdf-font-directory';
import { FONT_FILES, type BaseFontName } from './pdf-fonts';
import { diskFonts } from './testing/pdf-reader';

interface Directory {
	scalarType: number;
	encode(tables: Record<string, ArrayLike<number>>): ArrayLike<number>;
}
interface ParsedFont {
	directory: Directory;
	glyIdsUsed: number[];
	subset: { encode(glyphs: number[], indexToLocFormat: number): ArrayLike<number> };
}

/** A font registered the way jsPDF does it by itself (without `registerFont`, which swaps in
 * `encodeDirectory`), with `text` drawn in it. */
function drawn(name: BaseFontName, text: string): ParsedFont {
	const bytes = new Uint8Array(diskFonts()[name]);
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x2000)
		binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x2000) as unknown as number[]);
	const doc = new jsPDF({ unit: 'mm', format: 'a4' });
	doc.addFileToVFS(FONT_FILES[name], binary);
	doc.addFont(FONT_FILES[name], name, 'normal', 'Identity-H');
	doc.setFont(name, 'normal');
	doc.text(text, 10, 10);
	return (doc.getFont() as unknown as { metadata: ParsedFont }).metadata;
}

describe('encodeDirectory', () => {
	it.each([
		['regular', 'Åsa Öhman: ääkkösiä — Женя, Ελένη 0123456789 «fi» ﬁ'],
		['bold', 'Kävijän polku (3.) äö'],
		['hebrew', 'שלום עולם'],
		['arabic', 'مرحبا بالعالم']
	] as const)('writes the same %s subset, byte for byte, as jsPDF', (name, text) => {
		const font = drawn(name, text);
		const directory = Object.getPrototypeOf(font.directory) as Directory;
		const original = directory.encode;
		let captured: { tables: Record<string, ArrayLike<number>>; bytes: number[] } | null = null;
		directory.encode = function (this: Directory, tables) {
			const bytes = Array.from(original.call(this, tables));
			captured = { tables, bytes };
			return bytes;
		};
		try {
			font.subset.encode(font.glyIdsUsed, 1);
		} finally {
			directory.encode = original;
		}
		const { tables, bytes } = captured!;
		expect(Object.keys(tables)).toContain('glyf');
		const ours = encodeDirectory.call(font.directory, tables);
		expect(ours).toBeInstanceOf(Uint8Array);
		expect(ours.length).toBe(bytes.length);
		expect(Array.from(ours)).toEqual(bytes);
	});

	it('pads tables whose length is not a multiple of four, as jsPDF does', () => {
		const font = drawn('regular', 'a');
		const tables = { head: new Array(54).fill(7), name: [1, 2, 3], glyf: [255, 255, 255, 255, 255] };
		const theirs = Array.from(font.directory.encode(tables));
		expect(Array.from(encodeDirectory.call(font.directory, tables))).toEqual(theirs);
	});
});
