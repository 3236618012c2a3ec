/**
 * Accessibility beyond a clean axe report (issue 21): a whole workshop by keyboard alone on two
 * devices, the polite announcements a screen reader hears, touch-target sizes, distinct accessible
 * names in every view, and reflow at 320 px and at 200 % zoom.
 *
 * The keyboard test presses keys only: no click, no tap, and nothing run in the page that changes
 * it. It reads the page (what has focus, what a field holds) to know when to stop tabbing.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { addNote, expectConnected, join, listView, planSession, startRun } from './support/workshop.ts';

const HMW = 'How might we…?';
const PHONE = { width: 360, height: 740 };

async function axe(page: Page, label: string, soft = false): Promise<void> {
	// Legacy mode runs axe in the page itself: the default opens a blank page per scan to merge
	// frame results, which doubles the time of forty scans, and these pages have no frames.
	const scan = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.setLegacyMode(true)
		.analyze();
	(soft ? expect.soft : expect)(
		scan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
		label
	).toEqual([]);
}

/** What has focus, for messages; "body" when nothing does. */
const focusedDescription = (page: Page) =>
	page.evaluate(() => {
		const el = document.activeElement;
		if (!el || el === document.body) return 'body';
		const name = el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? '';
		return `${el.tagName.toLowerCase()} “${name.trim().slice(0, 60)}”`;
	});

/** Visible focus: something other than the page itself has it, and it is drawn with an outline. */
async function expectVisibleFocus(page: Page, step: string): Promise<void> {
	const state = await page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		if (!el || el === document.body || el === document.documentElement) return { body: true, ring: false };
		const style = getComputedStyle(el);
		const ring =
			(style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
			style.boxShadow !== 'none' ||
			// A dialog takes focus itself when it opens; its controls then show the ring.
			el.tagName === 'DIALOG';
		return { body: false, ring };
	});
	expect(state.body, `focus fell to <body> after: ${step}`).toBe(false);
	expect(state.ring, `no visible focus indicator after: ${step} (${await focusedDescription(page)})`).toBe(true);
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus. Fails when it is not reached: a control
 * a keyboard user cannot get to, or a trap that keeps focus in a loop elsewhere.
 */
async function tabTo(page: Page, target: Locator, options: { back?: boolean; max?: number } = {}): Promise<void> {
	await expect(target).toBeVisible();
	const handle = await target.elementHandle();
	if (!handle) throw new Error('no such control');
	// The shorter way round, as a keyboard user would go: back when the control is above the focus.
	const above = await handle.evaluate(
		(el) =>
			document.activeElement !== null &&
			document.activeElement !== document.body &&
			(el.compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0
	);
	const key = (options.back ?? above) ? 'Shift+Tab' : 'Tab';
	const max = options.max ?? 250;
	for (let i = 0; i < max; i++) {
		if (await handle.evaluate((el) => el === document.activeElement)) return;
		await page.keyboard.press(key);
	}
	throw new Error(`could not reach ${target} by ${key} (focus on ${await focusedDescription(page)})`);
}

/** Tabs to a control and presses Enter on it (Space for check boxes). */
async function activate(page: Page, target: Locator, key = 'Enter'): Promise<void> {
	await tabTo(page, target);
	await page.keyboard.press(key);
}

/** Replaces a text field's content by typing. */
async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
	await tabTo(page, field);
	await page.keyboard.press('Control+a');
	await page.keyboard.press('Delete');
	await page.keyboard.type(text);
}

const announcer = (page: Page) => page.locator('[data-announcer]');

test.describe('accessibility', () => {
	test.describe.configure({ mode: 'parallel', timeout: 180_000 });

	test('a whole workshop by keyboard alone, on two devices, axe-clean in every state', async ({ devices, server }) => {
		// Some forty axe scans on two devices: about two minutes on a quiet machine, far more on a busy one.
		test.setTimeout(900_000);
		const facilitator = await devices.open({ viewport: { width: 1280, height: 900 } });
		const participant = await devices.open({ viewport: PHONE });
		const fac = facilitator.page;
		const pp = participant.page;
		const step = async (page: Page, label: string) => {
			await expectVisibleFocus(page, label);
			// Where focus is after each step, in the report: a rescue to a far place shows here.
			test.info().annotations.push({ type: 'focus', description: `${label}: ${await focusedDescription(page)}` });
			await axe(page, label);
		};

		// Create and plan.
		await fac.goto(server.url);
		await axe(fac, 'home');
		await activate(fac, fac.getByRole('button', { name: '+ New workshop' }).first());
		await fac.waitForURL(/\/sessions\/[0-9a-f-]+$/);
		await typeInto(fac, fac.getByLabel('Workshop title'), 'By keyboard');
		await step(fac, 'title typed');
		await activate(fac, fac.getByRole('button', { name: '+ Add a method' }));
		const picker = fac.getByRole('dialog');
		await expect(picker).toBeVisible();
		await typeInto(fac, picker.getByLabel('Search for a method'), HMW);
		await step(fac, 'method search');
		await activate(fac, picker.getByRole('button', { name: `Add “${HMW}”`, exact: true }));
		await expect(fac.locator('.agenda li[data-item]')).toHaveCount(1);
		await step(fac, 'method added');

		// Run it.
		await activate(fac, fac.getByRole('link', { name: /Run the workshop/ }));
		await fac.waitForURL(/\/run$/);
		await expect(fac.getByLabel('Join link')).toHaveValue(/\/join#/);
		const link = await fac.getByLabel('Join link').inputValue();
		await axe(fac, 'run page');

		// Join from the phone: the link is opened as a scanned QR code would open it.
		await pp.goto(link);
		await axe(pp, 'join page');
		await typeInto(pp, pp.getByLabel('Nickname (optional)'), 'Aino');
		await activate(pp, pp.getByRole('button', { name: 'Join', exact: true }));
		await pp.waitForURL(/\/participate\//);
		await expectConnected(pp, 1);
		await axe(pp, 'participant board');

		// Add a note from the phone (its list view).
		await activate(pp, pp.getByRole('button', { name: '+ Add note' }));
		const noteDialog = pp.getByRole('dialog');
		await expect(noteDialog).toBeVisible();
		await typeInto(pp, noteDialog.getByLabel('Text', { exact: true }), 'Benches in every room');
		await step(pp, 'note dialog');
		await activate(pp, noteDialog.getByRole('button', { name: 'Save note' }));
		await expect(noteDialog).toBeHidden();
		await expect(pp.locator('.note-item', { hasText: 'Benches in every room' })).toBeVisible();
		await step(pp, 'note added');

		// A second note, for grouping.
		await activate(pp, pp.getByRole('button', { name: '+ Add note' }));
		await typeInto(pp, noteDialog.getByLabel('Text', { exact: true }), 'Quiet room');
		await activate(pp, noteDialog.getByRole('button', { name: 'Save note' }));
		await expect(noteDialog).toBeHidden();
		await step(pp, 'second note added');

		// Edit it.
		await activate(pp, pp.getByRole('button', { name: 'Edit: Quiet room' }));
		await expect(noteDialog).toBeVisible();
		await typeInto(pp, noteDialog.getByLabel('Text', { exact: true }), 'A quiet room');
		await activate(pp, noteDialog.getByRole('button', { name: 'Save note' }));
		await expect(pp.locator('.note-item', { hasText: 'A quiet room' })).toBeVisible();
		await step(pp, 'note edited');

		// Move it to the other zone: choose, then confirm.
		const zoneSelect = pp.getByLabel('Zone for note: A quiet room');
		await tabTo(pp, zoneSelect);
		await pp.keyboard.press('ArrowDown');
		// Looking at the options moves nothing yet (WCAG 3.2.2).
		await expect(pp.getByRole('region', { name: 'Insight' })).toContainText('A quiet room');
		await expectVisibleFocus(pp, 'zone chosen');
		await activate(pp, pp.getByRole('button', { name: 'Move: A quiet room' }));
		await expect(pp.getByRole('region', { name: HMW })).toContainText('A quiet room');
		await step(pp, 'note moved');

		// The facilitator sees both and reveals (phase buttons by keyboard).
		await expect(fac.getByRole('button', { name: /A quiet room/ })).toHaveCount(1);
		await activate(fac, fac.getByRole('button', { name: '2. Reveal' }));
		await step(fac, 'reveal');
		await activate(fac, fac.getByRole('button', { name: '3. Group' }));
		await step(fac, 'group phase');

		// The participant selects several, groups them and renames the group.
		await activate(pp, pp.getByRole('checkbox', { name: 'Select note: A quiet room' }), 'Space');
		await activate(pp, pp.getByRole('checkbox', { name: 'Select note: Benches in every room' }), 'Space');
		await step(pp, 'two selected');
		await activate(pp, pp.getByRole('button', { name: 'Group the selected notes' }));
		const prompt = pp.getByRole('dialog');
		await expect(prompt.getByRole('textbox', { name: 'Group name' })).toBeFocused();
		await pp.keyboard.type('Rest');
		await activate(pp, prompt.getByRole('button', { name: 'Save', exact: true }));
		await expect(pp.getByRole('heading', { name: 'Group: Rest' })).toBeVisible();
		await step(pp, 'grouped');
		await activate(pp, pp.getByRole('button', { name: 'Rename group: Rest' }));
		await expect(prompt.getByRole('textbox', { name: 'Group name' })).toBeFocused();
		await pp.keyboard.press('Control+a');
		await pp.keyboard.type('Places to rest');
		await activate(pp, prompt.getByRole('button', { name: 'Save', exact: true }));
		await expect(pp.getByRole('heading', { name: 'Group: Places to rest' })).toBeVisible();
		await step(pp, 'group renamed');

		// Vote and take the dot back.
		await activate(fac, fac.getByRole('button', { name: '4. Vote' }));
		await step(fac, 'vote phase');
		await activate(pp, pp.getByRole('button', { name: 'Give a dot: A quiet room' }));
		await expect(pp.getByRole('button', { name: 'Take a dot back: A quiet room' })).toBeVisible();
		await step(pp, 'voted');
		await activate(pp, pp.getByRole('button', { name: 'Give a dot: A quiet room' }));
		await activate(pp, pp.getByRole('button', { name: 'Take a dot back: A quiet room' }));
		await expect(pp.getByRole('button', { name: 'Take a dot back: A quiet room' })).toBeVisible();
		await activate(pp, pp.getByRole('button', { name: 'Take a dot back: A quiet room' }));
		// The last dot taken back removes the button: focus stays with the note's controls.
		await expect(pp.getByRole('button', { name: 'Take a dot back: A quiet room' })).toHaveCount(0);
		await step(pp, 'unvoted');
		await activate(pp, pp.getByRole('button', { name: 'Give a dot: Benches in every room' }));
		await step(pp, 'voted again');

		// Results, then the export.
		await activate(fac, fac.getByRole('button', { name: '5. Results' }));
		await step(fac, 'results');
		await expect(pp.getByText('1 dot').first()).toBeVisible();
		await step(pp, 'results on the phone');
		const csv = fac.waitForEvent('download');
		await activate(fac, fac.getByRole('button', { name: 'Notes as CSV' }));
		expect((await csv).suggestedFilename()).toMatch(/\.csv$/);
		await expect(fac.getByRole('status').filter({ hasText: /Saved/ })).toBeVisible();
		await step(fac, 'exported');
		const pdf = fac.waitForEvent('download');
		await activate(fac, fac.getByRole('button', { name: 'PDF summary' }));
		expect((await pdf).suggestedFilename()).toMatch(/\.pdf$/);
		await step(fac, 'PDF exported');
		expect(facilitator.errors).toEqual([]);
		expect(participant.errors).toEqual([]);
	});

	test('the polite live region says phase changes, new notes from others, the reveal and the results', async ({
		devices,
		server
	}) => {
		const facilitator = await devices.open();
		const participant = await devices.open({ viewport: PHONE });
		const id = await planSession(facilitator.page, server.url, { title: 'Heard', methods: [HMW] });
		const link = await startRun(facilitator.page, server.url, id);
		await join(participant, link, 'Aino');
		await expectConnected(participant.page, 1);
		const said = announcer(participant.page);
		await expect(said).toHaveAttribute('aria-live', 'polite');

		// A note from another device, summarised per zone.
		await addNote(facilitator.page, 'Seen from the phone', 'Insight');
		await expect(said).toHaveText(/^1 new note in Insight\.\u200b?$/);
		// Phase and reveal: said together when the facilitator moves to Reveal.
		await facilitator.page.getByRole('group', { name: 'Phase' }).getByRole('button', { name: '2. Reveal' }).click();
		await expect(said).toHaveText(/^Phase: Reveal\. Everyone’s notes are shown now\.\u200b?$/);
		await facilitator.page.getByRole('group', { name: 'Phase' }).getByRole('button', { name: '4. Vote' }).click();
		await expect(said).toHaveText(/^Phase: Vote\.\u200b?$/);
		await facilitator.page.getByRole('group', { name: 'Phase' }).getByRole('button', { name: '5. Results' }).click();
		await expect(said).toHaveText(/^Phase: Results\. The results are shown now\.\u200b?$/);
		expect(participant.errors).toEqual([]);
	});

	test('touch targets: 24×24 px on the main routes, 44×44 px on the participant’s phone', async ({
		devices,
		server
	}) => {
		const facilitator = await devices.open({ viewport: { width: 1280, height: 900 } });
		const participant = await devices.open({ viewport: PHONE, touch: true });
		const id = await planSession(facilitator.page, server.url, { title: 'Big enough', methods: [HMW] });
		const link = await startRun(facilitator.page, server.url, id);
		await join(participant, link, 'Aino');
		await expectConnected(participant.page, 1);
		await addNote(participant.page, 'A note with controls', 'Insight');
		await facilitator.page.getByRole('group', { name: 'Phase' }).getByRole('button', { name: '4. Vote' }).click();
		await expect(participant.page.getByRole('button', { name: /^Give a dot: / })).toBeVisible();

		const small = async (page: Page, min: number) => {
			await page.waitForLoadState('networkidle');
			return page.evaluate(tooSmall, min);
		};
		for (const path of ['/', '/methods', '/settings', '/templates', '/accessibility', `/sessions/${id}`]) {
			await facilitator.page.goto(server.url + path);
			await expect(facilitator.page.locator('h1').first()).toBeVisible();
			expect.soft(await small(facilitator.page, 24), path).toEqual([]);
		}
		await facilitator.page.goto(`${server.url}/sessions/${id}/run`);
		await expect(facilitator.page.locator('#activity-title')).toBeVisible();
		expect.soft(await small(facilitator.page, 24), 'run').toEqual([]);
		await listView(facilitator.page);
		expect.soft(await small(facilitator.page, 24), 'run, list view').toEqual([]);

		expect.soft(await small(participant.page, 44), 'participant, list view').toEqual([]);
		await participant.page.getByRole('button', { name: 'Board', exact: true }).click();
		expect.soft(await small(participant.page, 44), 'participant, board view').toEqual([]);
	});

	test('no two controls in a view share a name unless they do the same thing', async ({ devices, server }) => {
		const facilitator = await devices.open({ viewport: { width: 1280, height: 900 } });
		const participant = await devices.open({ viewport: PHONE });
		const { page } = facilitator;
		const id = await planSession(page, server.url, { title: 'Named apart', methods: [HMW, 'Dot voting'] });
		const link = await startRun(page, server.url, id);
		await join(participant, link, 'Aino');
		await expectConnected(participant.page, 1);
		await addNote(participant.page, 'First note', 'Insight');
		await addNote(participant.page, 'Second note', HMW);
		await page.getByRole('group', { name: 'Phase' }).getByRole('button', { name: '4. Vote' }).click();
		await expect(participant.page.getByRole('button', { name: 'Give a dot: Second note' })).toBeVisible();
		await participant.page.getByRole('button', { name: 'Give a dot: Second note' }).click();

		const check = async (p: Page, view: string) => expect.soft(await duplicateNames(p), view).toEqual([]);
		for (const [view, path] of [
			['home', '/'],
			['plan', `/sessions/${id}`],
			['methods', '/methods'],
			['method', '/methods/how-might-we'],
			['settings', '/settings'],
			['templates', '/templates'],
			['accessibility', '/accessibility']
		]) {
			await page.goto(server.url + path);
			await expect(page.locator('h1').first()).toBeVisible();
			await page.waitForLoadState('networkidle');
			await check(page, view);
		}
		await page.goto(`${server.url}/sessions/${id}/run`);
		await expect(page.getByRole('button', { name: /First note/ })).toBeVisible();
		await check(page, 'run, board');
		// With notes selected the selection toolbar joins the controls.
		await page.getByRole('button', { name: /First note/ }).focus();
		await page.keyboard.press('Space');
		await page.getByRole('button', { name: /Second note/ }).focus();
		await page.keyboard.press('Space');
		await expect(page.getByRole('toolbar', { name: '2 notes selected' })).toBeVisible();
		await check(page, 'run, board with a selection');
		await listView(page);
		await check(page, 'run, list view');
		await listView(participant.page);
		await check(participant.page, 'participant, list view');
		await participant.page.getByRole('button', { name: 'Board', exact: true }).click();
		await expect(participant.page.getByRole('button', { name: /First note/ })).toBeVisible();
		await check(participant.page, 'participant, board');
	});

	// 320 CSS px is WCAG 1.4.10's own figure; a 1280 px window at 200 % zoom lays out as 640 CSS px
	// (browser zoom changes the CSS pixels per window pixel, which a 640 px viewport reproduces).
	for (const size of [
		{ width: 320, height: 640 },
		{ width: 640, height: 450 }
	]) {
		test(`every route but the spatial board reflows at ${size.width} CSS px, axe-clean`, async ({
			devices,
			server
		}) => {
			// Eleven routes, each scanned by axe: slow on a busy machine.
			test.setTimeout(420_000);
			const facilitator = await devices.open({ viewport: { width: 1280, height: 900 } });
			const participant = await devices.open({ viewport: { width: 1280, height: 900 } });
			const id = await planSession(facilitator.page, server.url, { title: 'Reflows', methods: [HMW] });
			const link = await startRun(facilitator.page, server.url, id);
			await join(participant, link, 'Aino');
			await expectConnected(participant.page, 1);
			await addNote(participant.page, 'A rather long note that has to wrap on a narrow screen', 'Insight');
			const participantUrl = participant.page.url();
			for (const device of [facilitator, participant]) await device.page.setViewportSize(size);
			const routes: [Page, string][] = [
				[facilitator.page, '/'],
				[facilitator.page, '/methods'],
				[facilitator.page, '/methods/how-might-we'],
				[facilitator.page, '/methods/new'],
				[facilitator.page, '/settings'],
				[facilitator.page, '/templates'],
				[facilitator.page, '/accessibility'],
				[facilitator.page, `/sessions/${id}`],
				[facilitator.page, `/sessions/${id}/run`],
				[participant.page, link],
				[participant.page, participantUrl]
			];
			for (const [page, route] of routes) {
				const label = `${route.replace(server.url, '')} at ${size.width} px`;
				await page.goto(route.startsWith('http') ? route : server.url + route);
				await expect(page.locator('h1').first()).toBeVisible();
				await page.waitForLoadState('networkidle');
				// The board falls back to its list view here; the spatial board is exempt from reflow.
				if (route.includes('/run') || route === participantUrl) {
					await expect(page.getByRole('button', { name: /^List$/ })).toHaveAttribute('aria-pressed', 'true');
				}
				const overflow = await page.evaluate(() => ({
					scroll: document.documentElement.scrollWidth,
					client: document.documentElement.clientWidth,
					wide: [...document.querySelectorAll<HTMLElement>('body *')]
						.filter((el) => {
							const r = el.getBoundingClientRect();
							return r.width > 0 && r.right > document.documentElement.clientWidth + 1;
						})
						.slice(0, 5)
						.map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
				}));
				expect.soft(overflow.scroll, `${label}: ${overflow.wide.join(', ')}`).toBeLessThanOrEqual(overflow.client);
				await axe(page, label, true);
			}
		});
	}
});

/** Interactive elements smaller than `min` CSS px in either direction (runs in the page). */
function tooSmall(min: number): string[] {
	const selector =
		'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="checkbox"], [tabindex]:not([tabindex="-1"])';
	const out: string[] = [];
	for (const el of document.querySelectorAll<HTMLElement>(selector)) {
		if (el.closest('[hidden], [inert], dialog:not([open])')) continue;
		const style = getComputedStyle(el);
		if (style.visibility === 'hidden') continue;
		let box = el.getBoundingClientRect();
		if (box.width === 0 && box.height === 0) continue;
		// A check box, a radio button or a visually hidden file input is operated through its label
		// too: the label is the target.
		const label = (el as HTMLInputElement).labels?.[0];
		if (label && (['checkbox', 'radio'].includes((el as HTMLInputElement).type) || box.width <= 1 || box.height <= 1))
			box = label.getBoundingClientRect();
		// WCAG 2.5.8's inline exception: a link inside a sentence is sized by the line of text.
		if (el.tagName === 'A' && style.display === 'inline' && el.closest('p, li, small, dd, td') !== null) continue;
		// Visually hidden controls (a skip link until focused) are not targets.
		if (box.width <= 1 && box.height <= 1) continue;
		if (box.width < min - 0.5 || box.height < min - 0.5) {
			const name = (el.getAttribute('aria-label') ?? el.textContent ?? el.getAttribute('name') ?? '').trim();
			out.push(`${el.tagName.toLowerCase()} “${name.slice(0, 40)}” ${Math.round(box.width)}×${Math.round(box.height)}`);
		}
	}
	return out;
}

/** Accessible names shared by two visible controls that do different things, from the browser's
 * own accessibility tree. Links to the same address do the same thing. */
async function duplicateNames(page: Page): Promise<string[]> {
	const cdp = await page.context().newCDPSession(page);
	try {
		const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
			nodes: {
				ignored: boolean;
				role?: { value: string };
				name?: { value: string };
				backendDOMNodeId?: number;
			}[];
		};
		const roles = new Set([
			'button',
			'link',
			'checkbox',
			'radio',
			'textbox',
			'searchbox',
			'combobox',
			'spinbutton',
			'slider',
			'switch',
			'tab',
			'menuitem',
			'PopUpButton',
			'ComboBoxSelect',
			'ComboBoxMenuButton'
		]);
		const byName = new Map<string, string[]>();
		for (const node of nodes) {
			if (node.ignored || !node.role || !roles.has(node.role.value)) continue;
			const name = node.name?.value?.trim() ?? '';
			if (!name) continue;
			let what = node.role.value;
			if (what === 'link' && node.backendDOMNodeId) {
				const { node: dom } = (await cdp.send('DOM.describeNode', { backendNodeId: node.backendDOMNodeId })) as {
					node: { attributes?: string[] };
				};
				const attrs = dom.attributes ?? [];
				what = `link ${attrs[attrs.indexOf('href') + 1]}`;
			}
			const key = `${name}`;
			byName.set(key, [...(byName.get(key) ?? []), what]);
		}
		return [...byName]
			.filter(([, whats]) => new Set(whats).size > 1 || (whats.length > 1 && !whats[0].startsWith('link ')))
			.map(([name, whats]) => `“${name}”: ${whats.join(', ')}`);
	} finally {
		await cdp.detach();
	}
}
