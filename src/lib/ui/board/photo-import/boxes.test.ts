import { describe, expect, it } from 'vitest';
import { arrangement, clampBox, dragCorner, moveBox, nearestNoteColor, newBox, nudgeBox, type EditBox } from './boxes';

const photo = { width: 1000, height: 800 };
const box: EditBox = { id: 1, x: 100, y: 100, width: 200, height: 150 };

describe('outline editing', () => {
	it('moves a box and stops it at the photo’s edges', () => {
		expect(moveBox(box, 50, -20, photo)).toEqual({ ...box, x: 150, y: 80 });
		expect(moveBox(box, -500, -500, photo)).toEqual({ ...box, x: 0, y: 0 });
		expect(moveBox(box, 5000, 5000, photo)).toEqual({ ...box, x: 800, y: 650 });
	});

	it.each([
		['nw', -10, -20, { x: 90, y: 80, width: 210, height: 170 }],
		['ne', 30, 10, { x: 100, y: 110, width: 230, height: 140 }],
		['sw', 20, 40, { x: 120, y: 100, width: 180, height: 190 }],
		['se', -50, -50, { x: 100, y: 100, width: 150, height: 100 }]
	] as const)('drags the %s corner, the opposite one staying put', (corner, dx, dy, expected) => {
		expect(dragCorner(box, corner, dx, dy, photo)).toEqual({ id: 1, ...expected });
	});

	it('never turns a box inside out or below a size a finger can grab', () => {
		const small = dragCorner(box, 'se', -1000, -1000, photo);
		expect(small.x).toBe(100);
		expect(small.width).toBe(24);
		expect(small.height).toBe(24);
		const left = dragCorner(box, 'nw', 1000, 1000, photo);
		expect(left.x + left.width).toBe(300);
		expect(left.width).toBe(24);
	});

	it('keeps a dragged corner inside the photo', () => {
		expect(dragCorner(box, 'nw', -500, -500, photo)).toEqual({ id: 1, x: 0, y: 0, width: 300, height: 250 });
		expect(dragCorner(box, 'se', 5000, 5000, photo)).toEqual({ id: 1, x: 100, y: 100, width: 900, height: 700 });
	});

	it.each([
		['ArrowLeft', false, { x: 90, y: 100, width: 200, height: 150 }],
		['ArrowDown', false, { x: 100, y: 110, width: 200, height: 150 }],
		['ArrowRight', true, { x: 100, y: 100, width: 210, height: 150 }],
		['ArrowUp', true, { x: 100, y: 100, width: 200, height: 140 }]
	] as const)('%s (resize: %s) by keyboard', (key, resize, expected) => {
		expect(nudgeBox(box, key, resize, 10, photo)).toEqual({ id: 1, ...expected });
	});

	it('ignores keys that are not arrows', () => {
		expect(nudgeBox(box, 'a', false, 10, photo)).toBeNull();
	});

	it('clamps a box larger than the photo to the photo', () => {
		expect(clampBox({ id: 2, x: -10, y: -10, width: 3000, height: 3000 }, photo)).toEqual({
			id: 2,
			x: 0,
			y: 0,
			width: 1000,
			height: 800
		});
	});

	it('adds a new box in the middle, the size of the others', () => {
		expect(newBox(7, [box], photo)).toEqual({ id: 7, x: 413, y: 313, width: 175, height: 175 });
		expect(newBox(8, [], photo)).toEqual({ id: 8, x: 460, y: 360, width: 80, height: 80 });
	});
});

describe('arrangement on the board', () => {
	it('spreads a grid of notes over 0…1 in the same order', () => {
		const grid = [0, 1, 2].flatMap((row) =>
			[0, 1].map((col) => ({ id: row * 2 + col, x: 100 + col * 300, y: 50 + row * 200, width: 100, height: 100 }))
		);
		expect(arrangement(grid)).toEqual([
			{ x: 0, y: 0 },
			{ x: 1, y: 0 },
			{ x: 0, y: 0.5 },
			{ x: 1, y: 0.5 },
			{ x: 0, y: 1 },
			{ x: 1, y: 1 }
		]);
	});

	it('centres a single row, and a single note', () => {
		const row = [0, 1, 2].map((i) => ({ id: i, x: i * 200, y: 300 + i * 10, width: 100, height: 100 }));
		expect(arrangement(row).map((p) => p.y)).toEqual([0.5, 0.5, 0.5]);
		expect(arrangement([box])).toEqual([{ x: 0.5, y: 0.5 }]);
	});
});

describe('colour of a photographed note', () => {
	it.each([
		[[240, 220, 90], 'yellow'],
		[[180, 160, 60], 'yellow'],
		[[250, 170, 190], 'pink'],
		[[150, 210, 160], 'green'],
		[[140, 190, 240], 'blue'],
		[[250, 170, 100], 'orange'],
		[[200, 180, 240], 'purple'],
		[[200, 200, 205], 'grey']
	] as const)('%j is %s', (rgb, name) => {
		expect(nearestNoteColor([...rgb])).toBe(name);
	});
});
