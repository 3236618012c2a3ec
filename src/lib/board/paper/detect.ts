/**
 * Finds paper sticky notes in a photo, on the device: no cloud, no model. A pure function over
 * `{width, height, data}` (the shape of the browser's `ImageData`), so the import dialog runs it on
 * a canvas and the unit tests run it in Node over the generated photos in
 * tests/fixtures/paper-notes/.
 *
 * How: notes are coloured paper on a wall or table that is not. We estimate the background's
 * chromaticity (colour with brightness divided out) from the photo's border, so shadows and uneven
 * lighting — which scale brightness, not hue — do not matter, and mark pixels whose chromaticity
 * differs. Touching notes of one colour stay apart because paper edges leave a thin seam of wall
 * or shadow between them (4-connected labelling keeps a one-pixel seam). Glare washes a spot out of
 * a note; holes are filled. What remains is judged by shape: a note is a filled quadrilateral of
 * moderate aspect, which rules out pens, tape, cups and phones.
 */

export interface ImageLike {
	width: number;
	height: number;
	/** RGBA bytes, row by row. */
	data: ArrayLike<number>;
}

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface DetectedNote {
	/** Axis-aligned box in the photo's pixels: what the import crops. */
	box: Box;
	/** Mean colour of the note's paper. */
	color: [number, number, number];
}

/** The working size: photos are scaled down to this longest side before analysis. */
const WORK_SIZE = 480;
/** How far a pixel's chromaticity must be from the background's (sum of |Δ| over r, g, b). */
const CHROMA_THRESHOLD = 0.045;
/** Darker than this (R+G+B) is ink, phones and deep shadow: never paper on its own. */
const DARK_LIMIT = 110;
const MIN_FILL = 0.85;
const MAX_ASPECT = 2.2;

export function detectNotes(image: ImageLike): DetectedNote[] {
	const scale = Math.max(1, Math.ceil(Math.max(image.width, image.height) / WORK_SIZE));
	const w = Math.floor(image.width / scale);
	const h = Math.floor(image.height / scale);
	if (w < 8 || h < 8) return [];
	const rgb = downscale(image, scale, w, h);

	const bg = borderChromaticity(rgb, w, h);
	const mask = new Uint8Array(w * h);
	for (let i = 0; i < w * h; i++) {
		const r = rgb[i * 3];
		const g = rgb[i * 3 + 1];
		const b = rgb[i * 3 + 2];
		const sum = r + g + b;
		if (sum < DARK_LIMIT) continue;
		const d = Math.abs(r / sum - bg[0]) + Math.abs(g / sum - bg[1]) + Math.abs(b / sum - bg[2]);
		if (d > CHROMA_THRESHOLD) mask[i] = 1;
	}
	fillHoles(mask, w, h);

	const labels = new Int32Array(w * h).fill(-1);
	const found: DetectedNote[] = [];
	const minArea = w * h * 0.0015;
	const maxArea = w * h * 0.3;
	const stack: number[] = [];
	for (let start = 0; start < w * h; start++) {
		if (!mask[start] || labels[start] >= 0) continue;
		const pixels: number[] = [];
		labels[start] = start;
		stack.push(start);
		while (stack.length) {
			const p = stack.pop()!;
			pixels.push(p);
			const x = p % w;
			const y = (p - x) / w;
			for (const q of [x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1, y < h - 1 ? p + w : -1]) {
				if (q >= 0 && mask[q] && labels[q] < 0) {
					labels[q] = start;
					stack.push(q);
				}
			}
		}
		if (pixels.length < minArea || pixels.length > maxArea) continue;
		const shape = orientedRect(pixels, labels, start, w, h);
		if (pixels.length / shape.area < MIN_FILL) continue;
		if (shape.long / shape.short > MAX_ASPECT) continue;
		let minX = w;
		let minY = h;
		let maxX = 0;
		let maxY = 0;
		const sum = [0, 0, 0];
		for (const p of pixels) {
			const x = p % w;
			const y = (p - x) / w;
			minX = Math.min(minX, x);
			maxX = Math.max(maxX, x);
			minY = Math.min(minY, y);
			maxY = Math.max(maxY, y);
			for (let c = 0; c < 3; c++) sum[c] += rgb[p * 3 + c];
		}
		found.push({
			box: {
				x: minX * scale,
				y: minY * scale,
				width: Math.min(image.width - minX * scale, (maxX - minX + 1) * scale),
				height: Math.min(image.height - minY * scale, (maxY - minY + 1) * scale)
			},
			color: sum.map((s) => Math.round(s / pixels.length)) as [number, number, number]
		});
	}
	// Reading order (rows, then left to right) so the import keeps the wall's arrangement.
	return found.sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
}

function downscale(image: ImageLike, scale: number, w: number, h: number): Float32Array {
	const out = new Float32Array(w * h * 3);
	const n = scale * scale;
	for (let y = 0; y < h; y++)
		for (let x = 0; x < w; x++) {
			let r = 0;
			let g = 0;
			let b = 0;
			for (let dy = 0; dy < scale; dy++)
				for (let dx = 0; dx < scale; dx++) {
					const i = ((y * scale + dy) * image.width + x * scale + dx) * 4;
					r += image.data[i];
					g += image.data[i + 1];
					b += image.data[i + 2];
				}
			const o = (y * w + x) * 3;
			out[o] = r / n;
			out[o + 1] = g / n;
			out[o + 2] = b / n;
		}
	return out;
}

/** The median chromaticity of the photo's outer band: notes are rarely cut by every edge. */
function borderChromaticity(rgb: Float32Array, w: number, h: number): [number, number, number] {
	const rs: number[] = [];
	const gs: number[] = [];
	const band = Math.max(2, Math.round(Math.min(w, h) * 0.03));
	for (let y = 0; y < h; y++)
		for (let x = 0; x < w; x++) {
			if (x >= band && x < w - band && y >= band && y < h - band) continue;
			const i = (y * w + x) * 3;
			const sum = rgb[i] + rgb[i + 1] + rgb[i + 2];
			if (sum < DARK_LIMIT) continue;
			rs.push(rgb[i] / sum);
			gs.push(rgb[i + 1] / sum);
		}
	const median = (v: number[]) => (v.length ? v.sort((a, b) => a - b)[v.length >> 1] : 1 / 3);
	const r = median(rs);
	const g = median(gs);
	return [r, g, 1 - r - g];
}

/** Background regions that do not reach the photo's edge are holes (glare, ink): fill them. */
function fillHoles(mask: Uint8Array, w: number, h: number): void {
	const outside = new Uint8Array(w * h);
	const stack: number[] = [];
	const push = (p: number) => {
		if (!mask[p] && !outside[p]) {
			outside[p] = 1;
			stack.push(p);
		}
	};
	for (let x = 0; x < w; x++) {
		push(x);
		push((h - 1) * w + x);
	}
	for (let y = 0; y < h; y++) {
		push(y * w);
		push(y * w + w - 1);
	}
	while (stack.length) {
		const p = stack.pop()!;
		const x = p % w;
		const y = (p - x) / w;
		if (x > 0) push(p - 1);
		if (x < w - 1) push(p + 1);
		if (y > 0) push(p - w);
		if (y < h - 1) push(p + w);
	}
	for (let i = 0; i < w * h; i++) if (!outside[i]) mask[i] = 1;
}

/** The smallest rectangle at any angle around a component, from its boundary pixels. */
function orientedRect(pixels: number[], labels: Int32Array, label: number, w: number, h: number) {
	const edge: [number, number][] = [];
	for (const p of pixels) {
		const x = p % w;
		const y = (p - x) / w;
		if (
			x === 0 ||
			y === 0 ||
			x === w - 1 ||
			y === h - 1 ||
			labels[p - 1] !== label ||
			labels[p + 1] !== label ||
			labels[p - w] !== label ||
			labels[p + w] !== label
		)
			edge.push([x + 0.5, y + 0.5]);
	}
	let best = { area: Infinity, long: 1, short: 1 };
	for (let deg = 0; deg < 90; deg += 2) {
		const a = (deg * Math.PI) / 180;
		const c = Math.cos(a);
		const s = Math.sin(a);
		let minU = Infinity;
		let maxU = -Infinity;
		let minV = Infinity;
		let maxV = -Infinity;
		for (const [x, y] of edge) {
			const u = x * c + y * s;
			const v = -x * s + y * c;
			if (u < minU) minU = u;
			if (u > maxU) maxU = u;
			if (v < minV) minV = v;
			if (v > maxV) maxV = v;
		}
		const du = maxU - minU + 1;
		const dv = maxV - minV + 1;
		if (du * dv < best.area) best = { area: du * dv, long: Math.max(du, dv), short: Math.min(du, dv) };
	}
	return best;
}
