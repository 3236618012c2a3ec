import { expect, test } from './support/fixtures.ts';
import { addNote, expectConnected, join, listView, startRun, type Device } from './support/workshop.ts';

/**
 * A method enters a plan two ways — "Add to a workshop" on its library page and "+ Add a method"
 * in the plan — and either way it runs with its own board: "Hopes and concerns" with private
 * writing in two columns, "Dot voting" with three dots and a results phase.
 */
test.describe('methods added from the library and from the plan', () => {
	test.describe.configure({ timeout: 300_000 });

	test('run with their boards on three devices: private writing, then voting', async ({ devices, server }) => {
		const facilitator = await devices.open();
		const { page } = facilitator;

		// From the method's own page, into a new workshop.
		await page.goto(`${server.url}/methods/hopes-and-concerns`);
		await page.getByRole('button', { name: 'Add to a workshop' }).click();
		const add = page.getByRole('dialog', { name: 'Add “Hopes and concerns” to a workshop' });
		await add.getByRole('button', { name: '+ New workshop' }).click();
		await expect(add.getByRole('status')).toHaveText('Added to the workshop “New workshop”.');
		await add.getByRole('link', { name: 'Open the workshop' }).click();
		await page.waitForURL(/\/sessions\/[0-9a-f-]+$/);
		const id = page.url().split('/').pop()!;

		// The tab's title follows a rename; the agenda names its method instead of showing its id.
		await expect(page).toHaveTitle('New workshop · Kohtaamo');
		await page.getByLabel('Workshop title').fill('Perhepäivän suunnittelu');
		await expect(page).toHaveTitle('Perhepäivän suunnittelu · Kohtaamo');
		const items = page.locator('.agenda li[data-item]');
		await expect(items.first().getByRole('link')).toHaveText('Method: Hopes and concerns');

		// From the plan's own picker.
		await page.getByRole('button', { name: '+ Add a method' }).click();
		await page.getByLabel('Search for a method').fill('Dot voting');
		await page.getByRole('dialog').getByRole('button', { name: 'Add “Dot voting”', exact: true }).click();
		await expect(items).toHaveCount(2);
		await expect(items.nth(1).getByRole('link')).toHaveText('Method: Dot voting');

		const link = await startRun(page, server.url, id);
		const aino = await devices.open({ locale: 'fi-FI', viewport: { width: 1024, height: 900 } });
		const bo = await devices.open({ locale: 'sv-FI', viewport: { width: 1024, height: 900 } });
		const all: Device[] = [facilitator, aino, bo];
		await join(aino, link, 'Aino');
		await join(bo, link, 'Bo');
		for (const device of all) await expectConnected(device.page, 2);
		const phases = facilitator.page.getByRole('group', { name: 'Phase' });

		// Titles are in the session's language (English); zones and controls in each device's own.
		// "Hopes and concerns": two columns, private writing, no vote.
		await expect(aino.page.getByRole('heading', { level: 1 })).toHaveText('Hopes and concerns');
		await expect(phases.getByRole('button', { name: 'Vote' })).toHaveCount(0);
		await addNote(aino.page, 'Ainon toive', 'Toiveet');
		await addNote(bo.page, 'Bos farhåga', 'Farhågor');
		for (const device of all) await listView(device.page);
		await expect(aino.page.locator('.note-item .text')).toHaveText(['Ainon toive']);
		await expect(bo.page.locator('.note-item .text')).toHaveText(['Bos farhåga']);
		await expect(facilitator.page.getByText('2 notes by others are hidden')).toBeVisible();
		await phases.getByRole('button', { name: 'Reveal' }).click();
		for (const device of all)
			await expect(device.page.locator('.note-item .text')).toHaveText(['Ainon toive', 'Bos farhåga']);

		// "Dot voting": continues on the notes just revealed (its default, see continuation.ts), open
		// writing, three dots each, results for everyone.
		await facilitator.page.getByRole('button', { name: 'Next activity →' }).click();
		await expect(bo.page.getByRole('heading', { level: 1 })).toHaveText('Dot voting');
		await addNote(aino.page, 'Perhelippu');
		await addNote(bo.page, 'Kesäillat');
		for (const device of all) {
			await listView(device.page);
			await expect(device.page.locator('.note-item')).toHaveCount(4);
			await expect(device.page.locator('.note-item', { hasText: 'Ainon toive' })).toHaveCount(1);
		}
		await phases.getByRole('button', { name: 'Vote' }).click();
		await expect(aino.page.getByText('Sinulla on 3 pistettä jäljellä')).toBeVisible();
		await aino.page.locator('.note-item', { hasText: 'Kesäillat' }).getByRole('button', { name: 'Anna piste' }).click();
		await bo.page.locator('.note-item', { hasText: 'Kesäillat' }).getByRole('button', { name: 'Ge en prick' }).click();
		await facilitator.page
			.locator('.note-item', { hasText: 'Perhelippu' })
			.getByRole('button', { name: 'Give a dot' })
			.click();
		await phases.getByRole('button', { name: 'Results' }).click();
		for (const device of all) {
			await expect(device.page.locator('.note-item', { hasText: 'Kesäillat' }).locator('.votes')).toHaveText(/2/);
			await expect(device.page.locator('.note-item', { hasText: 'Perhelippu' }).locator('.votes')).toHaveText(/1/);
		}

		// The plan changes in another tab while the workshop runs: the run follows at once. The
		// activity removed from the plan holds notes; it leaves the run, and its notes are kept.
		const plan = await facilitator.context.newPage();
		await plan.goto(`${server.url}/sessions/${id}`);
		await plan.getByLabel('Workshop title').fill('Perhepäivä');
		await plan.getByRole('button', { name: '+ Add a break' }).click();
		await plan
			.locator('.agenda li[data-item]')
			.first()
			.getByRole('button', { name: /^Remove from the agenda: / })
			.click();
		await expect(page).toHaveTitle('Workshop running · Perhepäivä · Kohtaamo');
		await expect(aino.page.locator('.session')).toHaveText('Perhepäivä');
		const jump = page.getByRole('combobox', { name: 'Go to activity' });
		await expect(jump.locator('option')).toHaveText(['1. Dot voting', '2. Break']);
		await expect(page.locator('#activity-title')).toHaveText(/Dot voting$/);
		for (const device of all) expect(device.errors).toEqual([]);
	});
});
