import { readFile } from 'node:fs/promises';
import { expect, test } from './support/fixtures.ts';
import { expectConnected, join, listView, startRun } from './support/workshop.ts';

/**
 * Workshop templates: a first-time facilitator starts a whole workshop from one on the home page and
 * runs its first activity with the template's board; an own template is saved from a plan, exported,
 * imported again on another device, and a broken file is refused without changing anything.
 */
test.describe('workshop templates', () => {
	test.describe.configure({ timeout: 240_000 });

	test('a first visit starts a workshop from a template and runs its first activity with its board', async ({
		devices,
		server
	}) => {
		const facilitator = await devices.open({ viewport: { width: 1024, height: 900 } });
		const { page } = facilitator;
		await page.goto(server.url);
		const templates = page.getByRole('region', { name: 'Or start from a ready-made template' });
		await expect(templates.getByRole('article')).toHaveCount(8);
		await templates
			.getByRole('button', { name: "Start a workshop from this template: A school group's co-design visit" })
			.click();
		await page.waitForURL(/\/sessions\/[0-9a-f-]+$/);
		const id = page.url().split('/').pop()!;
		await expect(page.getByLabel('Workshop title')).toHaveValue("A school group's co-design visit");
		const items = page.locator('.agenda li[data-item]');
		await expect(items).toHaveCount(6);
		await expect(items.first().getByRole('link')).toHaveText('Method: Happy tracker');
		await expect(page.getByText('80 min', { exact: false }).first()).toBeVisible();

		const link = await startRun(page, server.url, id);
		const pupil = await devices.open({ viewport: { width: 390, height: 800 }, touch: true });
		await join(pupil, link, 'Pupu');
		await expectConnected(page, 1);
		await expect(pupil.page.getByRole('heading', { level: 1 })).toHaveText('How you feel as you arrive');
		// The happy tracker's own board: a 1–10 scale at the start and at the end.
		await pupil.page.getByRole('button', { name: '+ Add note' }).click();
		const dialog = pupil.page.getByRole('dialog');
		const zone = dialog.getByLabel('Zone');
		const options = await zone.locator('option').allTextContents();
		expect(options.filter((o) => o.includes('At the start'))).toHaveLength(10);
		const top = options.find((o) => o.includes('At the start') && o.includes('10 – very good'));
		expect(top).toBeDefined();
		await dialog.getByLabel('Text').fill('Ihan ok');
		await zone.selectOption({ label: top! });
		await dialog.getByRole('button', { name: 'Save note' }).click();
		await expect(dialog).toBeHidden();
		await listView(page);
		await expect(page.getByText('1 note by others is hidden')).toBeVisible();
	});

	test('an own template is saved from a plan, exported, imported elsewhere; a broken file changes nothing', async ({
		devices,
		server
	}, testInfo) => {
		const museum = await devices.open();
		await museum.page.goto(server.url);
		await museum.page.getByRole('button', { name: '+ New workshop' }).first().click();
		await museum.page.waitForURL(/\/sessions\/[0-9a-f-]+$/);
		await museum.page.getByLabel('Workshop title').fill('Seniors’ panel, autumn');
		await museum.page.getByRole('button', { name: '+ Add a method' }).click();
		await museum.page.getByLabel('Search for a method').fill('object check-in');
		await museum.page
			.getByRole('dialog')
			.getByRole('button', { name: /^Add “/ })
			.first()
			.click();
		await museum.page.getByRole('button', { name: '+ Add a break' }).click();
		await expect(museum.page.locator('.agenda li[data-item]')).toHaveCount(2);

		await museum.page.getByRole('button', { name: 'Save the agenda as a template' }).click();
		const prompt = museum.page.getByRole('dialog');
		await expect(prompt.getByLabel('Template name')).toHaveValue('Seniors’ panel, autumn');
		await prompt.getByLabel('Template name').fill('Autumn panel');
		await prompt.getByRole('button', { name: 'Save' }).click();
		await expect(museum.page.getByRole('status').filter({ hasText: 'saved to your own templates' })).toHaveText(
			/as “Autumn panel”/
		);

		await museum.page.goto(`${server.url}/templates`);
		const own = museum.page.getByRole('region', { name: 'Your own templates' });
		await expect(own.getByRole('article', { name: 'Autumn panel' })).toBeVisible();
		const download = museum.page.waitForEvent('download');
		await own.getByRole('button', { name: 'Export as a file: Autumn panel' }).click();
		const file = testInfo.outputPath('autumn-panel.yaml');
		await (await download).saveAs(file);
		expect(await readFile(file, 'utf8')).toMatch(/^# Kohtaamo workshop template/);

		// Another device: a broken file is refused and explained, and nothing is added.
		const other = await devices.open({ locale: 'fi-FI' });
		await other.page.goto(`${server.url}/templates`);
		const input = other.page.locator('input[type=file]');
		await input.setInputFiles({
			name: 'broken.yaml',
			mimeType: 'text/yaml',
			buffer: Buffer.from('id: broken\nname: { fi: Rikki }\nitems: []\n')
		});
		const alert = other.page.getByRole('alert');
		await expect(alert).toContainText('Tiedosto ei ole kelvollinen työpajapohja. Mitään ei tuotu.');
		await expect(alert).toContainText('name.sv');
		await expect(other.page.getByText('Sinulla ei ole vielä omia pohjia.')).toBeVisible();

		// The exported file imports, and starts the same agenda.
		await input.setInputFiles(file);
		await expect(other.page.getByRole('status').filter({ hasText: 'lisättiin' })).toHaveText(
			'Pohja ”Autumn panel” lisättiin omiin pohjiisi.'
		);
		await other.page.getByRole('button', { name: 'Aloita työpaja tästä pohjasta: Autumn panel' }).click();
		await other.page.waitForURL(/\/sessions\/[0-9a-f-]+$/);
		await expect(other.page.locator('.agenda li[data-item]')).toHaveCount(2);
		await expect(other.page.getByLabel('Työpajan nimi')).toHaveValue('Autumn panel');
	});
});
