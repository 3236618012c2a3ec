import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startServer } from './support/server.ts';
import { join as joinSession, openDevice, planSession, startRun } from './support/workshop.ts';

const BUILD = new URL('../../build/', import.meta.url).pathname;
const CLIENT_MANIFEST = new URL('../../.svelte-kit/output/client/.vite/manifest.json', import.meta.url).pathname;

/** Every file the service worker stores up front on a facilitator's device: the whole build but
 * for the worker and its lists, the server's precompressed copies, and the PDF's extra script fonts
 * (fetched when a summary needs them). */
function wholeApp(): string[] {
	const skip = new Set(['service-worker.js', '_app/version.json', '_app/participant-files.json']);
	return readdirSync(BUILD, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(BUILD, join(entry.parentPath, entry.name)))
		.filter((file) => !skip.has(file) && !/\.(br|gz)$/.test(file) && !/^fonts\/pdf-/.test(file))
		.map((file) => `/${file}`)
		.sort();
}

/** The built files only a facilitator needs, found by their sources in Vite's client manifest. */
function facilitatorOnly(): Record<string, string[]> {
	const manifest = JSON.parse(readFileSync(CLIENT_MANIFEST, 'utf8')) as Record<string, { file: string }>;
	const built = (source: string) => {
		const entry = manifest[source];
		if (!entry) throw new Error(`${source} is not in the client manifest`);
		return [`/${entry.file}`];
	};
	return {
		jsPDF: built('node_modules/jspdf/dist/jspdf.es.min.js'),
		'method library': built('virtual:kohtaamo-methods'),
		'PDF fonts': wholeApp().filter((file) => file.startsWith('/fonts/') && file.endsWith('.ttf'))
	};
}

/** Waits until this device's service worker has installed (precached) and controls the page. */
async function workerReady(page: Page): Promise<void> {
	await page.waitForFunction(async () => {
		const registration = await navigator.serviceWorker.ready;
		return registration.active?.state === 'activated' && navigator.serviceWorker.controller !== null;
	});
}

/** The paths in this device's app cache (there is one, for the running version). */
async function cached(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const names = (await caches.keys()).filter((name) => name.startsWith('kohtaamo-'));
		if (names.length !== 1) throw new Error(`expected one app cache, found ${names.join(', ') || 'none'}`);
		const cache = await caches.open(names[0]);
		return (await cache.keys()).map((request) => new URL(request.url).pathname).sort();
	});
}

/** What of `files` this device's cache lacks. */
async function missing(page: Page, files: string[]): Promise<string[]> {
	const have = new Set(await cached(page));
	return files.filter((file) => !have.has(file));
}

test('a phone that opens a join link keeps only the participant’s part; the facilitator’s device keeps everything and plans offline', async ({
	browser
}) => {
	test.setTimeout(150_000);
	const server = await startServer();
	const facilitator = await openDevice(browser);
	const participant = await openDevice(browser, { viewport: { width: 390, height: 844 }, touch: true });
	try {
		const everything = wholeApp();
		const heavy = facilitatorOnly();
		const participantFiles = (
			JSON.parse(readFileSync(join(BUILD, '_app/participant-files.json'), 'utf8')) as { files: string[] }
		).files.map((file) => `/${file}`);

		// The facilitator plans on the home page and the planner: the whole app is stored, once.
		const id = await planSession(facilitator.page, server.url, { title: 'Kevätkohtaaminen', methods: ['Dot voting'] });
		await workerReady(facilitator.page);
		await expect.poll(() => missing(facilitator.page, everything), { timeout: 30_000 }).toEqual([]);
		const link = await startRun(facilitator.page, server.url, id);

		// A participant's phone opens only the join link and joins: it keeps the participant's part.
		await joinSession(participant, link, 'Aino');
		await workerReady(participant.page);
		const onPhone = await cached(participant.page);
		expect(await missing(participant.page, participantFiles)).toEqual([]);
		for (const [what, files] of Object.entries(heavy)) {
			expect(files.length, what).toBeGreaterThan(0);
			expect(
				onPhone.filter((file) => files.includes(file)),
				`${what} on the participant's phone`
			).toEqual([]);
		}
		// Nothing beyond the participant's list (and the fallback page every page starts from).
		expect(onPhone.filter((file) => !participantFiles.includes(file) && file !== '/index.html')).toEqual([]);
		expect(participant.errors).toEqual([]);

		// Stopped server: the facilitator's planner still opens, and the method library answers.
		await server.stop();
		await facilitator.page.goto(`${server.url}/sessions/${id}`);
		await expect(facilitator.page.getByLabel('Workshop title')).toHaveValue('Kevätkohtaaminen');
		await facilitator.page.getByRole('button', { name: '+ Add a method' }).click();
		await facilitator.page.getByLabel('Search for a method').fill('Rose, thorn, bud');
		await facilitator.page
			.getByRole('dialog')
			.getByRole('button', { name: 'Add “Rose, thorn, bud”', exact: true })
			.click();
		await expect(facilitator.page.locator('.agenda li[data-item]')).toHaveCount(2);
		expect(facilitator.errors).toEqual([]);
	} finally {
		await Promise.all([facilitator.context.close(), participant.context.close()]);
		await server.stop();
	}
});

test('a phone that later opens a facilitator page online gets the whole app', async ({ browser }) => {
	const server = await startServer();
	const phone = await openDevice(browser, { viewport: { width: 390, height: 844 }, touch: true });
	try {
		// A join link with no valid invitation is still the join route: the phone keeps the part.
		await phone.page.goto(`${server.url}/join#not-an-invitation`);
		await workerReady(phone.page);
		const { jsPDF } = facilitatorOnly();
		expect(await missing(phone.page, jsPDF)).toEqual(jsPDF);

		await phone.page.getByRole('link', { name: 'Kohtaamo', exact: true }).click();
		await expect(phone.page.getByRole('heading', { level: 1 })).toHaveText('Workshops on this device');
		await expect.poll(() => missing(phone.page, wholeApp()), { timeout: 30_000 }).toEqual([]);
	} finally {
		await phone.context.close();
		await server.stop();
	}
});
