/**
 * The method library as a facilitator uses it: search and filters (kept in the URL), a method's
 * page, own methods (duplicate, edit, write from scratch), export and import, and accessibility.
 * Every test gets a fresh browser context, so its own methods start from nothing. Expectations
 * about built-in methods are read from their files in workshops/, not copied here.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { expect, test } from './support/fixtures.ts';

interface MethodFile {
	id: string;
	name: Record<string, string>;
	steps: { minutes: number; title: Record<string, string> }[];
	prompts: Record<string, string[]>;
	board: Record<string, unknown> & { template: string };
}

const methodFile = (id: string): MethodFile =>
	parseYaml(readFileSync(new URL(`../../workshops/${id}.yaml`, import.meta.url), 'utf8')) as MethodFile;

/** The number in the result count ("41 methods", "4 menetelmää"). */
async function resultCount(page: Page): Promise<number> {
	const text = (await page.locator('.count').textContent()) ?? '';
	return Number(/\d+/.exec(text)?.[0] ?? NaN);
}

/** Names of the methods listed, in order (empty when nothing matches). */
async function listedNames(page: Page): Promise<string[]> {
	if ((await resultCount(page)) === 0) return [];
	return page.locator('.method-grid h2').allTextContents();
}

/** Opens the library and waits until it has loaded (the count shows every method). */
async function openLibrary(page: Page, query = ''): Promise<number> {
	await page.goto(`/methods${query}`);
	await expect(page.locator('.count')).toHaveText(/^\d+ /);
	await expect(page.locator('.method-grid h2').first().or(page.locator('.empty-state'))).toBeVisible();
	return resultCount(page);
}

async function expectNoAxeViolations(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
}

test.describe('method library: search and filters', () => {
	test('Finnish search ignores case and diacritics, and the URL keeps the search', async ({ browser, baseURL }) => {
		const context = await browser.newContext({ locale: 'fi-FI', baseURL });
		const page = await context.newPage();
		const total = await openLibrary(page);
		expect(total).toBeGreaterThanOrEqual(36);
		await expect(page.locator('.count')).toHaveText(`${total} menetelmää`);

		const search = page.getByLabel('Hae menetelmiä');
		await search.fill('yhteisö');
		await expect(page).toHaveURL(/\?q=yhteis%C3%B6$/);
		const withDiacritics = await listedNames(page);
		expect(withDiacritics.length).toBeGreaterThan(0);
		expect(withDiacritics.length).toBeLessThan(total);
		await expect(page.locator('.count')).toHaveText(`${withDiacritics.length} menetelmää`);

		await search.fill('YHTEISO');
		await expect(page).toHaveURL(/\?q=YHTEISO$/);
		await expect.poll(() => listedNames(page)).toEqual(withDiacritics);

		await page.reload();
		await expect(page.getByLabel('Hae menetelmiä')).toHaveValue('YHTEISO');
		await expect.poll(() => listedNames(page)).toEqual(withDiacritics);

		const shared = await context.newPage();
		await shared.goto(page.url());
		await expect(shared.getByLabel('Hae menetelmiä')).toHaveValue('YHTEISO');
		await expect.poll(() => listedNames(shared)).toEqual(withDiacritics);

		await search.fill('ei-tällaista-menetelmää-ole');
		await expect(page.locator('.count')).toHaveText('0 menetelmää');
		await expect(page.getByText('Yksikään menetelmä ei vastaa hakua.')).toBeVisible();
		await context.close();
	});

	test('Swedish search finds the same methods with and without å, ä and ö', async ({ browser, baseURL }) => {
		const context = await browser.newContext({ locale: 'sv-FI', baseURL });
		const page = await context.newPage();
		const total = await openLibrary(page);
		await expect(page.locator('.count')).toHaveText(`${total} metoder`);

		const search = page.getByLabel('Sök metoder');
		await search.fill('förändring');
		await expect(page).toHaveURL(/q=f%C3%B6r%C3%A4ndring/);
		const withDiacritics = await listedNames(page);
		expect(withDiacritics.length).toBeGreaterThan(0);
		expect(withDiacritics.length).toBeLessThan(total);

		await search.fill('Forandring');
		await expect.poll(() => listedNames(page)).toEqual(withDiacritics);
		await search.fill('tillganglighet');
		const accessible = await listedNames(page);
		await search.fill('TILLGÄNGLIGHET');
		await expect.poll(() => listedNames(page)).toEqual(accessible);
		expect(accessible.length).toBeGreaterThan(0);
		await context.close();
	});

	test('filters by phase, audience, duration and group size, and a link restores them', async ({ page, context }) => {
		const total = await openLibrary(page);
		const cards = page.locator('.method-card');

		await page.getByLabel('Phase').selectOption('prioritise');
		await expect(page).toHaveURL(/phase=prioritise/);
		await expect.poll(() => resultCount(page)).toBeLessThan(total);
		const prioritise = await resultCount(page);
		expect(prioritise).toBeGreaterThan(0);
		expect(prioritise).toBeLessThan(total);
		for (const phase of await cards.locator('.phase').allTextContents()) expect(phase).toBe('Prioritise');

		await page.getByLabel('Suits').selectOption('partners');
		await expect(page).toHaveURL(/audience=partners/);
		for (const audiences of await cards.locator('.audiences').allTextContents())
			expect(audiences).toContain('Partners');

		await page.getByLabel('Time available').selectOption('30');
		await expect(page).toHaveURL(/minutes=30/);
		for (const text of await cards.locator('.facts').allTextContents()) {
			const [, min] = /(\d+)–(\d+) min/.exec(text)!;
			expect(Number(min)).toBeLessThanOrEqual(30);
		}

		await page.getByLabel('Participants').fill('12');
		await expect(page).toHaveURL(/people=12/);
		const filtered = await listedNames(page);
		expect(filtered.length).toBeGreaterThan(0);
		expect(filtered.length).toBeLessThanOrEqual(prioritise);
		for (const text of await cards.locator('.facts').allTextContents()) {
			const range = /(\d+)–(\d+) people/.exec(text);
			const open = /(\d+)\+ people/.exec(text);
			if (range) expect(Number(range[1]) <= 12 && 12 <= Number(range[2])).toBe(true);
			else expect(Number(open![1])).toBeLessThanOrEqual(12);
		}
		await expect(page.locator('.count')).toHaveText(`${filtered.length} method${filtered.length === 1 ? '' : 's'}`);

		const link = page.url();
		await page.reload();
		await expect.poll(() => listedNames(page)).toEqual(filtered);
		await expect(page.getByLabel('Phase')).toHaveValue('prioritise');
		await expect(page.getByLabel('Suits')).toHaveValue('partners');
		await expect(page.getByLabel('Time available')).toHaveValue('30');
		await expect(page.getByLabel('Participants')).toHaveValue('12');

		const other = await context.newPage();
		await other.goto(link);
		await expect.poll(() => listedNames(other)).toEqual(filtered);

		await page.getByRole('button', { name: 'Clear search and filters' }).click();
		await expect(page).toHaveURL(/\/methods$/);
		await expect.poll(() => resultCount(page)).toBe(total);
	});
});

test.describe('a method page', () => {
	test('shows the steps, the prompts and a drawing of the board', async ({ page }) => {
		const file = methodFile('impact-effort');
		await openLibrary(page);
		await page.getByLabel('Search methods').fill(file.name.en);
		await page.getByRole('link', { name: file.name.en }).click();
		await expect(page).toHaveURL(/\/methods\/impact-effort$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(file.name.en);

		const steps = page.locator('ol.steps > li');
		await expect(steps).toHaveCount(file.steps.length);
		for (const [i, step] of file.steps.entries()) {
			await expect(steps.nth(i).getByRole('heading')).toHaveText(`${step.title.en} ${step.minutes} min`);
		}
		for (const prompt of file.prompts.en) await expect(page.getByText(prompt, { exact: true })).toBeVisible();

		const drawing = page.getByRole('img', { name: 'Board layout: 2×2 matrix' });
		await expect(drawing).toBeVisible();
		const quadrants = file.board.quadrants as Record<string, Record<string, string>>;
		for (const name of Object.values(quadrants)) await expect(drawing).toContainText(name.en);
		await expect(drawing).toContainText((file.board.xAxis as { label: { en: string } }).label.en);
	});
});

test.describe('own methods', () => {
	test('duplicate a built-in, edit it, export, delete and import it again', async ({ page }, testInfo) => {
		const file = methodFile('dot-voting');
		const total = await openLibrary(page);

		await page.goto('/methods/dot-voting');
		await page.getByRole('button', { name: 'Duplicate and edit' }).click();
		await expect(page).toHaveURL(/\/methods\/dot-voting-own-[a-z0-9]{6}\/edit$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Edit method: ${file.name.en} (copy)`);
		await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();

		await page.getByLabel('Name', { exact: true }).fill('Dot voting for the summer programme');
		const step2 = page.getByRole('group', { name: 'Step 2' });
		await step2.getByLabel('Title').fill('Explain the vote');
		await page
			.getByRole('group', { name: 'Step 1' })
			.getByLabel('Minutes')
			.fill(String(file.steps[0].minutes + 2));
		const minutes = file.steps.reduce((sum, step) => sum + step.minutes, 0) + 2;
		await expect(page.getByText(`Usual duration: ${minutes} min.`)).toBeVisible();
		await page.getByRole('button', { name: 'Save' }).click();

		await expect(page).toHaveURL(/\/methods\/dot-voting-own-[a-z0-9]{6}$/);
		const id = new URL(page.url()).pathname.split('/').pop()!;
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dot voting for the summer programme');
		await expect(page.locator('ol.steps > li').nth(1).getByRole('heading')).toHaveText(
			`Explain the vote ${file.steps[1].minutes} min`
		);
		await expect(page.getByText(`Based on the library method “${file.name.en}”.`)).toBeVisible();

		await openLibrary(page, '?q=summer+programme');
		await expect(page.locator('.count')).toHaveText('1 method');
		const card = page.locator('.method-card');
		await expect(card.getByRole('heading')).toHaveText('Dot voting for the summer programme');
		await expect(card.locator('.own')).toHaveText('Your own');
		await page.goto('/methods');
		await expect.poll(() => resultCount(page)).toBe(total + 1);

		await page.goto(`/methods/${id}`);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Export to a file' }).click()
		]);
		expect(download.suggestedFilename()).toBe(`${id}.yaml`);
		const exported = testInfo.outputPath(`${id}.yaml`);
		await download.saveAs(exported);
		const exportedText = readFileSync(exported, 'utf8');
		expect(exportedText).toContain('Dot voting for the summer programme');

		await page.getByRole('button', { name: 'Delete your method' }).click();
		await page
			.getByRole('dialog', { name: /^Delete the method/ })
			.getByRole('button', { name: 'Delete' })
			.click();
		await expect(page).toHaveURL(/\/methods$/);
		await expect.poll(() => resultCount(page)).toBe(total);

		await page.getByLabel('Import a method from a file').setInputFiles(exported);
		await expect(page.getByText('The method “Dot voting for the summer programme” was imported')).toBeVisible();
		await expect.poll(() => resultCount(page)).toBe(total + 1);
		await page.getByRole('link', { name: 'Dot voting for the summer programme' }).first().click();
		await expect(page).toHaveURL(new RegExp(`/methods/${id}$`));
		await expect(page.locator('ol.steps > li').nth(1).getByRole('heading')).toHaveText(
			`Explain the vote ${file.steps[1].minutes} min`
		);

		// The same content: exporting the imported method gives the same file.
		const [again] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Export to a file' }).click()
		]);
		const reexported = testInfo.outputPath('again.yaml');
		await again.saveAs(reexported);
		expect(readFileSync(reexported, 'utf8')).toBe(exportedText);
	});

	test('a broken file is refused with a clear message and changes nothing', async ({ page }) => {
		const total = await openLibrary(page);
		const withoutSwedishName = methodFile('dot-voting');
		delete withoutSwedishName.name.sv;
		const files = [
			{ name: 'broken.yaml', text: 'name: [unclosed\nphase: ideate\n', message: 'The file cannot be read:' },
			{ name: 'list.yaml', text: '- just\n- a list\n', message: 'The file is not a valid method.' },
			{
				name: 'notes.json',
				text: '{"title": "Shopping list", "items": ["milk"]}',
				message: 'The file is not a valid method.'
			},
			{ name: 'no-swedish.yaml', text: stringifyYaml(withoutSwedishName), message: 'The file is not a valid method.' }
		];
		const input = page.getByLabel('Import a method from a file');
		const alert = page.getByRole('alert');

		for (const file of files) {
			await input.setInputFiles({ name: file.name, mimeType: 'text/yaml', buffer: Buffer.from(file.text) });
			await expect(alert).toContainText(file.message);
			await expect(alert).toContainText('Nothing was changed.');
			expect(await resultCount(page)).toBe(total);
		}
		await expect(alert.getByRole('listitem')).toHaveText(['name.sv: is missing']);

		const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xfe, 0x00]);
		await input.setInputFiles({ name: 'photo.yaml', mimeType: 'image/png', buffer: png });
		await expect(alert).toContainText('The file is not text (YAML or JSON). Nothing was changed.');

		await page.reload();
		await expect.poll(() => resultCount(page)).toBe(total);
		await expect(page.locator('.method-card .own')).toHaveCount(0);
	});

	test('built-in methods are not edited in place: the editor offers a copy', async ({ page }) => {
		const file = methodFile('dot-voting');
		await page.goto('/methods/dot-voting/edit');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Library methods cannot be edited');
		await expect(page.getByRole('textbox')).toHaveCount(0);
		await page.getByRole('button', { name: 'Duplicate and edit' }).click();
		await expect(page).toHaveURL(/\/methods\/dot-voting-own-[a-z0-9]{6}\/edit$/);
		await expect(page.getByLabel('Name', { exact: true })).toHaveValue(`${file.name.en} (copy)`);
	});
});

test.describe('writing your own method', () => {
	test('lists problems with their fields, focuses the first, and fills other languages on save', async ({
		browser,
		baseURL
	}) => {
		const context = await browser.newContext({ locale: 'fi-FI', baseURL });
		const page = await context.newPage();
		const total = await openLibrary(page);
		await page.getByRole('link', { name: 'Kirjoita oma menetelmä' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kirjoita oma menetelmä');
		await expect(page.getByRole('radio', { name: 'Suomi' })).toBeChecked();
		await expect(page.getByLabel('Nimi', { exact: true })).toHaveValue('Uusi menetelmä');

		await page.getByLabel('Nimi', { exact: true }).fill('Muistojen kartta');
		await page.getByRole('button', { name: 'Lisää kohta' }).click();
		const step2 = page.getByRole('group', { name: 'Kohta 2' });
		await expect(step2.getByLabel('Otsikko')).toBeFocused();
		await page.getByLabel('Osallistujat näkevät').fill('');
		await page.getByRole('button', { name: 'Tallenna' }).click();

		const summary = page.getByRole('alert');
		await expect(summary.getByRole('heading')).toHaveText('Menetelmää ei tallennettu. Korjaa nämä 3 kohtaa:');
		await expect(summary.getByRole('listitem')).toHaveText([
			'Kohta 2: Otsikko: puuttuu',
			'Kohta 2: Mitä ohjaaja sanoo ja tekee: puuttuu',
			'Osallistujat näkevät: tarvitsee vähintään yhden rivin'
		]);
		await expect(step2.getByLabel('Otsikko')).toBeFocused();
		await expect(step2.getByLabel('Otsikko')).toHaveAttribute('aria-invalid', 'true');
		await summary.getByRole('link', { name: 'Osallistujat näkevät' }).click();
		await expect(page.getByLabel('Osallistujat näkevät')).toBeFocused();
		expect(await page.evaluate(() => location.pathname)).toBe('/methods/new');

		await page.getByLabel('Osallistujat näkevät').fill('Mikä paikka on sinulle tärkeä?\n\nMiksi?');
		await step2.getByLabel('Otsikko').fill('Paikat kartalle');
		await step2.getByLabel('Mitä ohjaaja sanoo ja tekee').fill('Pyydä jokaista merkitsemään yksi paikka.');
		await step2.getByLabel('Minuutit').fill('10');
		await expect(page.getByText('Tavallinen kesto: 25 min.')).toBeVisible();

		// English gets its own name. Swedish keeps the starting name and an empty new step: both take
		// the Finnish text on save, as the hint says.
		await expect(
			page.getByText('pohjan tekstit, joita et ole niissä muuttanut, saavat tämän kielen tekstin')
		).toBeVisible();
		await page.getByRole('radio', { name: 'English' }).check();
		await expect(page.getByLabel('Nimi', { exact: true })).toHaveValue('New method');
		await page.getByLabel('Nimi', { exact: true }).fill('Map of memories');
		await page.getByRole('radio', { name: 'Svenska' }).check();
		await expect(page.getByLabel('Nimi', { exact: true })).toHaveValue('Ny metod');
		await expect(step2.getByLabel('Otsikko')).toHaveValue('');
		await page.getByRole('radio', { name: 'Suomi' }).check();
		await expect(page.getByLabel('Nimi', { exact: true })).toHaveValue('Muistojen kartta');
		await page.getByRole('button', { name: 'Tallenna' }).click();

		await expect(page).toHaveURL(/\/methods\/muistojen-kartta-own-[a-z0-9]{6}$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Muistojen kartta');
		await expect(page.getByText('Paikat kartalle 10 min')).toBeVisible();
		await expect(page.getByText('Mikä paikka on sinulle tärkeä?', { exact: true })).toBeVisible();
		await page.getByLabel('Kieli').selectOption('sv');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Muistojen kartta');
		await expect(page.getByText('Paikat kartalle 10 min')).toBeVisible();
		await page.getByLabel('Språk').selectOption('en');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Map of memories');

		await page.goto('/methods');
		await expect.poll(() => resultCount(page)).toBe(total + 1);
		await expect(page.locator('.method-card', { hasText: 'Map of memories' }).locator('.own')).toHaveText('Your own');
		await context.close();
	});

	test('steps and lanes can be arranged with the keyboard, and the drawing follows', async ({ page }) => {
		await openLibrary(page);
		await page.goto('/methods/new');
		await page.getByRole('button', { name: 'Add a step' }).press('Enter');
		await page.keyboard.type('Wrap-up');
		const status = page.locator('form p[role="status"]');

		await page.getByRole('button', { name: 'Move down: step 1' }).focus();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('group', { name: 'Step 1' }).getByLabel('Title')).toHaveValue('Wrap-up');
		await expect(page.getByRole('group', { name: 'Step 2' }).getByLabel('Title')).toHaveValue('Thoughts on the board');
		await expect(page.getByRole('button', { name: 'Move up: step 2' })).toBeFocused();
		await expect(status).toHaveText('The step “Thoughts on the board” is now step 2.');
		await page.getByRole('button', { name: 'Remove: step 1' }).press('Enter');
		await expect(page.getByRole('group', { name: 'Step 2' })).toHaveCount(0);
		await expect(page.getByRole('group', { name: 'Step 1' }).getByLabel('Title')).toBeFocused();
		await expect(page.getByRole('button', { name: 'Remove: step 1' })).toBeDisabled();

		const drawing = page.getByRole('img', { name: 'Board layout: Columns' });
		await expect(drawing).toContainText('Column 3');
		await page.getByRole('button', { name: 'Add a column' }).press('Enter');
		await expect(page.getByLabel('Column 4', { exact: true })).toBeFocused();
		await page.keyboard.press('ControlOrMeta+A');
		await page.keyboard.type('Later');
		await expect(drawing).toContainText('Later');
		await page.getByRole('button', { name: 'Remove column 1' }).press('Enter');
		await expect(page.getByLabel(/^Column \d$/)).toHaveCount(3);
		await expect(drawing).not.toContainText('Column 1');

		// Renamed zones are lost when the template changes, so that asks first.
		const template = page.getByLabel('Board template');
		const ask = page.getByRole('dialog', { name: /^Changing the template/ });
		await template.selectOption('matrix');
		await ask.getByRole('button', { name: 'Cancel' }).click();
		await expect(template).toHaveValue('columns');
		await expect(drawing).toContainText('Later');
		await template.selectOption('matrix');
		await ask.getByRole('button', { name: 'Change the template' }).click();
		const matrix = page.getByRole('img', { name: 'Board layout: 2×2 matrix' });
		await expect(matrix).toContainText('Top left');
		await page.getByLabel('Top right square').fill('Big bets');
		await expect(matrix).toContainText('Big bets');
	});

	test('cancel and leaving store nothing', async ({ page }) => {
		const total = await openLibrary(page);
		await page.getByRole('link', { name: 'Write your own method' }).click();
		await page.getByLabel('Name', { exact: true }).fill('Never saved');

		await page.getByRole('navigation').getByRole('link', { name: 'Methods' }).click();
		await page
			.getByRole('dialog', { name: 'Your changes are not saved. Leave anyway?' })
			.getByRole('button', { name: 'Cancel' })
			.click();
		await expect(page).toHaveURL(/\/methods\/new$/);
		await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Never saved');
		// The browser's back button asks too, and leaving goes where it was going.
		await page.goBack();
		await page
			.getByRole('dialog', { name: 'Your changes are not saved. Leave anyway?' })
			.getByRole('button', { name: 'Leave without saving' })
			.click();
		await expect(page).toHaveURL(/\/methods$/);
		await page.goForward();
		await expect(page).toHaveURL(/\/methods\/new$/);
		await page.getByLabel('Name', { exact: true }).fill('Never saved');

		await page.getByRole('button', { name: 'Cancel' }).click();
		await expect(page).toHaveURL(/\/methods$/);
		await expect.poll(() => resultCount(page)).toBe(total);
		await page.reload();
		await expect.poll(() => resultCount(page)).toBe(total);
		await expect(page.locator('.method-card .own')).toHaveCount(0);
	});
});

test.describe('accessibility', () => {
	test('the library, a method page and the editor have no WCAG 2 A/AA violations', async ({ page }) => {
		await openLibrary(page);
		await expectNoAxeViolations(page);

		await page.goto('/methods/impact-effort');
		await expect(page.getByRole('img', { name: /Board layout/ })).toBeVisible();
		await expectNoAxeViolations(page);

		await page.goto('/methods/new');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Write your own method');
		await expectNoAxeViolations(page);

		await page.getByLabel('Name', { exact: true }).fill('');
		await page.getByRole('button', { name: 'Save' }).click();
		await expect(page.getByRole('alert')).toBeVisible();
		await expectNoAxeViolations(page);
	});

	test('the editor fits a 360 px wide phone', async ({ browser, baseURL }) => {
		const context = await browser.newContext({ viewport: { width: 360, height: 740 }, baseURL });
		const page = await context.newPage();
		await page.goto('/methods/new');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Write your own method');
		await page.getByRole('button', { name: 'Add a column' }).click();
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		await expect(page.getByRole('button', { name: 'Save' })).toBeInViewport();
		await context.close();
	});
});
