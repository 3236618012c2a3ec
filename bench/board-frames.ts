/**
 * The board on a tablet-class CPU: Chromium with its CPU throttled 4× through the DevTools protocol,
 * the facilitator's run view at 1280×800, boards of 200, 1,000 and 5,000 notes restored from a
 * backup. Frame times are the intervals between animation frames while a note is dragged, the
 * background panned and the wheel zooms; opening is from navigation until the board knows all its
 * notes and draws the ones on screen (the board renders only the notes near the screen, so "every
 * note in the page" is no longer what a person waits for). Also: reopening a 3,000-note session from IndexedDB after a reload (issue 16's
 * storage figure), at 1× and 4×.
 */
import { chromium, type Page } from 'playwright-core';
import { buildIsStale, runBuild } from '../server/build.ts';
import { chromiumInstalled, chromiumPath } from '../tests/browser/support/chromium.ts';
import { startServer } from '../tests/browser/support/server.ts';
import type { Figure } from './run.ts';
import { bigBoardBackup, CHROMIUM_ARGS, percentile, recordFrames, restoredDevice } from './support/big-board.ts';

const THROTTLE = 4;
/** `BOARD_SIZES=200,1000` runs fewer (a quicker look while profiling a change). */
const SIZES = process.env.BOARD_SIZES ? process.env.BOARD_SIZES.split(',').map(Number) : [200, 1000, 5000];
const PROJECT = new URL('../', import.meta.url).pathname;

async function withServer<T>(run: (url: string) => Promise<T>): Promise<T> {
	if (buildIsStale(PROJECT, `${PROJECT}build`)) runBuild(PROJECT);
	const server = await startServer();
	try {
		return await run(server.url);
	} finally {
		await server.stop();
	}
}

/** A point on the board's background (no note under it) inside the page's viewport, or null. */
async function emptySpot(page: Page): Promise<{ x: number; y: number } | null> {
	return page.evaluate(() => {
		const canvas = document.querySelector('.canvas')!.getBoundingClientRect();
		// elementFromPoint sees nothing below the fold.
		for (let y = Math.min(canvas.bottom, window.innerHeight) - 10; y > canvas.top; y -= 15)
			for (let x = canvas.right - 10; x > canvas.left; x -= 15) {
				const hit = document.elementFromPoint(x, y);
				if (hit && hit.closest('.canvas') && !hit.closest('[data-note-id]') && !hit.closest('button')) return { x, y };
			}
		return null;
	});
}

/** The middle of the board's part inside the page's viewport. */
async function boardMiddle(page: Page): Promise<{ x: number; y: number }> {
	return page.evaluate(() => {
		const canvas = document.querySelector('.canvas')!.getBoundingClientRect();
		return { x: canvas.left + canvas.width / 2, y: (canvas.top + Math.min(canvas.bottom, window.innerHeight)) / 2 };
	});
}

/**
 * Where a pointer pan starts. A readable first view of a dense board (1,000 notes) is all notes, no
 * background to grab: then the camera first goes right (Shift+wheel, not timed) until background
 * shows, and the timed pan drags back towards the notes, which brings the most of them into view.
 */
async function panStart(page: Page): Promise<{ spot: { x: number; y: number }; towardsNotes: boolean }> {
	for (let tries = 0; tries < 8; tries++) {
		const spot = await emptySpot(page);
		if (spot) return { spot, towardsNotes: tries > 0 };
		const middle = await boardMiddle(page);
		await page.mouse.move(middle.x, middle.y);
		await page.keyboard.down('Shift');
		await page.mouse.wheel(0, 300);
		await page.keyboard.up('Shift');
		await page.waitForTimeout(300);
	}
	throw new Error('no empty spot on the board');
}

async function gesture(page: Page, kind: 'drag' | 'pan' | 'zoom'): Promise<number[]> {
	let start: { x: number; y: number };
	let towardsNotes = false;
	if (kind === 'drag') {
		// A note on screen that a pointer at its centre really reaches (the first and last notes in
		// reading order stay in the page for the keyboard even when they are off screen).
		await page.locator('.canvas').scrollIntoViewIfNeeded();
		start = await page.evaluate(() => {
			const canvas = document.querySelector('.canvas')!.getBoundingClientRect();
			const bottom = Math.min(canvas.bottom, window.innerHeight);
			const right = Math.min(canvas.right, window.innerWidth);
			for (const el of document.querySelectorAll('.canvas [data-note-id]')) {
				const r = el.getBoundingClientRect();
				// Any visible part of the note, not only its centre: on the benchmark's dense boards the
				// next note in reading order covers the centre of each one.
				for (let fy = 0.15; fy < 1; fy += 0.2)
					for (let fx = 0.15; fx < 1; fx += 0.2) {
						const p = { x: r.x + r.width * fx, y: r.y + r.height * fy };
						// Inside the page's viewport too: elementFromPoint sees nothing below the fold.
						if (p.x < canvas.left + 60 || p.y < canvas.top + 60 || p.x > right - 10 || p.y > bottom - 10) continue;
						if (document.elementFromPoint(p.x, p.y)?.closest('[data-note-id]') === el) return p;
					}
			}
			throw new Error('no note on screen');
		});
	} else if (kind === 'pan') {
		({ spot: start, towardsNotes } = await panStart(page));
	} else {
		// The wheel zooms wherever it is over the board, notes or not.
		start = (await emptySpot(page)) ?? (await boardMiddle(page));
	}
	await page.mouse.move(start.x, start.y);
	const stop = await recordFrames(page);
	if (kind === 'zoom') {
		for (let i = 0; i < 20; i++) await page.mouse.wheel(0, i < 10 ? -60 : 60);
	} else {
		const way = towardsNotes ? -1 : 1;
		await page.mouse.down();
		for (let i = 1; i <= 40; i++) await page.mouse.move(start.x - way * i * 4, start.y - i * 2);
		await page.mouse.up();
	}
	await page.waitForTimeout(200);
	return stop();
}

export async function benchBoardFrames(): Promise<Figure[]> {
	if (!chromiumInstalled()) return [{ name: 'Board frame times', value: 0, unit: 'ms', notes: 'skipped: no Chromium' }];
	return withServer(async (url) => {
		const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
		const figures: Figure[] = [];
		try {
			for (const notes of SIZES) {
				const backup = bigBoardBackup(notes);
				const { context, page } = await restoredDevice(browser, url, backup);
				const cdp = await context.newCDPSession(page);
				await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
				const started = Date.now();
				await page.goto(`${url}/sessions/${backup.sessionId}/run`);
				await page.waitForFunction(
					(n) =>
						Number(document.querySelector('.canvas')?.getAttribute('data-notes-total')) >= n &&
						document.querySelector('.canvas [data-note-id]') !== null,
					notes,
					{ timeout: 300_000, polling: 100 }
				);
				const openMs = Date.now() - started;
				const inPage = await page.locator('.canvas [data-note-id]').count();
				figures.push({
					name: `Board, ${notes} notes, ${THROTTLE}× CPU: opening the run view until the board shows its notes`,
					value: openMs,
					unit: 'ms',
					target: notes === 1000 ? { max: 1000 } : undefined,
					notes: `${inPage} of ${notes} notes in the page (the rest are off screen)`
				});
				await page.waitForTimeout(500);
				for (const kind of ['drag', 'pan', 'zoom'] as const) {
					const frames = await gesture(page, kind);
					const max = notes >= 5000 ? 50 : 20;
					figures.push({
						name: `Board, ${notes} notes, ${THROTTLE}× CPU: frame time p95 while ${kind === 'drag' ? 'dragging a note' : kind === 'pan' ? 'panning' : 'zooming'}`,
						value: percentile(frames, 95),
						unit: 'ms',
						target: { max },
						notes: `${frames.length} frames, worst ${Math.round(Math.max(...frames))} ms`
					});
				}
				await context.close();
			}
		} finally {
			await browser.close();
		}
		return figures;
	});
}

export async function benchStorageReopen(): Promise<Figure[]> {
	if (!chromiumInstalled())
		return [{ name: 'Reopening from IndexedDB', value: 0, unit: 'ms', notes: 'skipped: no Chromium' }];
	const NOTES = 3000;
	return withServer(async (url) => {
		const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
		const figures: Figure[] = [];
		try {
			const backup = bigBoardBackup(NOTES);
			const { context, page } = await restoredDevice(browser, url, backup);
			const cdp = await context.newCDPSession(page);
			await page.goto(`${url}/sessions/${backup.sessionId}/run`);
			await page.waitForFunction(
				(n) => Number(document.querySelector('.canvas')?.getAttribute('data-notes-total')) >= n,
				NOTES,
				{ timeout: 300_000 }
			);
			for (const rate of [1, THROTTLE]) {
				await cdp.send('Emulation.setCPUThrottlingRate', { rate });
				const times: number[] = [];
				for (let i = 0; i < 3; i++) {
					await page.reload();
					// From the reload's navigation start until every note is drawn and a note takes focus.
					const ms = await page.evaluate(async (n) => {
						while (
							Number(document.querySelector('.canvas')?.getAttribute('data-notes-total')) < n ||
							!document.querySelector('.canvas [data-note-id]')
						)
							await new Promise((r) => setTimeout(r, 20));
						(document.querySelector('[data-note-id]') as HTMLElement).focus();
						return performance.now();
					}, NOTES);
					times.push(ms);
				}
				figures.push({
					name: `Reopening a ${NOTES}-note session from IndexedDB after a reload, ${rate}× CPU, until the board is interactive`,
					value: percentile(times, 50),
					unit: 'ms',
					target: rate === 1 ? { max: 300 } : undefined,
					notes: `median of 3; page load included (the run view's scripts come from the server's cache)`
				});
			}
			await context.close();
		} finally {
			await browser.close();
		}
		return figures;
	});
}
