import { expect, test } from '@playwright/test';
import { startServer } from './support/server.ts';

test('after one visit the app loads and works with the server stopped', async ({ browser }) => {
	const server = await startServer();
	const context = await browser.newContext({ locale: 'en-GB' });
	const page = await context.newPage();
	await page.goto(server.url);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Workshops on this device');
	// The service worker has precached everything once it controls the page.
	await page.waitForFunction(async () => {
		const registration = await navigator.serviceWorker.ready;
		return registration.active?.state === 'activated' && navigator.serviceWorker.controller !== null;
	});
	await expect(page.getByRole('status').filter({ hasText: 'works without a network' })).toBeVisible();

	await server.stop();
	await expect((await fetch(server.url).catch(() => null)) === null).toBe(true);

	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Workshops on this device');
	// Navigation inside the app and a deep link both work offline.
	await page.goto(`${server.url}/some/deep/link`);
	await expect(page.getByRole('link', { name: 'Back to the home page' })).toBeVisible();
	await page.getByRole('link', { name: 'Back to the home page' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Workshops on this device');
	// Local data still works: the language choice is saved and restored offline.
	await page.getByLabel('Language').selectOption('fi');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Työpajat tällä laitteella');
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Työpajat tällä laitteella');
	await context.close();
});
