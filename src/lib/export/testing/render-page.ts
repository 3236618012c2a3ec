/**
 * Renders one PDF page to a greyscale bitmap with poppler's `pdftoppm` (see
 * scripts/ensure-poppler.ts), and compares two bitmaps with a tolerance: fonts rasterise a little
 * differently between poppler versions, so a test asks that almost every pixel agrees, not all.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';

export function renderPage(pdf: ArrayBuffer, page: number, dpi = 50): PNG {
	const dir = mkdtempSync(join(tmpdir(), 'kohtaamo-page-'));
	try {
		writeFileSync(join(dir, 'in.pdf'), new Uint8Array(pdf));
		execFileSync('pdftoppm', [
			'-gray',
			'-png',
			'-r',
			String(dpi),
			'-f',
			String(page),
			'-l',
			String(page),
			'-singlefile',
			join(dir, 'in.pdf'),
			join(dir, 'out')
		]);
		return PNG.sync.read(readFileSync(join(dir, 'out.png')));
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** Share of pixels (0…1) whose grey level differs by more than `threshold` (0…255). Images of
 * different sizes differ entirely. */
export function pixelDifference(a: PNG, b: PNG, threshold = 64): number {
	if (a.width !== b.width || a.height !== b.height) return 1;
	let differing = 0;
	for (let i = 0; i < a.data.length; i += 4) if (Math.abs(a.data[i] - b.data[i]) > threshold) differing++;
	return differing / (a.width * a.height);
}
