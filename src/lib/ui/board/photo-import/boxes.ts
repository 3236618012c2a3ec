/**
 * The outlines of the photo import, as the facilitator corrects them: pure functions over boxes in
 * the photo's pixels, so the dialog's pointer and keyboard gestures share one tested set of rules
 * (a box never leaves the photo, never shrinks below a size that can still be grabbed).
 */
import type { Point } from '$lib/board/geometry';
import { NOTE_BACKGROUNDS } from '$lib/board/palette';
import { NOTE_COLORS, type NoteColor } from '$lib/board/types';

export interface EditBox {
	id: number;
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface PhotoSize {
	width: number;
	height: number;
}

export type Corner = 'nw' | 'ne' | 'sw' | 'se';

/** The smallest side of a box, as a share of the photo's shorter side: still a target for a finger. */
export const MIN_SIDE_SHARE = 0.03;

function minSide(photo: PhotoSize): number {
	return Math.max(4, Math.round(Math.min(photo.width, photo.height) * MIN_SIDE_SHARE));
}

/** Keeps a box inside the photo and at least the smallest size, preferring to keep its size. */
export function clampBox(box: EditBox, photo: PhotoSize): EditBox {
	const least = minSide(photo);
	const width = Math.min(photo.width, Math.max(least, Math.round(box.width)));
	const height = Math.min(photo.height, Math.max(least, Math.round(box.height)));
	const x = Math.min(photo.width - width, Math.max(0, Math.round(box.x)));
	const y = Math.min(photo.height - height, Math.max(0, Math.round(box.y)));
	return { id: box.id, x, y, width, height };
}

/** Moves a whole box by (dx, dy), stopping at the photo's edges. */
export function moveBox(box: EditBox, dx: number, dy: number, photo: PhotoSize): EditBox {
	return clampBox({ ...box, x: box.x + dx, y: box.y + dy }, photo);
}

/** Drags one corner by (dx, dy); the opposite corner stays where it is. */
export function dragCorner(box: EditBox, corner: Corner, dx: number, dy: number, photo: PhotoSize): EditBox {
	const least = minSide(photo);
	let left = box.x;
	let top = box.y;
	let right = box.x + box.width;
	let bottom = box.y + box.height;
	if (corner === 'nw' || corner === 'sw') left = Math.max(0, Math.min(right - least, left + dx));
	else right = Math.min(photo.width, Math.max(left + least, right + dx));
	if (corner === 'nw' || corner === 'ne') top = Math.max(0, Math.min(bottom - least, top + dy));
	else bottom = Math.min(photo.height, Math.max(top + least, bottom + dy));
	return clampBox({ id: box.id, x: left, y: top, width: right - left, height: bottom - top }, photo);
}

/** Arrow keys on a selected box: move it, or with `resize` grow and shrink its right and bottom sides. */
export function nudgeBox(box: EditBox, key: string, resize: boolean, step: number, photo: PhotoSize): EditBox | null {
	const arrows: Record<string, [number, number]> = {
		ArrowLeft: [-1, 0],
		ArrowRight: [1, 0],
		ArrowUp: [0, -1],
		ArrowDown: [0, 1]
	};
	const arrow = arrows[key];
	if (!arrow) return null;
	const [dx, dy] = [arrow[0] * step, arrow[1] * step];
	return resize ? dragCorner(box, 'se', dx, dy, photo) : moveBox(box, dx, dy, photo);
}

/** A new box the facilitator adds by hand: the size of the other boxes (or a tenth of the photo),
 * in the middle of the photo, where it is easy to find and then move. */
export function newBox(id: number, others: EditBox[], photo: PhotoSize): EditBox {
	const side =
		others.length > 0
			? Math.round(others.reduce((s, b) => s + (b.width + b.height) / 2, 0) / others.length)
			: Math.round(Math.min(photo.width, photo.height) / 10);
	return clampBox(
		{ id, x: photo.width / 2 - side / 2, y: photo.height / 2 - side / 2, width: side, height: side },
		photo
	);
}

/**
 * Where each box lies among the others, 0…1 across and down, for `addImageNotes`: the notes keep
 * their arrangement and spread over the zone, whatever part of the photo they filled. A single
 * row or column is centred on the other axis.
 */
export function arrangement(boxes: EditBox[]): Point[] {
	const cx = boxes.map((b) => b.x + b.width / 2);
	const cy = boxes.map((b) => b.y + b.height / 2);
	const spread = (values: number[], v: number) => {
		const low = Math.min(...values);
		const high = Math.max(...values);
		// Centres within a box's size of each other are one row (or column): not spread apart.
		const size = Math.max(...boxes.map((b) => Math.max(b.width, b.height)));
		return high - low < size / 2 ? 0.5 : (v - low) / (high - low);
	};
	return boxes.map((_, i) => ({ x: spread(cx, cx[i]), y: spread(cy, cy[i]) }));
}

function rgb(hex: string): [number, number, number] {
	const n = parseInt(hex.slice(1), 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function hue([r, g, b]: [number, number, number]): { h: number; s: number } {
	const max = Math.max(r, g, b);
	const min = Math.min(r, g, b);
	const s = max === 0 ? 0 : (max - min) / max;
	if (max === min) return { h: 0, s };
	let h: number;
	if (max === r) h = ((g - b) / (max - min)) % 6;
	else if (max === g) h = (b - r) / (max - min) + 2;
	else h = (r - g) / (max - min) + 4;
	return { h: (h * 60 + 360) % 360, s };
}

/**
 * The board colour nearest to a paper note's photographed colour. By hue, since a photo's light
 * changes a paper's brightness and saturation far more than its hue; paper with hardly any colour
 * is grey.
 */
export function nearestNoteColor(color: [number, number, number]): NoteColor {
	const seen = hue(color);
	if (seen.s < 0.08) return 'grey';
	let best: NoteColor = 'yellow';
	let bestDistance = Infinity;
	for (const name of NOTE_COLORS) {
		if (name === 'grey') continue;
		const h = hue(rgb(NOTE_BACKGROUNDS[name])).h;
		const d = Math.min(Math.abs(h - seen.h), 360 - Math.abs(h - seen.h));
		if (d < bestDistance) {
			bestDistance = d;
			best = name;
		}
	}
	return best;
}
