/**
 * Who may come into the room (issue #15): the facilitator closes the room to new devices and
 * reopens it, and a device whose network was cut while the facilitator removed another device comes
 * back into the new room. Separate browser contexts against the real workshop server.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { addNote, expectConnected, join, planSession, startRun } from './support/workshop.ts';

interface Handle {
	view: { notes: Map<string, { text: string }> };
}

const viewTexts = (page: Page) =>
	page.evaluate(() =>
		[...(window as unknown as { kohtaamo: Handle }).kohtaamo.view.notes.values()].map((note) => note.text)
	);

/** The shared helpers wait 10 s for a page; on a loaded machine the first open takes longer. */
async function startRunPatiently(page: Page, url: string, id: string) {
	await page.goto(`${url}/sessions/${id}/run`);
	await expect(page.getByLabel('Join link')).toBeVisible({ timeout: 60_000 });
	return startRun(page, url, id);
}

async function joinPatiently(device: Parameters<typeof join>[0], link: string, name: string) {
	await device.page.goto(link);
	await expect(device.page.getByRole('button', { name: 'Join' })).toBeVisible({ timeout: 60_000 });
	await join(device, link, name);
}

const reveal = (page: Page) =>
	page
		.getByRole('group', { name: 'Phase' })
		.getByRole('button', { name: /Reveal/ })
		.click();

test.describe('closing the room and devices that slept through a move', () => {
	test.describe.configure({ timeout: 480_000 });

	test('a closed room admits no new device while everyone in it keeps working; reopened, it shows the new invitation', async ({
		devices,
		server
	}) => {
		const facilitator = await devices.open();
		const id = await planSession(facilitator.page, server.url, { title: 'Door', methods: ['Hopes and concerns'] });
		const oldLink = await startRunPatiently(facilitator.page, server.url, id);
		const aino = await devices.open();
		await joinPatiently(aino, oldLink, 'Aino');
		for (const device of [facilitator, aino]) await expectConnected(device.page, 1);
		// Past private writing, so notes travel as plain text.
		await reveal(facilitator.page);

		await facilitator.page.getByRole('button', { name: 'Close the room to new devices' }).click();
		await expect(facilitator.page.getByText('The room is closed to new devices.')).toBeVisible();
		// No invitation while closed: no link, no QR code, no poster.
		await expect(facilitator.page.getByLabel('Join link')).toHaveCount(0);

		// Everyone in the room carries on, both ways (in the room the close moved them to).
		const fromAino = `CLOSED-${Date.now().toString(36)}-aino`;
		await addNote(aino.page, fromAino, 'Hopes');
		await expect.poll(() => viewTexts(facilitator.page), { timeout: 60_000 }).toContain(fromAino);
		const fromFacilitator = `CLOSED-${Date.now().toString(36)}-facilitator`;
		await addNote(facilitator.page, fromFacilitator, 'Hopes');
		await expect.poll(() => viewTexts(aino.page), { timeout: 60_000 }).toContain(fromFacilitator);

		// A new device with the old link is told calmly, not shown an error or a spinner.
		const stranger = await devices.open();
		await joinPatiently(stranger, oldLink, 'Myöhässä');
		await expect(
			stranger.page.getByRole('heading', { name: 'This workshop is not taking new participants' })
		).toBeVisible({ timeout: 60_000 });
		await expect(stranger.page.getByText(fromAino)).toHaveCount(0);

		// Reopened: the invitation of the new room, and word that older posters no longer work.
		await facilitator.page.getByRole('button', { name: 'Reopen the room to new devices' }).click();
		await expect(facilitator.page.getByText('Posters printed and QR codes shown before it was closed')).toBeVisible();
		const newLink = await facilitator.page.getByLabel('Join link').inputValue();
		expect(newLink).not.toBe(oldLink);
		const late = await devices.open();
		await joinPatiently(late, newLink, 'Uusi');
		await expectConnected(late.page, 1);
		await expect.poll(() => viewTexts(late.page), { timeout: 60_000 }).toContain(fromAino);
		expect([...aino.errors, ...facilitator.errors, ...late.errors]).toEqual([]);
	});

	test('a device offline during a removal comes back into the new room and syncs', async ({ devices, server }) => {
		const facilitator = await devices.open();
		const id = await planSession(facilitator.page, server.url, { title: 'Sleeper', methods: ['Hopes and concerns'] });
		const oldLink = await startRunPatiently(facilitator.page, server.url, id);
		// Relay only, so that going offline cuts it off completely (no data channel survives).
		const sleeper = await devices.open({ webRtc: false });
		const removed = await devices.open();
		await joinPatiently(sleeper, oldLink, 'Unikeko');
		await joinPatiently(removed, oldLink, 'Poistettava');
		for (const device of [facilitator, sleeper, removed]) await expectConnected(device.page, 2);
		await reveal(facilitator.page);

		await sleeper.context.setOffline(true);
		await expect(sleeper.page.locator('[data-connection]')).toHaveAttribute('data-connection', 'offline', {
			timeout: 45_000
		});
		const code = ((await removed.page.locator('.device-code').innerText()).match(/: (\S+)$/) ?? [])[1];
		await facilitator.page.getByRole('button', { name: `Remove device: Poistettava (${code})` }).click();
		await expect(
			removed.page.getByRole('heading', { name: 'The facilitator removed this device from the workshop' })
		).toBeVisible({ timeout: 60_000 });
		// The facilitator's device has moved to the new room.
		await expect
			.poll(() => facilitator.page.getByLabel('Join link').inputValue(), { timeout: 60_000 })
			.not.toBe(oldLink);
		const whileAway = `AWAY-${Date.now().toString(36)}-facilitator`;
		await addNote(facilitator.page, whileAway, 'Hopes');

		// Back online, the sleeper finds the facilitator's signpost in the old room and follows it.
		await sleeper.context.setOffline(false);
		await expect.poll(() => viewTexts(sleeper.page), { timeout: 90_000 }).toContain(whileAway);
		const fromSleeper = `BACK-${Date.now().toString(36)}-sleeper`;
		await addNote(sleeper.page, fromSleeper, 'Hopes');
		await expect.poll(() => viewTexts(facilitator.page), { timeout: 60_000 }).toContain(fromSleeper);
		await expect(sleeper.page.getByRole('heading', { name: /removed this device/ })).toHaveCount(0);
		// The removed device got none of it.
		expect(await viewTexts(removed.page).catch(() => [])).not.toContain(fromSleeper);
		expect([...facilitator.errors]).toEqual([]);
	});
});
