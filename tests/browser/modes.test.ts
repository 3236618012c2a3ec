/**
 * Museum workshop modes (issue 17): a moderated board for school groups and a visitor comment
 * station. Every device is its own browser context against the real workshop server.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { addNote, expectConnected, join, listView, noteTexts, planSession, startRun } from './support/workshop.ts';

const HMW = 'How might we…?';

async function expectNoAxeViolations(page: Page) {
	const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
}

test.describe('museum modes', () => {
	test.describe.configure({ timeout: 420_000 });

	test('a moderated board shows notes to others only once approved; a declined note goes everywhere and its writer sees why', async ({
		devices,
		server
	}) => {
		const facilitator = await devices.open();
		const aino = await devices.open({ viewport: { width: 1024, height: 900 } });
		const bo = await devices.open({ viewport: { width: 1024, height: 900 }, touch: true });
		const id = await planSession(facilitator.page, server.url, {
			title: 'School visit',
			methods: [HMW],
			anonymous: true
		});
		const link = await startRun(facilitator.page, server.url, id);
		await join(aino, link);
		await join(bo, link);
		for (const device of [facilitator, aino, bo]) await expectConnected(device.page, 2);

		const f = facilitator.page;
		await f.getByLabel('Approve notes before others see them').check();
		const inbox = f.getByTestId('moderation-inbox');
		await expect(inbox.getByRole('status')).toHaveText('No notes are waiting.');
		for (const device of [aino, bo])
			await expect(device.page.getByText('The facilitator approves notes before others see them.')).toBeVisible();

		await addNote(aino.page, 'Longer breaks between rooms');
		await addNote(aino.page, 'This museum is lame');
		await addNote(bo.page, 'More things to tuch');

		// Each writer sees their own notes, marked waiting; nobody sees anyone else's.
		await listView(aino.page);
		await expect(aino.page.locator('.note-item')).toHaveCount(2);
		await expect(aino.page.locator('.note-item [data-waiting]')).toHaveCount(2);
		await expect(aino.page.locator('.note-item', { hasText: 'Longer breaks' })).toContainText('Waiting for approval');
		expect(await noteTexts(bo)).toEqual(['More things to tuch']);
		await listView(f);
		await expect(f.locator('.note-item')).toHaveCount(0);
		await expect(inbox.getByRole('status')).toHaveText('3 notes waiting');
		await expect(inbox.locator('[data-inbox-note-id]')).toHaveCount(3);
		await expectNoAxeViolations(f);

		// Edit and approve Bo's note; then approve Aino's first note with the keyboard.
		await inbox.getByRole('button', { name: 'Edit and approve: More things to tuch' }).click();
		await inbox.getByLabel('Edit the note before approving it').fill('More things to touch');
		await inbox.getByRole('button', { name: 'Approve as edited' }).click();
		await inbox.getByRole('button', { name: 'Approve: Longer breaks between rooms', exact: true }).focus();
		await f.keyboard.press('Enter');
		await expect(inbox.getByRole('status')).toHaveText('1 note waiting');
		await expect.poll(() => noteTexts(bo)).toEqual(['Longer breaks between rooms', 'More things to touch']);
		await expect(aino.page.locator('.note-item [data-waiting]')).toHaveCount(1);

		// Decline the last one with a reason: gone from every device, and its writer is told why.
		await inbox.getByRole('button', { name: 'Decline: This museum is lame' }).click();
		await f.getByRole('textbox', { name: /Why is the note declined/ }).fill('Please write about the exhibition');
		await f.getByRole('dialog').getByRole('button', { name: 'Decline', exact: true }).click();
		await expect(inbox.getByRole('status')).toHaveText('No notes are waiting.');
		await expect(aino.page.getByTestId('declined-notice')).toContainText('Please write about the exhibition');
		await expect(aino.page.locator('.note-item', { hasText: 'This museum is lame' })).toHaveCount(0);
		expect(await noteTexts(aino)).toEqual(['Longer breaks between rooms', 'More things to touch']);
		expect(await noteTexts(bo)).toEqual(['Longer breaks between rooms', 'More things to touch']);
		await expect(bo.page.getByTestId('declined-notice')).toHaveCount(0);
		expect(await noteTexts(facilitator)).toEqual(['Longer breaks between rooms', 'More things to touch']);

		// Many at once: tick all, approve the lot.
		await addNote(aino.page, 'A quiet corner');
		await addNote(bo.page, 'Touch screens for kids');
		await expect(inbox.getByRole('status')).toHaveText('2 notes waiting');
		await inbox.getByLabel('Select all').check();
		await inbox.getByRole('button', { name: 'Approve selected (2)' }).click();
		await expect(inbox.getByRole('status')).toHaveText('No notes are waiting.');
		await expect.poll(() => noteTexts(bo)).toHaveLength(4);
		await expect.poll(() => noteTexts(aino)).toHaveLength(4);
		for (const device of [facilitator, aino, bo]) expect(device.errors).toEqual([]);
	});

	test('a comment station serves 50 visitors with nothing of the last one left, survives a reload and its notes merge into a session', async ({
		devices,
		server
	}) => {
		const station = await devices.open({ viewport: { width: 1024, height: 768 }, touch: true });
		const s = station.page;
		await s.goto(`${server.url}/station`);
		await s.getByLabel('Question for visitors').fill('What did this room make you think of?');
		await s.getByLabel('PIN to leave the comment station').fill('2468');
		await s.getByLabel('PIN again').fill('2468');
		await s.getByLabel('Ask for an age group (one tap, optional)').check();
		await s.getByRole('button', { name: 'Start the comment station' }).click();
		await expect(s.getByRole('heading', { level: 1, name: 'What did this room make you think of?' })).toBeVisible();
		// The station shows the station alone: no navigation to the rest of the app.
		await expect(s.getByRole('navigation')).toHaveCount(0);
		await expectNoAxeViolations(s);

		const field = () => s.getByLabel('Write your thought');
		await expect(field()).toHaveAttribute('autocomplete', 'off');
		await expect(field()).toHaveAttribute('autocorrect', 'off');
		await expect(field()).toHaveAttribute('spellcheck', 'false');
		const names = new Set<string>();
		const ages = ['Under 13', '13–17', '18–64', '65 or over'];
		for (let i = 0; i < 50; i++) {
			if (i === 25) {
				await s.reload();
				await expect(s.getByRole('heading', { level: 1 })).toHaveText('What did this room make you think of?');
			}
			const name = await field().getAttribute('name');
			expect(name).not.toBeNull();
			names.add(name!);
			await field().fill(`Visitor ${i} thought`);
			if (i % 3 === 0) await s.getByRole('button', { name: ages[i % 4] }).click();
			await s.getByRole('button', { name: 'Send' }).click();
			await expect(s.getByRole('status').filter({ hasText: 'Thank you' })).toBeVisible();
			// Nothing of this visitor left: not in the page's text, not in any field, no choice pressed.
			const left = await s.evaluate(
				(text) => ({
					inText: document.body.innerText.includes(text),
					inFields: [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].some(
						(el) => el.value.includes(text)
					),
					inMarkup: document.body.innerHTML.includes(text),
					pressed: document.querySelectorAll('[aria-pressed="true"]').length
				}),
				`Visitor ${i} `
			);
			expect(left).toEqual({ inText: false, inFields: false, inMarkup: false, pressed: 0 });
		}
		// Every visitor had a field of their own name, so the browser has no earlier entries to offer.
		expect(names.size).toBe(50);

		// Leaving needs the PIN.
		await s.getByRole('button', { name: 'For the facilitator' }).click();
		const menu = s.getByRole('dialog', { name: 'Facilitator menu' });
		await menu.getByLabel('Facilitator’s PIN').fill('1111');
		await menu.getByRole('button', { name: 'Open' }).click();
		await expect(menu.getByRole('alert')).toHaveText('Wrong PIN.');
		await menu.getByLabel('Facilitator’s PIN').fill('2468');
		await menu.getByRole('button', { name: 'Open' }).click();
		await expect(menu.getByText('50 notes kept.')).toBeVisible();
		const [download] = await Promise.all([
			s.waitForEvent('download'),
			menu.getByRole('button', { name: 'Save the notes to a file' }).click()
		]);
		const file = await readFile(await download.path());
		await menu.getByRole('button', { name: 'Close the comment station' }).click();
		await expect(s).toHaveURL(`${server.url}/`);

		// A facilitator's device that never met the station reads its file: all 50 notes, once.
		const facilitator = await devices.open();
		const f = facilitator.page;
		const id = await planSession(f, server.url, { title: 'Gallery week', methods: [HMW] });
		await startRun(f, server.url, id);
		const input = f.getByLabel(/Add notes from a comment station’s file/);
		await input.setInputFiles({ name: 'station.json', mimeType: 'application/json', buffer: file });
		const merged = f.getByTestId('station-panel-message');
		await expect(merged).toHaveText('50 notes came from the comment station.');
		await listView(f);
		await expect(f.locator('.note-item')).toHaveCount(50);
		await expect(f.locator('.note-item', { hasText: 'Visitor 49 thought' })).toHaveCount(1);
		await input.setInputFiles({ name: 'station.json', mimeType: 'application/json', buffer: file });
		await expect(merged).toHaveText('0 notes came from the comment station.');
		await expect(f.locator('.note-item')).toHaveCount(50);
		for (const device of [station, facilitator]) expect(device.errors).toEqual([]);
	});
});
