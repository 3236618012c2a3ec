/**
 * The board's camera: pan and zoom over the fixed board world, kept per device (never shared).
 * Zooming keeps the point under the cursor or between the fingers in place.
 */
import { BOARD_HEIGHT, BOARD_WIDTH, type Point } from '$lib/board/geometry';

export const MIN_ZOOM = 0.15;
export const MAX_ZOOM = 3;

export class Viewport {
	#x = $state.raw(0);
	#y = $state.raw(0);
	#zoom = $state.raw(1);
	#width = 0;
	#height = 0;

	get x(): number {
		return this.#x;
	}
	get y(): number {
		return this.#y;
	}
	get zoom(): number {
		return this.#zoom;
	}
	get transform(): string {
		return `translate(${this.#x}px, ${this.#y}px) scale(${this.#zoom})`;
	}

	/** Tells the viewport its container's size (on mount and resize). */
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

	panBy(dx: number, dy: number): void {
		this.#x += dx;
		this.#y += dy;
	}

	zoomAt(screen: Point, factor: number): void {
		const next = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, this.#zoom * factor));
		const board = this.toBoard(screen);
		this.#zoom = next;
		this.#x = screen.x - board.x * next;
		this.#y = screen.y - board.y * next;
	}

	zoomBy(factor: number): void {
		this.zoomAt({ x: this.#width / 2, y: this.#height / 2 }, factor);
	}

	/** Shows the whole board, centred. */
	fit(): void {
		if (this.#width === 0 || this.#height === 0) return;
		const zoom = Math.min(this.#width / BOARD_WIDTH, this.#height / BOARD_HEIGHT) * 0.98;
		this.#zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
		this.#x = (this.#width - BOARD_WIDTH * this.#zoom) / 2;
		this.#y = (this.#height - BOARD_HEIGHT * this.#zoom) / 2;
	}

	/** Pans so that a board rectangle is visible (keyboard focus moving to an off-screen note). */
	reveal(rect: { x: number; y: number; w: number; h: number }): void {
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
