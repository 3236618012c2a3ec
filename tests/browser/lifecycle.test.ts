/**
 * Live sessions belong to the pages that show them: hovering a link opens nothing, leaving a page
 * leaves the room, and a healthy session of four devices that join, leave and come back drops no
 * sync message on any of them.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { addNote, expectConnected, join, listView, planSession, startRun, type Device } from './support/workshop.ts';

/** Rows in every object store of the app's database: any write (a check-in, say) shows here. */
function storedRows(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const request = indexedDB.open('kohtaamo');
				request.onerror = () => reject(request.error);
				request.onsuccess = () => {
					const db = request.result;
					const names = [...db.objectStoreNames];
					const tx = db.transaction(names, 'readonly');
					let total = 0;
					for (const name of names)
						tx.objectStore(name).count().onsuccess = (e) => (total += (e.target as IDBRequest<number>).result);
					tx.oncomplete = () => {
						db.close();
						resolve(total);
					};
				};
			})
	);
}

/** The sync layer's warnings on this device's console (it warns of every kind of drop and error). */
function syncWarnings(device: Device): Promise<unknown>[] {
	const warnings: Promise<unknown>[] = [];
	device.page.on('console', (message) => {
		if (message.type() !== 'warning' || !message.text().startsWith('sync')) return;
		warnings.push(message.args()[1]?.jsonValue() ?? Promise.resolve(message.text()));
	});
	return warnings;
}

test.describe('live sessions and pages', () => {
	test.describe.configure({ timeout: 300_000 });

	test('hovering "Run" opens nothing; opening it checks in once, and leaving it leaves the room', async ({
		devices,
		server
	}) => {
		const facilitator = await devices.open();
		const { page } = facilitator;
		const consoleErrors: string[] = [];
		page.on('console', (message) => {
			if (message.type() === 'error') consoleErrors.push(message.text());
		});
		await planSession(page, server.url, { title: 'Hover', methods: ['How might we…?'] });
		const sockets: string[] = [];
		page.on('websocket', (socket) => sockets.push(socket.url()));
		const before = await storedRows(page);

		// Hover long enough for SvelteKit to preload the page and run its `load`, then move away.
		const run = page.getByRole('link', { name: /Run/ });
		const preloaded = page.waitForRequest(/\/_app\/immutable\/nodes\//);
		await run.hover();
		await preloaded;
		await page.waitForTimeout(1500);
		await page.getByRole('heading', { level: 1 }).hover();
		await page.waitForTimeout(1000);
		expect(sockets).toEqual([]);
		expect(await storedRows(page)).toBe(before);

		// Opening it does what hovering must not: joins the room and checks in.
		await run.click();
		await expect(page.getByRole('heading', { level: 2, name: 'How might we…?' })).toBeVisible();
		await expect.poll(() => sockets.filter((url) => url.endsWith('/signal')).length).toBe(1);
		await expect.poll(() => storedRows(page)).toBeGreaterThan(before);

		// Back to the plan and in again: the first session was let go, so the room is free.
		await page.getByRole('link', { name: 'To the plan' }).click();
		await page.waitForURL(/\/sessions\/[0-9a-f-]+$/);
		await page.getByRole('link', { name: /Run/ }).click();
		await expect(page.getByRole('heading', { level: 2, name: 'How might we…?' })).toBeVisible();
		await expect.poll(() => sockets.filter((url) => url.endsWith('/signal')).length).toBe(2);
		expect(facilitator.errors).toEqual([]);
		expect(consoleErrors).toEqual([]);
	});

	test('four devices joining, writing, leaving and coming back drop no sync message', async ({ devices, server }) => {
		const facilitator = await devices.open();
		const aino = await devices.open({ locale: 'fi-FI' });
		const bo = await devices.open({ locale: 'sv-FI' });
		const cai = await devices.open({ webRtc: false });
		const all = [facilitator, aino, bo, cai];
		const warnings = all.map(syncWarnings);
		const id = await planSession(facilitator.page, server.url, {
			title: 'Neljä laitetta',
			methods: ['How might we…?']
		});
		const link = await startRun(facilitator.page, server.url, id);
		await join(aino, link, 'Aino');
		await join(bo, link, 'Bo');
		await join(cai, link, 'Cai');
		for (const device of all) await expectConnected(device.page, 3);
		await addNote(aino.page, 'Penkkejä saleihin', 'Oivallus');
		await addNote(bo.page, 'Fler sittplatser', 'Insikt');
		await addNote(cai.page, 'Quiet corner', 'Insight');

		// Bo leaves for the home page (the page lets go of its session), then comes back.
		await bo.page
			.getByRole('link', { name: /Kohtaamo/ })
			.first()
			.click();
		for (const device of [facilitator, aino, cai]) await expectConnected(device.page, 2);
		await expect
			.poll(async () => (await facilitator.page.locator('[data-connection]').first().innerText()).match(/\d+/)?.[0])
			.toBe('2');
		await join(bo, link, 'Bo');
		for (const device of all) await expectConnected(device.page, 3);
		// The facilitator reloads the run page: it leaves the room and joins again.
		await facilitator.page.reload();
		for (const device of all) await expectConnected(device.page, 3);
		await addNote(facilitator.page, 'Takaisin', 'Insight');
		for (const device of all) {
			await listView(device.page);
			await expect(device.page.locator('.note-item')).toHaveCount(4);
		}
		for (const [i, device] of all.entries()) {
			expect(await Promise.all(warnings[i])).toEqual([]);
			expect(device.errors).toEqual([]);
		}
	});
});
