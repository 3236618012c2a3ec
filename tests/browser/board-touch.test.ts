/**
 * The spatial board on a tablet and a phone, by touch only: readable at first sight, selecting by
 * long press and taps, grouping and "move to group" from a note's menu, a cancelled drag that puts
 * the note back, and a drag that other devices see live. Touches go through Chromium's own input
 * pipeline (CDP `Input.dispatchTouchEvent`), as a finger's would — Playwright's touchscreen only taps.
 * Each device is its own browser context.
 */
import AxeBuilder from '@axe-core/playwright';
import type { CDPSession, Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { addNote, boardText, expectConnected, join, planSession, startRun } from './support/workshop.ts';

const HMW = 'How might we…?';
const TABLET = { width: 800, height: 1280 };
const PHONE = { width: 360, height: 740 };

interface Point {
	x: number;
	y: number;
}

const boardButton = (page: Page) => page.getByRole('button', { name: /^(Board|Taulu|Tavla)$/, exact: true });
const note = (page: Page, text: string) => page.locator('.canvas [data-note-id]', { hasText: text });

const selectionBar = (page: Page) => page.getByRole('toolbar', { name: /selected$/ });

async function showBoard(page: Page): Promise<void> {
	await boardButton(page).click();
	await page.locator('.canvas').scrollIntoViewIfNeeded();
}

/** Where a finger touches a note: its centre, once the board has stopped moving (a group just
 * gathered, a view refitting) and the note is what is actually under that point, as a person
 * looks before touching. */
async function centreOf(page: Page, text: string): Promise<Point> {
	const locator = note(page, text);
	await locator.scrollIntoViewIfNeeded();
	let point: Point = { x: 0, y: 0 };
	await expect
		.poll(async () => {
			const box = await locator.boundingBox();
			if (!box) return false;
			point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
			await page.waitForTimeout(250);
			const again = await locator.boundingBox();
			if (!again || again.x !== box.x || again.y !== box.y) return false;
			return page.evaluate(
				({ x, y, text }) =>
					document.elementFromPoint(x, y)?.closest('[data-note-id]')?.textContent?.includes(text) ?? false,
				{ ...point, text }
			);
		})
		.toBe(true);
	return point;
}

/** The smallest note text on screen: each note's font size times the board's zoom, in CSS px. */
async function smallestTextPx(page: Page): Promise<number> {
	await expect(page.locator('.canvas [data-note-id]').first()).toBeVisible();
	return page.evaluate(() => {
		const world = document.querySelector('.canvas .world') as HTMLElement;
		const zoom = Number(/scale\(([\d.]+)\)/.exec(world.style.transform)![1]);
		const sizes = [...document.querySelectorAll('.canvas [data-note-id] .text')].map(
			(el) => parseFloat(getComputedStyle(el).fontSize) * zoom
		);
		return Math.min(...sizes);
	});
}

const at = (p: Point, id = 0) => [{ x: p.x, y: p.y, id }];

async function touchStart(cdp: CDPSession, p: Point) {
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(p) });
}
async function touchMove(cdp: CDPSession, from: Point, to: Point, steps = 10) {
	for (let i = 1; i <= steps; i++)
		await cdp.send('Input.dispatchTouchEvent', {
			type: 'touchMove',
			touchPoints: at({ x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps })
		});
}
async function touchEnd(cdp: CDPSession) {
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}
async function tap(cdp: CDPSession, p: Point) {
	await touchStart(cdp, p);
	await touchEnd(cdp);
}
/** A finger resting on a point (long enough for the board's long press), then lifted. */
async function longPress(page: Page, cdp: CDPSession, p: Point) {
	await touchStart(cdp, p);
	await page.waitForTimeout(900);
	await touchEnd(cdp);
	// A person's next tap comes a moment later.
	await page.waitForTimeout(500);
}
async function tapButton(page: Page, cdp: CDPSession, name: string | RegExp, within?: Locator) {
	const box = (await (within ?? page).getByRole('button', { name, exact: typeof name === 'string' }).boundingBox())!;
	await tap(cdp, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
}

test.describe('board on touch screens', () => {
	test.describe.configure({ timeout: 300_000 });

	test('the first view is readable on a tablet and a phone, and the phone sees the tablet drag live', async ({
		devices,
		server
	}) => {
		const tablet = await devices.open({ touch: true, viewport: TABLET });
		const phone = await devices.open({ touch: true, viewport: PHONE });
		const id = await planSession(tablet.page, server.url, { title: 'Readable', methods: [HMW] });
		const link = await startRun(tablet.page, server.url, id);
		for (const [text, zone] of [
			['Benches in every room', 'Insight'],
			['Quiet corner for families', 'Insight'],
			['Evening opening', HMW],
			['Free coffee', HMW],
			['Stories of the neighbours', HMW]
		])
			await addNote(tablet.page, text, zone);

		// The tablet opens the board afresh: readable text at first sight.
		await tablet.page.reload();
		await showBoard(tablet.page);
		expect(await smallestTextPx(tablet.page)).toBeGreaterThanOrEqual(12);

		// The phone joins; where it shows the spatial board, that too is readable at first sight.
		await join(phone, link, 'Pia');
		await expectConnected(phone.page, 1);
		await showBoard(phone.page);
		// The phone knows all five notes (it draws those near its small screen).
		await expect(phone.page.locator('.canvas')).toHaveAttribute('data-notes-total', '5');
		expect(await smallestTextPx(phone.page)).toBeGreaterThanOrEqual(12);
		// "Fit" keeps the floor.
		await phone.page.getByRole('button', { name: 'Fit to screen' }).click();
		expect(await smallestTextPx(phone.page)).toBeGreaterThanOrEqual(12);

		// The tablet drags a note and holds it: the phone sees it move before the drop.
		await expectConnected(tablet.page, 1);
		const cdp = await tablet.context.newCDPSession(tablet.page);
		const from = await centreOf(tablet.page, 'Benches in every room');
		const to = { x: from.x + 120, y: from.y + 60 };
		await touchStart(cdp, from);
		await touchMove(cdp, from, to);
		const ghost = phone.page.locator('[data-remote-drag]', { hasText: 'Benches in every room' });
		await expect(ghost).toHaveCount(1);
		const first = await ghost.evaluate((el) => (el as HTMLElement).style.transform);
		await touchMove(cdp, to, { x: to.x + 60, y: to.y + 40 });
		await expect.poll(() => ghost.evaluate((el) => (el as HTMLElement).style.transform)).not.toBe(first);
		await touchEnd(cdp);
		// Dropped: the live drag is gone and the note's new place arrived through the document.
		await expect(ghost).toHaveCount(0);
	});

	test('touch only: long press selects, taps add, Group gathers three notes, the note menu moves one to another group', async ({
		devices,
		server
	}) => {
		const { page, context } = await devices.open({ touch: true, viewport: TABLET });
		const id = await planSession(page, server.url, { title: 'Grouping', methods: [HMW] });
		await startRun(page, server.url, id);
		// One column, so that all five are on the tablet's screen at readable size.
		for (const text of ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo']) await addNote(page, text, 'Insight');
		await showBoard(page);
		const cdp = await context.newCDPSession(page);

		// A long press starts selection mode; taps add notes to the selection.
		await longPress(page, cdp, await centreOf(page, 'Alpha'));
		await expect(page.getByText('1 note selected')).toBeVisible();
		await expect(page.getByText(/Selecting notes: tap a note/)).toBeVisible();
		await tap(cdp, await centreOf(page, 'Bravo'));
		await tap(cdp, await centreOf(page, 'Charlie'));
		await expect(page.getByText('3 notes selected')).toBeVisible();
		for (const text of ['Alpha', 'Bravo', 'Charlie'])
			await expect(note(page, text)).toHaveAttribute('aria-pressed', 'true');

		// Axe finds nothing to fix in selection mode.
		const scan = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
		expect(scan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);

		await tapButton(page, cdp, 'Group the selected notes', selectionBar(page));
		await page.getByRole('textbox', { name: 'Group name' }).fill('Ideas');
		await tapButton(page, cdp, 'Save', page.getByRole('dialog'));
		await expect(page.getByText(/notes? selected/)).toBeHidden();

		// A second group of two. Gathering moved notes, so the finger first fits the board to them.
		await showBoard(page);
		await tapButton(page, cdp, 'Fit to screen');
		await longPress(page, cdp, await centreOf(page, 'Delta'));
		// The selection toolbar pushed the board down; fitting brings every note back into view.
		await tapButton(page, cdp, 'Fit to screen');
		await tap(cdp, await centreOf(page, 'Echo'));
		await expect(page.getByText('2 notes selected')).toBeVisible();
		await tapButton(page, cdp, 'Group the selected notes', selectionBar(page));
		await page.getByRole('textbox', { name: 'Group name' }).fill('Other');
		await tapButton(page, cdp, 'Save', page.getByRole('dialog'));

		// Charlie moves to "Other" through its menu: long press to select it, tap its menu, tap the group.
		await longPress(page, cdp, await centreOf(page, 'Charlie'));
		await tapButton(page, cdp, /^Note menu: Charlie/);
		const menu = page.getByRole('dialog', { name: 'Move the note “Charlie” to a group' });
		await expect(menu).toBeVisible();
		await tapButton(page, cdp, 'Other (2 notes)', menu);
		await expect(menu).toBeHidden();

		const groups = (await boardText(page)).join('\n');
		expect(groups).toContain('Ideas: Alpha | Bravo');
		expect(groups).toContain('Other: Charlie | Delta | Echo');
	});

	test('a cancelled touch drag leaves the note where it was', async ({ devices, server }) => {
		const { page, context } = await devices.open({ touch: true, viewport: TABLET });
		const id = await planSession(page, server.url, { title: 'Cancel', methods: [HMW] });
		await startRun(page, server.url, id);
		await addNote(page, 'Stay put', 'Insight');
		await addNote(page, 'Neighbour', HMW);
		await showBoard(page);
		const before = await boardText(page);
		await showBoard(page);
		const place = () =>
			note(page, 'Stay put').evaluate((el) => {
				const s = (el as HTMLElement).style;
				return `${s.left} ${s.top} ${s.transform}`;
			});
		const original = await place();
		const cdp = await context.newCDPSession(page);

		// Onto the other column, then the system takes the touch (a call, a system gesture).
		const from = await centreOf(page, 'Stay put');
		const neighbour = await centreOf(page, 'Neighbour');
		await touchStart(cdp, from);
		await touchMove(cdp, from, { x: neighbour.x, y: neighbour.y + 120 });
		await cdp.send('Input.dispatchTouchEvent', { type: 'touchCancel', touchPoints: [] });

		await expect.poll(place).toBe(original);
		expect(await boardText(page)).toEqual(before);
		await expect(page.getByRole('dialog')).toBeHidden();
	});
});
