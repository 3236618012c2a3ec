/**
 * What a participant's phone needs before the join form shows (issue 16, item 5): not storage.
 * Dexie comes with y-dexie and yjs (about 67 kB gzip); the form shows without them, in the
 * remembered language from its first paint, and they load once the person starts on the form.
 * A device from before the language was copied out of the database keeps its language too.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { planSession, startRun } from './support/workshop.ts';

/** Text that only the bundled yjs and Dexie contain (their own messages survive minification). */
const STORAGE_MARKERS = ['Yjs was already imported', 'DatabaseClosed'];

/** The scripts this page has loaded so far (its own requests; a service worker's are not in them). */
const scriptsOf = (page: Page) =>
	page.evaluate(() =>
		performance
			.getEntriesByType('resource')
			.map((entry) => entry.name)
			.filter((url) => new URL(url).pathname.endsWith('.js'))
	);

/** Whether any of the page's scripts so far is storage's (yjs or Dexie). */
async function storageLoaded(page: Page): Promise<boolean> {
	for (const url of await scriptsOf(page)) {
		const text = await (await page.request.get(url)).text();
		if (STORAGE_MARKERS.some((marker) => text.includes(marker))) return true;
	}
	return false;
}

/** Records every language and first heading the page shows, from its very first paint on. */
async function recordFirstPaint(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { seen: string[] }).seen = seen;
		new MutationObserver(() => {
			const heading = document.querySelector('main h1')?.textContent?.trim();
			if (heading && seen.at(-1) !== heading) seen.push(heading);
		}).observe(document, { subtree: true, childList: true, characterData: true });
	});
}
const headingsSeen = (page: Page) => page.evaluate(() => (window as unknown as { seen: string[] }).seen);

/** The language setting as the database holds it. */
const storedLocale = (page: Page) =>
	page.evaluate(
		() =>
			new Promise<unknown>((resolve, reject) => {
				const request = indexedDB.open('kohtaamo');
				request.onerror = () => reject(request.error);
				request.onsuccess = () => {
					const read = request.result.transaction('settings', 'readonly').objectStore('settings').get('locale');
					read.onsuccess = () => {
						resolve((read.result as { value?: unknown } | undefined)?.value);
						request.result.close();
					};
				};
			})
	);

test.describe('the join page’s first paint', () => {
	test.describe.configure({ timeout: 180_000 });

	test('shows without storage, in the remembered language, and loads storage once the person starts', async ({
		devices,
		server
	}) => {
		const facilitator = await devices.open();
		const id = await planSession(facilitator.page, server.url, { title: 'Kevyt liittyminen', methods: ['Dot voting'] });
		const link = await startRun(facilitator.page, server.url, id);

		const phone = await devices.open({ locale: 'sv-FI', viewport: { width: 390, height: 800 }, touch: true });
		await recordFirstPaint(phone.page);
		await phone.page.goto(link);
		await expect(phone.page.getByRole('heading', { level: 1 })).toHaveText('Anslut till workshoppen');
		await expect(phone.page.getByRole('button', { name: 'Anslut', exact: true })).toBeVisible();
		expect(await storageLoaded(phone.page)).toBe(false);

		// The person starts on the form: storage loads while they type.
		await phone.page.getByLabel('Smeknamn').fill('Bo');
		await expect.poll(() => storageLoaded(phone.page), { timeout: 30_000 }).toBe(true);

		// A language chosen here is remembered, and the next visit shows it from the first paint.
		await phone.page.getByLabel('Språk').selectOption('fi');
		await expect(phone.page.getByRole('heading', { level: 1 })).toHaveText('Liity työpajaan');
		await phone.page.reload();
		await expect(phone.page.getByRole('heading', { level: 1 })).toHaveText('Liity työpajaan');
		await expect(phone.page.locator('html')).toHaveAttribute('lang', 'fi');
		expect(await headingsSeen(phone.page)).toEqual(['Liity työpajaan']);
		expect(phone.errors).toEqual([]);
	});

	test('a device that kept its language only in the database shows it from the first paint', async ({
		devices,
		server
	}) => {
		const device = await devices.open({ locale: 'en-GB' });
		await device.page.goto(server.url);
		await device.page.getByLabel('Language').selectOption('sv');
		await expect(device.page.getByRole('heading', { level: 1 })).toHaveText('Workshoppar på den här enheten');
		// As a device from before the copy existed: the choice is in the database only.
		await expect.poll(() => storedLocale(device.page)).toBe('sv');
		await device.page.evaluate(() => localStorage.clear());

		await recordFirstPaint(device.page);
		await device.page.reload();
		await expect(device.page.getByRole('heading', { level: 1 })).toHaveText('Workshoppar på den här enheten');
		expect(await headingsSeen(device.page)).toEqual(['Workshoppar på den här enheten']);
		// The copy is back, so that the next start needs no database.
		expect(await device.page.evaluate(() => localStorage.getItem('kohtaamo.settings'))).toBe('{"v":1,"locale":"sv"}');
		expect(device.errors).toEqual([]);
	});
});
