import { describe, expect, it } from 'vitest';
import { boardGeometry, NOTE_HEIGHT, NOTE_WIDTH } from '$lib/board/geometry';
import { COLUMNS_BOARD } from '$lib/board/test-board';
import {
	contentBounds,
	drawnArea,
	DRAWN_GRID,
	fitCamera,
	MAX_ZOOM,
	MIN_ZOOM,
	NOTE_FONT_PX,
	READABLE_TEXT_PX,
	READABLE_ZOOM,
	Viewport
} from './viewport.svelte';

const notesAt = (...points: [number, number][]) => points.map(([x, y]) => ({ position: { x, y } }));
const screenTextPx = (zoom: number) => NOTE_FONT_PX * zoom;

describe('fitCamera', () => {
	it.each([
		['tablet, portrait', 800, 1280],
		['phone', 360, 740],
		['1024 px screen', 1024, 600],
		['laptop', 1280, 800]
	])('never shows note text below readable size on a %s (%d×%d), even for the whole board', (_, w, h) => {
		const camera = fitCamera(w, h, { x: 0, y: 0, w: 1600, h: 1000 });
		expect(screenTextPx(camera.zoom)).toBeGreaterThanOrEqual(READABLE_TEXT_PX);
	});

	it('centres content that fits, as large as fits but not blown up', () => {
		const camera = fitCamera(1000, 600, { x: 100, y: 100, w: 484, h: 284 });
		expect(camera.zoom).toBe(1); // capped: two notes are not blown up to fill a wall screen
		// The content's centre lands on the screen's centre.
		expect(camera.x + (100 + 242) * camera.zoom).toBeCloseTo(500);
		expect(camera.y + (100 + 142) * camera.zoom).toBeCloseTo(300);
	});

	it('shows content too big at the floor from its top-left corner, and centres an axis that fits', () => {
		const camera = fitCamera(800, 1280, { x: 200, y: 50, w: 1400, h: 600 });
		expect(camera.zoom).toBe(READABLE_ZOOM);
		expect(camera.x).toBeCloseTo(16 - 200 * READABLE_ZOOM); // left edge of the content, 16 px in
		expect(camera.y + (50 + 300) * READABLE_ZOOM).toBeCloseTo(640); // height fits: centred
	});
});

describe('contentBounds', () => {
	it('is the notes with a margin when there are notes', () => {
		expect(contentBounds(notesAt([100, 200], [400, 250]))).toEqual({
			x: 76,
			y: 176,
			w: 300 + NOTE_WIDTH + 48,
			h: 50 + NOTE_HEIGHT + 48
		});
	});

	it('takes in the whole zones that hold notes, and only those', () => {
		const geometry = boardGeometry(COLUMNS_BOARD.layout);
		const [first, second] = geometry.zones.map((z) => (z.shape.kind === 'rect' ? z.shape.rect : null));
		const inFirst = { x: first!.x + 40, y: first!.y + 60 };
		const bounds = contentBounds(notesAt([inFirst.x, inFirst.y]), geometry);
		expect(bounds).toEqual(first);
		const both = contentBounds(notesAt([inFirst.x, inFirst.y], [second!.x + 40, second!.y + 60]), geometry);
		expect(both.x).toBe(first!.x);
		expect(both.x + both.w).toBe(second!.x + second!.w);
	});

	it('is the zones on an empty board with zones, the whole board on an empty free board', () => {
		const zones = contentBounds([], boardGeometry(COLUMNS_BOARD.layout));
		expect(zones.x).toBeGreaterThan(0);
		expect(zones.w).toBeLessThan(1600);
		expect(contentBounds([], boardGeometry({ template: 'free' }))).toEqual({ x: 0, y: 0, w: 1600, h: 1000 });
	});
});

describe('Viewport', () => {
	it('fits its content on the first size it is given, at a readable zoom', () => {
		const viewport = new Viewport(() => contentBounds(notesAt([0, 0], [1450, 900])));
		viewport.resize(800, 1280);
		expect(viewport.zoom).toBe(READABLE_ZOOM);
		expect(viewport.overview).toBe(false);
		expect(viewport.touched).toBe(false);
		viewport.resize(1280, 800); // a later resize (rotation) keeps the camera
		expect(viewport.zoom).toBe(READABLE_ZOOM);
	});

	it('keeps the board point under the fingers in place when zooming, within its limits', () => {
		const viewport = new Viewport();
		viewport.resize(1000, 800);
		const before = viewport.toBoard({ x: 300, y: 200 });
		viewport.zoomAt({ x: 300, y: 200 }, 1.7);
		const after = viewport.toBoard({ x: 300, y: 200 });
		expect(after.x).toBeCloseTo(before.x);
		expect(after.y).toBeCloseTo(before.y);
		expect(viewport.touched).toBe(true);
		viewport.zoomAt({ x: 0, y: 0 }, 100);
		expect(viewport.zoom).toBe(MAX_ZOOM);
		viewport.zoomAt({ x: 0, y: 0 }, 0.0001);
		expect(viewport.zoom).toBe(MIN_ZOOM);
	});

	it('switches to the overview below readable text, and "fit" comes back to readable text', () => {
		const viewport = new Viewport();
		viewport.resize(1280, 800);
		viewport.zoomBy(0.5);
		expect(viewport.overview).toBe(true);
		viewport.fit();
		expect(viewport.overview).toBe(false);
		expect(screenTextPx(viewport.zoom)).toBeGreaterThanOrEqual(READABLE_TEXT_PX);
	});

	it('reveals an off-screen rectangle, and from the overview brings it back at readable size', () => {
		const viewport = new Viewport();
		viewport.resize(400, 400);
		viewport.reveal({ x: 1400, y: 800, w: NOTE_WIDTH, h: NOTE_HEIGHT });
		const corner = viewport.toScreen({ x: 1400 + NOTE_WIDTH, y: 800 + NOTE_HEIGHT });
		expect(corner.x).toBeLessThanOrEqual(400);
		expect(corner.y).toBeLessThanOrEqual(400);
		viewport.zoomBy(0.3);
		expect(viewport.overview).toBe(true);
		viewport.reveal({ x: 0, y: 0, w: NOTE_WIDTH, h: NOTE_HEIGHT });
		expect(viewport.overview).toBe(false);
		const centre = viewport.toScreen({ x: NOTE_WIDTH / 2, y: NOTE_HEIGHT / 2 });
		expect(centre).toEqual({ x: 200, y: 200 });
	});

	it('converts between screen and board points both ways', () => {
		const viewport = new Viewport();
		viewport.resize(900, 700);
		viewport.panBy(33, -12);
		const p = { x: 123, y: 456 };
		const back = viewport.toScreen(viewport.toBoard(p));
		expect(back.x).toBeCloseTo(p.x);
		expect(back.y).toBeCloseTo(p.y);
		expect(viewport.visible.w).toBeCloseTo(900 / viewport.zoom);
	});
});

describe('drawnArea', () => {
	it('covers the visible rectangle, widened to the grid and no further', () => {
		const visible = { x: 130, y: -20, w: 1000, h: 380 };
		const area = drawnArea(visible);
		expect(area.x).toBeLessThanOrEqual(visible.x);
		expect(area.y).toBeLessThanOrEqual(visible.y);
		expect(area.x + area.w).toBeGreaterThanOrEqual(visible.x + visible.w);
		expect(area.y + area.h).toBeGreaterThanOrEqual(visible.y + visible.h);
		expect(visible.x - area.x).toBeLessThan(DRAWN_GRID);
		expect(area.x + area.w - (visible.x + visible.w)).toBeLessThan(DRAWN_GRID);
		expect(area).toEqual({ x: 0, y: -200, w: 1200, h: 600 });
	});

	it('stays the same while a small pan keeps the screen inside one grid cell, and moves when it does not', () => {
		const at = (x: number) => drawnArea({ x, y: 0, w: 500, h: 300 });
		expect(at(210)).toEqual(at(250));
		expect(at(250)).not.toEqual(at(190));
	});

	it("follows the viewport's visible rectangle as it pans and zooms", () => {
		const viewport = new Viewport();
		viewport.resize(1000, 600, false);
		viewport.panBy(-900, -400);
		viewport.zoomAt({ x: 0, y: 0 }, 2);
		const visible = viewport.visible;
		const area = drawnArea(visible);
		expect(area.x).toBeLessThanOrEqual(visible.x);
		expect(area.x + area.w).toBeGreaterThanOrEqual(visible.x + visible.w);
		expect(area.w).toBeLessThan(visible.w + 2 * DRAWN_GRID);
	});
});
