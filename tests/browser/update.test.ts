import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startServer } from './support/server.ts';

const BUILD = new URL('../../build/', import.meta.url).pathname;
const CLIENT_MANIFEST = new URL('../../.svelte-kit/output/client/.vite/manifest.json', import.meta.url).pathname;

/** The caches the service worker keeps, one per app version. */
function cacheNames(page: Page): Promise<string[]> {
	return page.evaluate(() => caches.keys());
}

function hasWaitingWorker(page: Page): Promise<boolean> {
	return page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting != null);
}

/**
 * A deployment of a new version is simulated by serving a copy of the build and changing the
 * version its service worker carries: the browser sees a new worker, exactly as after a rebuild.
 */
test('a new version waits until the facilitator chooses to reload, then replaces the old one', async ({ browser }) => {
	const root = await mkdtemp(join(tmpdir(), 'kohtaamo-update-'));
	await cp(BUILD, root, { recursive: true });
	const server = await startServer(['--root', root]);
	const context = await browser.newContext({ locale: 'en-GB' });
	try {
		const page = await context.newPage();
		await page.goto(server.url);
		await page.waitForFunction(async () => {
			const registration = await navigator.serviceWorker.ready;
			return registration.active?.state === 'activated' && navigator.serviceWorker.controller !== null;
		});
		// The facilitator's device has stored the whole app.
		await expect(page.getByRole('status').filter({ hasText: 'works without a network' })).toBeVisible();
		const { version } = JSON.parse(await readFile(join(root, '_app/version.json'), 'utf8')) as { version: string };
		expect(await cacheNames(page)).toEqual([`kohtaamo-${version}`]);
		const prompt = page.getByRole('status').filter({ hasText: 'A new version is available.' });
		await expect(prompt).toHaveCount(0);

		const next = `${version}-next`;
		const workerFile = join(root, 'service-worker.js');
		const source = await readFile(workerFile, 'utf8');
		expect(source).toContain(version);
		await writeFile(workerFile, source.replaceAll(version, next));

		// A visit checks for a new worker; it installs but must not take over by itself.
		await page.reload();
		await expect(prompt).toBeVisible();
		expect(await hasWaitingWorker(page)).toBe(true);
		expect(await cacheNames(page)).toContain(`kohtaamo-${version}`);
		// This device kept the whole app (a facilitator's page asked for it), so the waiting version
		// has already stored all of it too: no window in which the planner is missing offline.
		const manifest = JSON.parse(await readFile(CLIENT_MANIFEST, 'utf8')) as Record<string, { file: string }>;
		const library = `/${manifest['virtual:kohtaamo-methods'].file}`;
		expect(
			await page.evaluate(
				async ([name, file]) => (await (await caches.open(name)).match(file)) !== undefined,
				[`kohtaamo-${next}`, library]
			)
		).toBe(true);

		// "Later" keeps the running version and hides the prompt.
		await prompt.getByRole('button', { name: 'Later' }).click();
		await expect(prompt).toHaveCount(0);
		expect(await hasWaitingWorker(page)).toBe(true);

		// The next visit offers it again; "Reload" activates it and reloads the page once.
		await page.reload();
		await expect(prompt).toBeVisible();
		await page.evaluate(() => ((window as unknown as { beforeUpdate: boolean }).beforeUpdate = true));
		await prompt.getByRole('button', { name: 'Reload' }).click();
		await page.waitForFunction(() => !(window as unknown as { beforeUpdate?: boolean }).beforeUpdate);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Workshops on this device');
		await expect.poll(() => cacheNames(page)).toEqual([`kohtaamo-${next}`]);
		expect(await hasWaitingWorker(page)).toBe(false);
		await expect(prompt).toHaveCount(0);
	} finally {
		await context.close();
		await server.stop();
		await rm(root, { recursive: true, force: true });
	}
});
