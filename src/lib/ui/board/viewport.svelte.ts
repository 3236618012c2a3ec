/**
 * The board's camera: pan and zoom over the fixed board world, kept per device (never shared).
 * Zooming keeps the point under the cursor or between the fingers in place.
 *
 * Readable first: a note's text is `NOTE_FONT_PX` on the board, so below `READABLE_ZOOM` it would be
 * smaller than 12 CSS px on screen. "Fit" and the first view never go below that floor — on a small
 * screen they show part of the notes at a readable size rather than all of them as specks. Zooming
 * further out is allowed, but the board then shows its overview (zone names and note counts, drawn
 * at screen size) instead of the notes: `overview` tells the canvas which to draw.
 */
import {
	BOARD_HEIGHT,
	BOARD_WIDTH,
	NOTE_HEIGHT,
	NOTE_WIDTH,
	type BoardGeometry,
	type Point,
	type Rect,
	zoneAt
} from '$lib/board/geometry';

/** A note's text size on the board, in board pixels (NoteCard draws it). */
export const NOTE_FONT_PX = 15;
/** The smallest text a reader should have to read on screen, in CSS px. */
export const READABLE_TEXT_PX = 12;
/** Below this zoom a note's text would be smaller than `READABLE_TEXT_PX`: the overview shows instead. */
export const READABLE_ZOOM = READABLE_TEXT_PX / NOTE_FONT_PX;
/** How far out the overview goes (the whole board on a phone). */
export const MIN_ZOOM = 0.15;
export const MAX_ZOOM = 3;
/** "Fit" does not blow a handful of notes up beyond their natural size. */
const MAX_FIT_ZOOM = 1;
/** Space kept around the fitted content, in screen pixels. */
const FIT_MARGIN = 16;

export interface Camera {
	x: number;
	y: number;
	zoom: number;
}

/**
 * The camera that shows `content` (a board rectangle) on a `width` × `height` screen: as large as fits,
 * but never below `READABLE_ZOOM` nor above `MAX_FIT_ZOOM`. On an axis where the content is still too
 * big at the floor, the view starts at the content's beginning (top, left: where reading starts);
 * where it fits, it is centred.
 */
export function fitCamera(width: number, height: number, content: Rect): Camera {
	const room = { w: Math.max(1, width - 2 * FIT_MARGIN), h: Math.max(1, height - 2 * FIT_MARGIN) };
	const natural = Math.min(room.w / Math.max(1, content.w), room.h / Math.max(1, content.h));
	const zoom = Math.min(MAX_FIT_ZOOM, Math.max(READABLE_ZOOM, natural));
	const axis = (screen: number, start: number, size: number) =>
		size * zoom <= screen - 2 * FIT_MARGIN ? (screen - size * zoom) / 2 - start * zoom : FIT_MARGIN - start * zoom;
	return { zoom, x: axis(width, content.x, content.w), y: axis(height, content.y, content.h) };
}

/** A zone's bounding rectangle on the board. */
const zoneRect = (zone: BoardGeometry['zones'][number]): Rect =>
	zone.shape.kind === 'rect'
		? zone.shape.rect
		: {
				x: zone.shape.annulus.cx - zone.shape.annulus.r1,
				y: zone.shape.annulus.cy - zone.shape.annulus.r1,
				w: 2 * zone.shape.annulus.r1,
				h: 2 * zone.shape.annulus.r1
			};

const union = (rects: readonly Rect[]): Rect => {
	const x = Math.min(...rects.map((r) => r.x));
	const y = Math.min(...rects.map((r) => r.y));
	return {
		x,
		y,
		w: Math.max(...rects.map((r) => r.x + r.w)) - x,
		h: Math.max(...rects.map((r) => r.y + r.h)) - y
	};
};

/** What the first view and "fit" show: the notes (with a little of the board around them) and the whole
 * zones that hold them — a facilitator sees each zone's name and room to sort into, not a note floating
 * without its context; on a board without notes, its zones, or else the whole board. */
export function contentBounds(notes: readonly { position: Point }[], geometry?: BoardGeometry): Rect {
	const zones = geometry?.zones ?? [];
	if (notes.length > 0) {
		const pad = 24;
		const rects: Rect[] = [];
		const holding = new Set<string>();
		for (const { position } of notes) {
			rects.push({ x: position.x - pad, y: position.y - pad, w: NOTE_WIDTH + 2 * pad, h: NOTE_HEIGHT + 2 * pad });
			const zone = geometry
				? zoneAt(geometry, { x: position.x + NOTE_WIDTH / 2, y: position.y + NOTE_HEIGHT / 2 })
				: null;
			if (zone) holding.add(zone);
		}
		for (const zone of zones) if (holding.has(zone.id)) rects.push(zoneRect(zone));
		return union(rects);
	}
	if (zones.length === 0) return { x: 0, y: 0, w: BOARD_WIDTH, h: BOARD_HEIGHT };
	return union(zones.map(zoneRect));
}

/** The grid the drawn area snaps to, in board pixels (see `drawnArea`). */
export const DRAWN_GRID = 200;

/**
 * The board area whose notes the canvas puts in the page: the visible rectangle widened outwards to
 * a coarse grid, so that panning changes the set of notes only when an edge crosses a grid line. No
 * wider margin than the grid's: notes entering the screen are added in the same frame as the camera
 * move anyway, and a margin of a quarter screen all round doubled the notes a dense board laid out
 * and styled before its first paint (profile of opening a 1,000-note board at 4× CPU throttle).
 */
export function drawnArea(visible: Rect, grid = DRAWN_GRID): Rect {
	const x = Math.floor(visible.x / grid) * grid;
	const y = Math.floor(visible.y / grid) * grid;
	return {
		x,
		y,
		w: Math.ceil((visible.x + visible.w) / grid) * grid - x,
		h: Math.ceil((visible.y + visible.h) / grid) * grid - y
	};
}

export class Viewport {
	#x = $state.raw(0);
	#y = $state.raw(0);
	#zoom = $state.raw(1);
	#width = $state.raw(0);
	#height = $state.raw(0);
	/** Whether the person has moved the camera since the last fit (then arriving notes do not refit). */
	#touched = false;
	readonly #content: () => Rect;

	/** `content` is read when fitting: what the first view and "fit" should show. */
	constructor(content: () => Rect = () => ({ x: 0, y: 0, w: BOARD_WIDTH, h: BOARD_HEIGHT })) {
		this.#content = content;
	}

	get x(): number {
		return this.#x;
	}
	get y(): number {
		return this.#y;
	}
	get zoom(): number {
		return this.#zoom;
	}
	get width(): number {
		return this.#width;
	}
	get height(): number {
		return this.#height;
	}
	get touched(): boolean {
		return this.#touched;
	}
	/** Zoomed out beyond readable text: the board shows its summary instead of the notes. */
	get overview(): boolean {
		return this.#zoom < READABLE_ZOOM - 1e-9;
	}
	get transform(): string {
		return `translate(${this.#x}px, ${this.#y}px) scale(${this.#zoom})`;
	}
	/** The board rectangle on screen. */
	get visible(): Rect {
		return {
			x: -this.#x / this.#zoom,
			y: -this.#y / this.#zoom,
			w: this.#width / this.#zoom,
			h: this.#height / this.#zoom
		};
	}

	/** Tells the viewport its container's size (on mount and resize); the first size fits. */
	resize(width: number, height: number, fitIfFirst = true): void {
		const first = this.#width === 0;
		this.#width = width;
		this.#height = height;
		if (first && fitIfFirst) this.fit();
	}

	/** Screen point (relative to the container) → board point. */
	toBoard(screen: Point): Point {
		return { x: (screen.x - this.#x) / this.#zoom, y: (screen.y - this.#y) / this.#zoom };
	}

	/** Board point → screen point (relative to the container). */
	toScreen(board: Point): Point {
		return { x: board.x * this.#zoom + this.#x, y: board.y * this.#zoom + this.#y };
	}

	panBy(dx: number, dy: number): void {
		this.#touched = true;
		this.#x += dx;
		this.#y += dy;
	}

	zoomAt(screen: Point, factor: number): void {
		this.#touched = true;
		const next = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, this.#zoom * factor));
		const board = this.toBoard(screen);
		this.#zoom = next;
		this.#x = screen.x - board.x * next;
		this.#y = screen.y - board.y * next;
	}

	zoomBy(factor: number): void {
		this.zoomAt({ x: this.#width / 2, y: this.#height / 2 }, factor);
	}

	/** Shows the content (the notes, or the zones) as large as fits, never below readable text. */
	fit(): void {
		if (this.#width === 0 || this.#height === 0) return;
		const camera = fitCamera(this.#width, this.#height, this.#content());
		this.#zoom = camera.zoom;
		this.#x = camera.x;
		this.#y = camera.y;
		this.#touched = false;
	}

	/** Shows a board rectangle at readable size, centred (a zone chosen in the overview). */
	focusOn(rect: Rect): void {
		if (this.#width === 0) return;
		const camera = fitCamera(this.#width, this.#height, rect);
		this.#zoom = camera.zoom;
		this.#x = camera.x;
		this.#y = camera.y;
		this.#touched = true;
	}

	/** Pans so that a board rectangle is visible (keyboard focus moving to an off-screen note); from the
	 * overview it first comes back to readable text, since a focused note must be readable. */
	reveal(rect: Rect): void {
		if (this.#width === 0) return;
		if (this.overview) {
			this.#zoom = READABLE_ZOOM;
			this.#x = this.#width / 2 - (rect.x + rect.w / 2) * this.#zoom;
			this.#y = this.#height / 2 - (rect.y + rect.h / 2) * this.#zoom;
			return;
		}
		const left = rect.x * this.#zoom + this.#x;
		const top = rect.y * this.#zoom + this.#y;
		const right = left + rect.w * this.#zoom;
		const bottom = top + rect.h * this.#zoom;
		if (left < 0) this.#x -= left - 8;
		else if (right > this.#width) this.#x -= right - this.#width + 8;
		if (top < 0) this.#y -= top - 8;
		else if (bottom > this.#height) this.#y -= bottom - this.#height + 8;
	}
}
