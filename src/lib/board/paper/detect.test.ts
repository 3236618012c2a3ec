import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { detectNotes, type Box } from './detect';

const DIR = 'tests/fixtures/paper-notes';
const expected: { file: string; hard: string; boxes: Box[] }[] = JSON.parse(
	readFileSync(`${DIR}/expected.json`, 'utf8')
);

function iou(a: Box, b: Box): number {
	const x = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
	const y = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
	const inter = x * y;
	return inter / (a.width * a.height + b.width * b.height - inter);
}

/** Greedy one-to-one matching at IoU ≥ 0.5: a note counts as found once, by one detection. */
function score(found: Box[], truth: Box[]) {
	const used = new Set<number>();
	let hits = 0;
	for (const t of truth) {
		let best = -1;
		let bestIou = 0.5;
		found.forEach((f, i) => {
			const v = iou(f, t);
			if (!used.has(i) && v >= bestIou) {
				best = i;
				bestIou = v;
			}
		});
		if (best >= 0) {
			used.add(best);
			hits++;
		}
	}
	return { hits, falses: found.length - used.size };
}

describe('detectNotes over the generated photos', () => {
	const results = expected.map((photo) => {
		const png = PNG.sync.read(readFileSync(`${DIR}/${photo.file}`));
		const found = detectNotes({ width: png.width, height: png.height, data: png.data });
		return {
			photo,
			...score(
				found.map((f) => f.box),
				photo.boxes
			)
		};
	});

	it('has at least 15 photos, hard cases included', () => {
		expect(expected.length).toBeGreaterThanOrEqual(15);
		for (const hard of ['touching', 'pale yellow', 'glare', 'shadow', 'perspective', 'rotat', 'clutter'])
			expect(expected.some((p) => p.hard.includes(hard))).toBe(true);
	});

	it('finds at least 90 % of the notes overall', () => {
		const hits = results.reduce((s, r) => s + r.hits, 0);
		const total = expected.reduce((s, p) => s + p.boxes.length, 0);
		expect(hits / total).toBeGreaterThanOrEqual(0.9);
	});

	it.each(results.map((r) => [r.photo.file, r] as const))('%s: at most one false note', (_file, r) => {
		expect(r.falses).toBeLessThanOrEqual(1);
	});

	it('finds nothing on an empty wall', () => {
		const data = new Uint8ClampedArray(200 * 150 * 4).fill(235);
		expect(detectNotes({ width: 200, height: 150, data })).toEqual([]);
	});
});
