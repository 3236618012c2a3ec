/**
 * A faster assembly of the font subsets jsPDF embeds. jsPDF writes each subset's TrueType file in
 * `Directory.encode` by concatenating plain arrays table by table (`concat` copies the whole file
 * so far for every table), checksumming copies of them and writing every byte through a method
 * call. For the 500-note summary's four fonts (about 90 KB each: jsPDF keeps the full `hmtx`,
 * `loca`, `post` and `cmap` tables) this was the heaviest single step of the first export in a
 * fresh page (a CPU profile at 4× throttling: about an eighth of the export).
 *
 * `encodeDirectory` does the same computation over one typed array and returns the same bytes —
 * same table order, offsets, padding, table checksums and `checkSumAdjustment` — so the PDF is
 * unchanged (the export tests compare the file byte for byte with jsPDF's own encoding).
 */

/** The parts of jsPDF's font directory (its `Directory` class, not in jsPDF's types) used here. */
interface Directory {
	scalarType: number;
	encode(tables: Record<string, ArrayLike<number>>): ArrayLike<number>;
}

/** Sum of the big-endian 32-bit words of `bytes[start, end)`, the end padded with zeros. */
function wordSum(bytes: Uint8Array, start: number, end: number): number {
	let sum = 0;
	let i = start;
	for (; i + 4 <= end; i += 4)
		sum += bytes[i] * 0x1000000 + ((bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3]);
	if (i < end) {
		let last = 0;
		for (let k = 0; k < 4; k++) last = last * 256 + (i + k < end ? bytes[i + k] : 0);
		sum += last;
	}
	return sum;
}

/** jsPDF's `Directory.prototype.encode`, over a typed array. */
export function encodeDirectory(this: Directory, tables: Record<string, ArrayLike<number>>): Uint8Array {
	const tags = Object.keys(tables);
	const count = tags.length;
	// jsPDF's header values, including its unusual entrySelector, for identical bytes.
	const searchRange = Math.floor(Math.log(count) / Math.log(2)) * 16;
	const entrySelector = Math.floor(searchRange / Math.log(2));
	const rangeShift = count * 16 - searchRange;
	let size = 12 + count * 16;
	for (const tag of tags) size += Math.ceil(tables[tag].length / 4) * 4;
	const out = new Uint8Array(size);
	const view = new DataView(out.buffer);
	view.setUint32(0, this.scalarType >>> 0);
	view.setUint16(4, count & 0xffff);
	view.setUint16(6, searchRange & 0xffff);
	view.setUint16(8, entrySelector & 0xffff);
	view.setUint16(10, rangeShift & 0xffff);
	let record = 12;
	let offset = 12 + count * 16;
	let headOffset = 0;
	for (const tag of tags) {
		const table = tables[tag];
		out.set(table, offset);
		for (let k = 0; k < 4; k++) out[record + k] = tag.charCodeAt(k);
		view.setUint32(record + 4, wordSum(out, offset, offset + table.length) >>> 0);
		view.setUint32(record + 8, offset);
		view.setUint32(record + 12, table.length);
		if (tag === 'head') headOffset = offset;
		record += 16;
		offset += Math.ceil(table.length / 4) * 4;
	}
	const sum = wordSum(out, 0, size) & 0xffffffff;
	view.setUint32(headOffset + 8, (0xb1b0afba - sum) >>> 0);
	return out;
}

const patched = new WeakSet<object>();

/** Makes jsPDF encode this font's subset with `encodeDirectory` (and every font's: the class is
 * shared). `font` is jsPDF's parsed TrueType font (`font.metadata` of a registered font). */
export function useFastDirectory(font: { directory?: Directory }): void {
	const prototype = font.directory && (Object.getPrototypeOf(font.directory) as Directory);
	if (!prototype || patched.has(prototype)) return;
	prototype.encode = encodeDirectory;
	patched.add(prototype);
}
