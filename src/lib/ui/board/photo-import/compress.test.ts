import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { compressUnder, type Encode } from './compress';

/** A real encoder over a real photo: the generated photo scaled (nearest pixel) and written as PNG,
 * whose size falls with the scale as a JPEG's does (PNG has no quality: each scale's four tries are equal). */
const photo = PNG.sync.read(readFileSync('tests/fixtures/paper-notes/02-mixed-colours.png'));
const tried: [number, number][] = [];
const encode: Encode = async (scale, quality) => {
	tried.push([scale, quality]);
	const width = Math.max(1, Math.round(photo.width * scale));
	const height = Math.max(1, Math.round(photo.height * scale));
	const out = new PNG({ width, height });
	for (let y = 0; y < height; y++)
		for (let x = 0; x < width; x++) {
			const from = (Math.floor(y / scale) * photo.width + Math.floor(x / scale)) * 4;
			photo.data.copy(out.data, (y * width + x) * 4, from, from + 4);
		}
	return new Uint8Array(PNG.sync.write(out));
};

describe('compressUnder', () => {
	const full = encode(1, 1);

	it('keeps the best encoding when it already fits', async () => {
		tried.length = 0;
		const size = (await full).byteLength;
		expect((await compressUnder(encode, size))?.byteLength).toBe(size);
		expect(tried).toEqual([[1, 0.82]]);
	});

	it('lowers the quality first, then the size, until the bytes fit', async () => {
		const size = (await full).byteLength;
		tried.length = 0;
		const bytes = await compressUnder(encode, size - 1);
		expect(bytes).not.toBeNull();
		expect(bytes!.byteLength).toBeLessThan(size);
		expect(tried.slice(0, 5)).toEqual([
			[1, 0.82],
			[1, 0.7],
			[1, 0.58],
			[1, 0.46],
			[0.75, 0.82]
		]);
	});

	it('gives up, with null, when nothing fits', async () => {
		expect(await compressUnder(encode, 10)).toBeNull();
	});
});
