import { expect, test } from './support/fixtures.ts';
import {
	addNote,
	expectConnected,
	join,
	listView,
	planSession,
	scanQr,
	startRun,
	type Device
} from './support/workshop.ts';

test.describe('running a workshop', () => {
	test.describe.configure({ timeout: 150_000 });

	test('plans a session of four methods, reorders by keyboard, and finds it unchanged after a reload', async ({
		devices,
		server
	}) => {
		const facilitator = await devices.open();
		const { page } = facilitator;
		const methods = ['Hopes and concerns', 'Rose, thorn, bud', 'How might we…?', 'Dot voting'];
		const id = await planSession(page, server.url, { title: 'Kevään kumppanuuspäivä', methods });
		await page.getByLabel('Start time').fill('09:30');
		await page.getByLabel('Time available (min)').fill('60');
		const titles = () =>
			page
				.locator('.agenda li[data-item] .title input')
				.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
		expect(await titles()).toEqual(methods);

		// Keyboard only: focus the third item's handle and move it up twice with the arrow keys,
		// then move the last item up with its "Move up" button, pressed with Enter.
		await page.getByRole('button', { name: 'Drag to move: How might we…?' }).focus();
		await page.keyboard.press('ArrowUp');
		await page.keyboard.press('ArrowUp');
		await expect(page.getByRole('status').filter({ hasText: 'is now at position 1 of 4' })).toBeAttached();
		await page
			.locator('.agenda li[data-item]')
			.nth(3)
			.getByRole('button', { name: /Move up/ })
			.focus();
		await page.keyboard.press('Enter');
		const reordered = ['How might we…?', 'Hopes and concerns', 'Dot voting', 'Rose, thorn, bud'];
		expect(await titles()).toEqual(reordered);
		// Running clock times and the total against the time available.
		await expect(page.locator('.agenda li[data-item]').first().locator('.clock')).toHaveText(/^09:30–/);
		const total = await page.locator('.total').innerText();
		expect(total).toMatch(/Total \d+ min of 60 min/);
		await expect(page.getByRole('alert')).toContainText('runs');

		await page.reload();
		await expect(page.locator('.agenda li[data-item]')).toHaveCount(4);
		expect(await titles()).toEqual(reordered);
		await expect(page.getByLabel('Workshop title')).toHaveValue('Kevään kumppanuuspäivä');
		await expect(page.getByLabel('Start time')).toHaveValue('09:30');
		await page.goto(`${server.url}/sessions/${id}/script`);
		await expect(page.locator('table tbody tr')).toHaveCount(4);
		await expect(page.locator('table tbody tr').first()).toContainText('How might we…?');
	});

	test('participants join by scanning the QR code, follow the facilitator, and see the same time', async ({
		devices,
		server
	}) => {
		const facilitator = await devices.open();
		const aino = await devices.open({ locale: 'fi-FI', viewport: { width: 360, height: 740 } });
		// A phone whose clock is five minutes ahead.
		const bo = await devices.open({
			locale: 'sv-FI',
			viewport: { width: 390, height: 800 },
			clockOffsetMs: 5 * 60_000
		});
		const all = [facilitator, aino, bo];
		const id = await planSession(facilitator.page, server.url, {
			title: 'Seniors’ panel',
			methods: ['Hopes and concerns', 'How might we…?']
		});
		await startRun(facilitator.page, server.url, id);
		const link = await scanQr(facilitator.page);
		expect(link).toBe(await facilitator.page.getByLabel('Join link').inputValue());
		await join(aino, link, 'Aino');
		await join(bo, link, 'Bo');
		for (const device of all) await expectConnected(device.page, 2);

		// The current activity and its phase follow the facilitator without any tapping.
		for (const device of [aino, bo])
			await expect(device.page.getByRole('heading', { level: 1 })).toHaveText('Hopes and concerns');
		await facilitator.page.getByRole('button', { name: 'Next activity →' }).click();
		for (const device of [aino, bo])
			await expect(device.page.getByRole('heading', { level: 1 })).toHaveText('How might we…?');
		await facilitator.page.getByRole('group', { name: 'Phase' }).getByRole('button', { name: 'Vote' }).click();
		for (const device of [aino, bo])
			await expect(device.page.locator('.phase-now')).toHaveAttribute('data-phase', 'vote');
		// The participant view fits a 360 px phone: nothing scrolls sideways, dots left are shown.
		await expect(aino.page.getByText('Sinulla on 3 pistettä jäljellä')).toBeVisible();
		expect(await aino.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

		// The timer: started on the facilitator's tablet, the same remaining time everywhere.
		await facilitator.page.getByRole('button', { name: '▶ Start' }).click();
		await facilitator.page.waitForTimeout(2500);
		const seconds = async (device: Device) =>
			Number(await device.page.locator('[data-remaining-seconds]').getAttribute('data-remaining-seconds'));
		// Let the clock estimate settle (clock readings arrive every two seconds).
		await expect
			.poll(async () => Math.abs((await seconds(bo)) - (await seconds(facilitator))), { timeout: 15_000 })
			.toBeLessThanOrEqual(1);
		for (let i = 0; i < 3; i++) {
			const [f, a, b] = await Promise.all(all.map(seconds));
			expect(f).toBeGreaterThan(400);
			expect(f).toBeLessThan(480);
			expect(Math.abs(a - f)).toBeLessThanOrEqual(1);
			expect(Math.abs(b - f)).toBeLessThanOrEqual(1);
			await facilitator.page.waitForTimeout(700);
		}
		// Pause and +1 minute reach every device.
		await facilitator.page.getByRole('button', { name: 'Pause' }).click();
		await facilitator.page.getByRole('button', { name: '+1 min' }).click();
		const paused = await seconds(facilitator);
		for (const device of [aino, bo]) await expect.poll(() => seconds(device)).toBe(paused);
		await expect(bo.page.getByText('Pausad')).toBeVisible();
		for (const device of all) expect(device.errors).toEqual([]);
	});

	test('lock makes participants read-only, and ending the session deletes their data', async ({ devices, server }) => {
		const facilitator = await devices.open();
		const aino = await devices.open({ locale: 'fi-FI', viewport: { width: 360, height: 740 } });
		const bo = await devices.open({ locale: 'en-GB', viewport: { width: 390, height: 800 } });
		const all = [facilitator, aino, bo];
		const id = await planSession(facilitator.page, server.url, { title: 'Lock and end', methods: ['How might we…?'] });
		const link = await startRun(facilitator.page, server.url, id);
		await join(aino, link, 'Aino');
		await join(bo, link);
		for (const device of all) await expectConnected(device.page, 2);
		await addNote(aino.page, 'Ennen lukitusta', 'Oivallus');

		await facilitator.page.getByRole('button', { name: 'Lock the board' }).click();
		for (const device of [aino, bo]) {
			await expect(device.page.getByText(/lukinnut taulun|locked the board/)).toBeVisible();
			await expect(device.page.getByRole('button', { name: /Add note|Lisää lappu/ })).toHaveCount(0);
			await listView(device.page);
			await expect(device.page.locator('.note-item').getByRole('button')).toHaveCount(0);
		}
		await facilitator.page.getByRole('button', { name: /Unlock the board/ }).click();
		await expect(aino.page.getByRole('button', { name: '+ Lisää lappu' })).toBeVisible();

		const databasesBefore = await bo.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
		expect(databasesBefore).toContain('kohtaamo');
		const sessionsOf = (device: Device) =>
			device.page.evaluate(
				() =>
					new Promise<number>((resolve, reject) => {
						const request = indexedDB.open('kohtaamo');
						request.onsuccess = () => {
							const tx = request.result.transaction('sessions', 'readonly');
							const count = tx.objectStore('sessions').count();
							count.onsuccess = () => {
								resolve(count.result);
								request.result.close();
							};
						};
						request.onerror = () => reject(request.error);
					})
			);
		expect(await sessionsOf(bo)).toBe(1);

		await facilitator.page.getByRole('button', { name: 'End the workshop' }).click();
		await facilitator.page.getByRole('dialog').getByRole('button', { name: 'End the workshop' }).click();
		await expect(aino.page.getByRole('heading', { name: 'Kiitos osallistumisesta!' })).toBeVisible();
		await expect(bo.page.getByRole('heading', { name: 'Thank you for taking part!' })).toBeVisible();
		await expect(bo.page.getByText('The workshop’s data has been deleted from this device.')).toBeVisible();
		await expect.poll(() => sessionsOf(bo)).toBe(0);
		await expect.poll(() => sessionsOf(aino)).toBe(0);
		// The facilitator keeps everything.
		await expect(facilitator.page.getByText('The workshop has ended.')).toBeVisible();
		await listView(facilitator.page);
		await expect(facilitator.page.locator('.note-item .text')).toHaveText(['Ennen lukitusta']);
	});

	test('a broken, incomplete or outdated join link gets a clear message and a way out', async ({ devices, server }) => {
		const device = await devices.open();
		const { page } = device;
		const cases: [string, string][] = [
			['/join', 'Part of the link is missing'],
			['/join#v=1&s=3f2b9c1e-8a4d-4c7e-9b1a-0d6e5f4a3b2c&r=Q2xhcmFfbXVzZXVtX3Jvb20', 'Part of the link is missing'],
			[
				'/join#v=9&s=3f2b9c1e-8a4d-4c7e-9b1a-0d6e5f4a3b2c&r=Q2xhcmFfbXVzZXVtX3Jvb20&k=c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0',
				'another version of Kohtaamo'
			],
			['/join#v=1&s=nope&r=%3Cscript%3E&k=c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0', 'The link is damaged']
		];
		for (const [path, message] of cases) {
			await page.goto(`${server.url}${path}`);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('This join link does not work');
			await expect(page.getByRole('alert')).toContainText(message);
			await expect(page.getByRole('link', { name: 'To Kohtaamo’s home page' })).toBeVisible();
		}
		expect(await page.evaluate(async () => (await indexedDB.databases()).length)).toBeLessThanOrEqual(1);
	});

	test('a participant who arrives before the facilitator waits, then joins as soon as they connect', async ({
		devices,
		server
	}) => {
		const facilitator = await devices.open();
		const aino = await devices.open({ locale: 'en-GB', viewport: { width: 360, height: 740 } });
		const id = await planSession(facilitator.page, server.url, { title: 'Early bird', methods: ['Dot voting'] });
		const link = await startRun(facilitator.page, server.url, id);
		// The facilitator's tablet leaves (closes the run view) before the participant arrives.
		await facilitator.page.goto(server.url);
		await join(aino, link, 'Aino');
		await expect(aino.page.getByRole('heading', { name: 'Waiting for the facilitator…' })).toBeVisible();
		await facilitator.page.goto(`${server.url}/sessions/${id}/run`);
		await expect(aino.page.getByRole('heading', { level: 1 })).toHaveText('Dot voting', { timeout: 30_000 });
	});
});
