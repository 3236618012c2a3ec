import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { zoneIds } from '../methods/parse';
import { readMethodLibrary } from '../methods/read-files.node';
import type { BoardLayout, NamedZone } from '../methods/types';
import {
	BOARD_HEIGHT,
	BOARD_WIDTH,
	NOTE_HEIGHT,
	NOTE_WIDTH,
	boardGeometry,
	shapeContains,
	slotPosition,
	zoneAt,
	type ZoneShape
} from './geometry';

const LIBRARY = readMethodLibrary(fileURLToPath(new URL('../../../workshops', import.meta.url)));

const name = { fi: 'n', sv: 'n', en: 'n' };
const zones = (prefix: string, n: number): NamedZone[] =>
	Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i + 1}`, name }));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** The extremes the parser allows, beside the library's own layouts. */
const EXTREMES: [string, BoardLayout][] = [
	...range(1, 9).map((n): [string, BoardLayout] => [`columns ×${n}`, { template: 'columns', lanes: zones('l', n) }]),
	...range(2, 5).flatMap((r) =>
		[0, 2, 5, 8].map((s): [string, BoardLayout] => [
			`rings ${r}×${s}`,
			{ template: 'rings', rings: zones('r', r), ...(s > 0 ? { sectors: zones('s', s) } : {}) }
		])
	),
	...[2, 10].flatMap((s) =>
		[1, 6].map((r): [string, BoardLayout] => [
			`journey ${s}×${r}`,
			{ template: 'journey', stages: zones('s', s), rows: zones('r', r) }
		])
	),
	...[2, 11].flatMap((p) =>
		[0, 1, 4].map((r): [string, BoardLayout] => [
			`scale ${p}×${r}`,
			{ template: 'scale', points: zones('p', p), ...(r > 0 ? { rows: zones('r', r) } : {}) }
		])
	),
	...[
		[1, 12],
		[6, 2],
		[2, 8]
	].map(([columns, rows]): [string, BoardLayout] => [
		`canvas ${columns}×${rows}`,
		{
			template: 'canvas',
			columns,
			zones: range(1, columns).flatMap((col) => range(1, rows).map((row) => ({ id: `z${col}-${row}`, name, col, row })))
		}
	]),
	[
		'canvas with a lone zone in row 12',
		{
			template: 'canvas',
			columns: 6,
			zones: [
				{ id: 'top', name, col: 1, row: 1, colSpan: 6, rowSpan: 11 },
				{ id: 'bottom', name, col: 3, row: 12 }
			]
		}
	]
];

const LAYOUTS: [string, BoardLayout][] = [
	...LIBRARY.map((m): [string, BoardLayout] => [m.id, m.board.layout]),
	...EXTREMES
];

describe.each(LAYOUTS)('%s', (_name, layout) => {
	const geometry = boardGeometry(layout);

	it('has exactly the zones of the layout, inside the board', () => {
		expect(geometry.zones.map((z) => z.id)).toEqual(zoneIds(layout));
		expect([geometry.width, geometry.height]).toEqual([BOARD_WIDTH, BOARD_HEIGHT]);
		for (const zone of geometry.zones) {
			if (zone.shape.kind === 'rect') {
				const { x, y, w, h } = zone.shape.rect;
				expect(x >= 0 && y >= 0 && x + w <= BOARD_WIDTH + 1e-9 && y + h <= BOARD_HEIGHT + 1e-9, zone.id).toBe(true);
			}
		}
	});

	it('finds a note placed into a zone in that zone', () => {
		for (const zone of geometry.zones) {
			const slot = slotPosition(geometry, zone.id, 0);
			expect(zoneAt(geometry, { x: slot.x + NOTE_WIDTH / 2, y: slot.y + NOTE_HEIGHT / 2 }), zone.id).toBe(zone.id);
		}
	});
});

describe('zoneAt', () => {
	// Centre (800, 500); outer radius 476; 2 rings → boundary at 238; 4 sectors clockwise from the top.
	const rings = boardGeometry({ template: 'rings', rings: zones('r', 2), sectors: zones('s', 4) });
	const polar = (radius: number, degrees: number) => ({
		x: 800 + radius * Math.sin((degrees * Math.PI) / 180),
		y: 500 - radius * Math.cos((degrees * Math.PI) / 180)
	});

	it.each([
		[100, 45, 'r1/s1'],
		[100, 135, 'r1/s2'],
		[100, 225, 'r1/s3'],
		[100, 315, 'r1/s4'],
		[300, 10, 'r2/s1'],
		[300, 100, 'r2/s2'],
		[470, 200, 'r2/s3'],
		[300, 359.9, 'r2/s4'],
		[238, 0, 'r2/s1'],
		[237.9, 0, 'r1/s1'],
		[476, 45, null],
		[600, 45, null]
	])('ring sectors: radius %d at %d° → %s', (radius, degrees, expected) => {
		expect(zoneAt(rings, polar(radius, degrees))).toBe(expected);
	});

	it('finds the innermost ring at the very centre of a ring layout without sectors', () => {
		const plain = boardGeometry({ template: 'rings', rings: zones('r', 3) });
		expect(zoneAt(plain, { x: 800, y: 500 })).toBe('r1');
		expect(zoneAt(plain, { x: 800, y: 10 })).toBe(null);
	});

	// Quadrants span x 94…1576 and y 24…906; they meet at (835, 465). Left and below lie the axes.
	const matrix = boardGeometry({
		template: 'matrix',
		xAxis: { label: name, low: name, high: name },
		yAxis: { label: name, low: name, high: name },
		quadrants: { 'top-left': name, 'top-right': name, 'bottom-left': name, 'bottom-right': name }
	});

	it.each([
		[{ x: 400, y: 200 }, 'top-left'],
		[{ x: 1200, y: 200 }, 'top-right'],
		[{ x: 400, y: 700 }, 'bottom-left'],
		[{ x: 1200, y: 700 }, 'bottom-right'],
		[{ x: 835, y: 465 }, 'bottom-right'],
		[{ x: 834.9, y: 464.9 }, 'top-left'],
		[{ x: 94, y: 24 }, 'top-left'],
		[{ x: 50, y: 500 }, null],
		[{ x: 400, y: 950 }, null],
		[{ x: 1590, y: 500 }, null]
	])('matrix: %j → %s', (point, expected) => {
		expect(zoneAt(matrix, point)).toBe(expected);
	});

	it('finds no zone on a free board, whose notes go anywhere on it', () => {
		const free = boardGeometry({ template: 'free' });
		expect(free.zones).toEqual([]);
		expect(zoneAt(free, { x: 800, y: 500 })).toBe(null);
		const slot = slotPosition(free, null, 0);
		expect(
			slot.x >= 0 && slot.y >= 0 && slot.x + NOTE_WIDTH <= BOARD_WIDTH && slot.y + NOTE_HEIGHT <= BOARD_HEIGHT
		).toBe(true);
	});
});

describe('shapeContains', () => {
	const rect: ZoneShape = { kind: 'rect', rect: { x: 10, y: 20, w: 100, h: 50 } };
	const empty: ZoneShape = { kind: 'rect', rect: { x: 10, y: 20, w: 0, h: 0 } };
	const TAU = Math.PI * 2;
	const ring: ZoneShape = { kind: 'annulus', annulus: { cx: 0, cy: 0, r0: 10, r1: 20, a0: 0, a1: TAU } };
	const disc: ZoneShape = { kind: 'annulus', annulus: { cx: 0, cy: 0, r0: 0, r1: 20, a0: 0, a1: TAU } };
	const rightQuarter: ZoneShape = {
		kind: 'annulus',
		annulus: { cx: 0, cy: 0, r0: 0, r1: 20, a0: Math.PI / 2, a1: Math.PI }
	};

	it.each([
		['rect: top-left corner', rect, { x: 10, y: 20 }, true],
		['rect: inside', rect, { x: 60, y: 45 }, true],
		['rect: right edge', rect, { x: 110, y: 45 }, false],
		['rect: bottom edge', rect, { x: 60, y: 70 }, false],
		['rect: just inside the bottom-right corner', rect, { x: 109.999, y: 69.999 }, true],
		['rect: left of it', rect, { x: 9.999, y: 45 }, false],
		['empty rect: its own corner', empty, { x: 10, y: 20 }, false],
		['ring: inner radius', ring, { x: 0, y: -10 }, true],
		['ring: outer radius', ring, { x: 0, y: -20 }, false],
		['ring: the hole', ring, { x: 3, y: 3 }, false],
		['ring: just left of the top (angle near 2π)', ring, { x: -1e-9, y: -15 }, true],
		['disc: its centre', disc, { x: 0, y: 0 }, true],
		['quarter: start angle (3 o’clock)', rightQuarter, { x: 10, y: 0 }, true],
		['quarter: end angle (6 o’clock)', rightQuarter, { x: 0, y: 10 }, false],
		['quarter: between', rightQuarter, { x: 5, y: 5 }, true],
		['quarter: before it (top-right)', rightQuarter, { x: 5, y: -5 }, false]
	])('%s → %s', (_what, shape, point, expected) => {
		expect(shapeContains(shape as ZoneShape, point)).toBe(expected);
	});
});
