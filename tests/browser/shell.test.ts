import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/fixtures.ts';

test.describe('app shell', () => {
	test('loads with the device language, and remembers the chosen one', async ({ browser, server }) => {
		const context = await browser.newContext({ locale: 'fi-FI' });
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (error) => errors.push(error.message));
		page.on('console', (message) => {
			if (message.type() === 'error') errors.push(message.text());
		});

		await page.goto(server.url);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Työpajat tällä laitteella');
		await expect(page.locator('html')).toHaveAttribute('lang', 'fi');
		await expect(page.getByRole('heading', { name: 'Ei vielä työpajoja' })).toBeVisible();

		await page.getByLabel('Kieli').selectOption('sv');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Workshoppar på den här enheten');
		await page.reload();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Workshoppar på den här enheten');
		await expect(page.getByLabel('Språk')).toHaveValue('sv');
		expect(errors).toEqual([]);
		await context.close();
	});

	test('falls back to English for other device languages', async ({ browser, server }) => {
		const context = await browser.newContext({ locale: 'de-DE' });
		const page = await context.newPage();
		await page.goto(server.url);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Workshops on this device');
		await context.close();
	});

	test('deep links load the app (SPA fallback)', async ({ page, server }) => {
		const response = await page.goto(`${server.url}/no/such/page`);
		expect(response?.status()).toBe(200);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Something went wrong');
		await expect(page.getByRole('link', { name: 'Back to the home page' })).toBeVisible();
	});

	test('the home page has no WCAG 2 A/AA violations', async ({ page, server }) => {
		await page.goto(server.url);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
	});

	test('the web manifest and icons make it installable', async ({ request, server }) => {
		const manifest = await (await request.get(`${server.url}/manifest.webmanifest`)).json();
		expect(manifest.display).toBe('standalone');
		const sizes = manifest.icons.map((icon: { sizes: string }) => icon.sizes);
		expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
		for (const icon of manifest.icons) {
			const response = await request.get(`${server.url}/${icon.src}`);
			expect(response.status(), icon.src).toBe(200);
		}
	});
});
