/**
 * The spatial board by hand: mouse and touch drags move notes between zones, a note dropped on
 * another groups them, tapping a zone opens a note for that zone, and wheel, drag and pinch move
 * the camera. Touches go through Chromium's own input pipeline (CDP), as a finger's would.
 */
import type { CDPSession, Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { addNote, boardText, planSession, startRun } from './support/workshop.ts';

const HMW = 'How might we…?';

interface Point {
	x: number;
	y: number;
}

const board = (page: Page) => page.getByRole('button', { name: 'Board', exact: true });
const note = (page: Page, text: string) => page.locator('.canvas [data-note-id]', { hasText: text });

async function centreOf(page: Page, text: string): Promise<Point> {
	await page.locator('.canvas').scrollIntoViewIfNeeded();
	const box = (await note(page, text).boundingBox())!;
	return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A point on screen inside the zone drawn `index`-th, on the board's background (no note there). */
async function freePointIn(page: Page, index: number): Promise<Point> {
	await page.locator('.canvas').scrollIntoViewIfNeeded();
	const whole = (await page.locator('.canvas rect.zone').nth(index).boundingBox())!;
	const canvas = (await page.locator('.canvas').boundingBox())!;
	// The part of the zone on screen: the board opens at readable size, not always all of it in view.
	const x = Math.max(whole.x, canvas.x);
	const y = Math.max(whole.y, canvas.y);
	const box = {
		x,
		y,
		width: Math.min(whole.x + whole.width, canvas.x + canvas.width) - x,
		height: Math.min(whole.y + whole.height, canvas.y + canvas.height) - y
	};
	return page.evaluate((zone) => {
		for (const fy of [0.6, 0.8, 0.4, 0.3, 0.9])
			for (const fx of [0.5, 0.3, 0.7]) {
				const point = { x: zone.x + zone.width * fx, y: zone.y + zone.height * fy };
				const hit = document.elementFromPoint(point.x, point.y);
				// Far enough from every note that a note dropped there (centred) cannot land on one: two
				// notes overlap only when they are close on both axes.
				const clear = [...document.querySelectorAll('.canvas [data-note-id]')].every((el) => {
					const r = el.getBoundingClientRect();
					return Math.abs(r.x + r.width / 2 - point.x) > r.width || Math.abs(r.y + r.height / 2 - point.y) > r.height;
				});
				if (hit?.closest('.canvas') && !hit.closest('[data-note-id]') && clear) return point;
			}
		throw new Error('no free point in the zone');
	}, box);
}

/** The camera as the board world's CSS transform shows it. */
async function camera(page: Page): Promise<{ x: number; y: number; zoom: number }> {
	const transform = await page.locator('.canvas .world').evaluate((el) => (el as HTMLElement).style.transform);
	const [, x, y, zoom] = /translate\((-?[\d.]+)px, (-?[\d.]+)px\) scale\(([\d.]+)\)/.exec(transform)!.map(Number);
	return { x, y, zoom };
}

async function mouseDrag(page: Page, from: Point, to: Point): Promise<void> {
	await page.mouse.move(from.x, from.y);
	await page.mouse.down();
	await page.mouse.move(to.x, to.y, { steps: 12 });
	await page.mouse.up();
}

/** Fingers on the screen: each step lists where every finger is. */
async function touch(cdp: CDPSession, steps: Point[][]): Promise<void> {
	const points = (step: Point[]) => step.map((p, id) => ({ x: p.x, y: p.y, id }));
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(steps[0]) });
	for (const step of steps.slice(1))
		await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(step) });
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

const between = (a: Point, b: Point, t: number): Point => ({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });
const path = (a: Point, b: Point, steps = 10): Point[][] =>
	Array.from({ length: steps + 1 }, (_, i) => [between(a, b, i / steps)]);

test.describe('board gestures', () => {
	test('mouse: drag a note to another zone, drop it on a note to group, tap a zone, pan and zoom', async ({
		devices,
		server
	}) => {
		const { page } = await devices.open();
		const id = await planSession(page, server.url, { title: 'Mouse', methods: [HMW] });
		await startRun(page, server.url, id);
		await addNote(page, 'Drag me', 'Insight');
		await addNote(page, 'Anchor', HMW);

		// Drag into the second column: the note lands there, and no note dialog opens.
		const target = await freePointIn(page, 1);
		await mouseDrag(page, await centreOf(page, 'Drag me'), target);
		await expect(page.getByRole('dialog')).toBeHidden();
		expect(await boardText(page)).toEqual(['Insight — ', 'How might we…? — Anchor ; Drag me']);

		// Drop it on the other note: the two become a group.
		await board(page).click();
		await mouseDrag(page, await centreOf(page, 'Drag me'), await centreOf(page, 'Anchor'));
		expect(await boardText(page)).toEqual(['Insight — ', 'How might we…? — Group: Unnamed group: Anchor | Drag me']);

		// A tap on an empty spot of a zone opens a new note for that zone.
		await board(page).click();
		const spot = await freePointIn(page, 0);
		await page.mouse.click(spot.x, spot.y);
		const dialog = page.getByRole('dialog');
		await expect(dialog.getByLabel('Zone')).toHaveValue(/./);
		await expect(dialog.getByLabel('Zone').locator('option:checked')).toHaveText('Insight');
		await dialog.getByRole('button', { name: 'Cancel' }).click();

		// Dragging the background pans; the wheel zooms around the pointer. Neither opens a dialog.
		const before = await camera(page);
		const from = await freePointIn(page, 0);
		await mouseDrag(page, from, { x: from.x + 60, y: from.y + 40 });
		const panned = await camera(page);
		expect(panned.x - before.x).toBeCloseTo(60, 0);
		expect(panned.y - before.y).toBeCloseTo(40, 0);
		expect(panned.zoom).toBe(before.zoom);
		await page.mouse.move(from.x, from.y);
		await page.mouse.wheel(0, -400);
		await expect.poll(async () => (await camera(page)).zoom).toBeGreaterThan(panned.zoom * 1.3);
		await expect(dialog).toBeHidden();
		// "Fit" brings the notes back at readable size (15 px text × zoom ≥ 12 px).
		const zoomed = (await camera(page)).zoom;
		await page.getByRole('button', { name: 'Fit' }).click();
		const fitted = (await camera(page)).zoom;
		expect(fitted).not.toBeCloseTo(zoomed, 3);
		expect(fitted * 15).toBeGreaterThanOrEqual(12);
	});

	test('touch: a finger drags a note to another zone, two fingers pinch to zoom', async ({ devices, server }) => {
		const { page, context } = await devices.open({ touch: true, viewport: { width: 1024, height: 768 } });
		const id = await planSession(page, server.url, { title: 'Touch', methods: [HMW] });
		await startRun(page, server.url, id);
		await addNote(page, 'Moved by finger', 'Insight');
		const cdp = await context.newCDPSession(page);

		const target = await freePointIn(page, 1);
		await touch(cdp, path(await centreOf(page, 'Moved by finger'), target));
		await expect(page.getByRole('dialog')).toBeHidden();
		expect(await boardText(page)).toEqual(['Insight — ', 'How might we…? — Moved by finger']);

		await board(page).click();
		const before = await camera(page);
		const centre = await freePointIn(page, 0);
		const fingers = (spread: number): Point[] => [
			{ x: centre.x - spread, y: centre.y },
			{ x: centre.x + spread, y: centre.y }
		];
		await touch(
			cdp,
			Array.from({ length: 11 }, (_, i) => fingers(30 + i * 6))
		);
		const pinched = await camera(page);
		// The fingers moved from 60 px apart to 180 px: three times as close.
		expect(pinched.zoom / before.zoom).toBeGreaterThan(2.5);
		expect(pinched.zoom / before.zoom).toBeLessThan(3.5);
		await expect(page.getByRole('dialog')).toBeHidden();
		// The note did not move while the camera did.
		expect(await boardText(page)).toEqual(['Insight — ', 'How might we…? — Moved by finger']);
	});
});
