/**
 * Sealed private notes against a curious participant (issue #15): devices in separate browser
 * contexts against the real workshop server. The curious participant's page searches what a person
 * with developer tools can reach — its own Y.Doc and every IndexedDB store on its origin — for a
 * marker written into another participant's private note.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { addNote, expectConnected, join, planSession, startRun } from './support/workshop.ts';

interface Handle {
	doc: { toJSON(): unknown };
	view: { notes: Map<string, { text: string; sealed?: boolean }> };
}

const viewTexts = (page: Page) =>
	page.evaluate(() =>
		[...(window as unknown as { kohtaamo: Handle }).kohtaamo.view.notes.values()].map((note) => note.text)
	);

const sealedCount = (page: Page) =>
	page.evaluate(
		() =>
			[...(window as unknown as { kohtaamo: Handle }).kohtaamo.view.notes.values()].filter((note) => note.sealed).length
	);

/** Whether the marker is anywhere in this page's document (every map, as JSON). */
const inDocument = (page: Page, marker: string) =>
	page.evaluate(
		(m) => JSON.stringify((window as unknown as { kohtaamo: Handle }).kohtaamo.doc.toJSON()).includes(m),
		marker
	);

/** Whether the marker is anywhere in this origin's IndexedDB: every database, every store, every
 * key and value, strings and bytes alike (Yjs updates are bytes holding UTF-8 text). */
const inIndexedDb = (page: Page, marker: string) =>
	page.evaluate(async (m) => {
		const latin1 = new TextDecoder('latin1');
		let found = false;
		const walk = (value: unknown, depth = 0): void => {
			if (found || depth > 20 || value === null || value === undefined) return;
			if (typeof value === 'string') found = value.includes(m);
			else if (value instanceof ArrayBuffer) found = latin1.decode(new Uint8Array(value)).includes(m);
			else if (ArrayBuffer.isView(value))
				found = latin1.decode(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)).includes(m);
			else if (Array.isArray(value)) for (const item of value) walk(item, depth + 1);
			else if (typeof value === 'object') for (const item of Object.values(value)) walk(item, depth + 1);
		};
		const request = <T>(r: IDBRequest<T>) =>
			new Promise<T>((resolve, reject) => {
				r.onsuccess = () => resolve(r.result);
				r.onerror = () => reject(r.error);
			});
		const databases = await indexedDB.databases();
		if (databases.length === 0) throw new Error('no IndexedDB databases to search');
		for (const { name } of databases) {
			if (!name) continue;
			const db = await request(indexedDB.open(name));
			for (const storeName of db.objectStoreNames) {
				const store = db.transaction(storeName, 'readonly').objectStore(storeName);
				walk(await request(store.getAll()));
				walk(await request(store.getAllKeys()));
			}
			db.close();
		}
		return found;
	}, marker);

test.describe('sealed private notes against a curious participant', () => {
	test.describe.configure({ timeout: 480_000 });

	test('before reveal another’s private text is nowhere on a participant’s device; after reveal it shows everywhere, with the writer gone', async ({
		devices,
		server
	}) => {
		const facilitator = await devices.open();
		// "Hopes and concerns" starts with private writing.
		const id = await planSession(facilitator.page, server.url, { title: 'Privacy', methods: ['Hopes and concerns'] });
		const link = await startRun(facilitator.page, server.url, id);
		const writer = await devices.open();
		const curious = await devices.open();
		for (const [device, name] of [
			[writer, 'Aino'],
			[curious, 'Utelias']
		] as const) {
			await device.page.goto(link);
			await expect(device.page.getByRole('button', { name: 'Join' })).toBeVisible({ timeout: 60_000 });
			await join(device, link, name);
		}
		for (const device of [facilitator, writer, curious]) await expectConnected(device.page, 2);

		const marker = `SEALED-${Date.now().toString(36)}-marker`;
		await addNote(writer.page, `Palkka ${marker}`, 'Hopes');
		// The curious device holds the note — sealed — and the facilitator reads it.
		await expect.poll(() => sealedCount(curious.page), { timeout: 60_000 }).toBe(1);
		await expect.poll(() => viewTexts(facilitator.page), { timeout: 60_000 }).toContain(`Palkka ${marker}`);
		expect(await viewTexts(writer.page)).toContain(`Palkka ${marker}`);
		// Nowhere on the curious device: not in its document, not in any IndexedDB store, not on screen.
		expect(await inDocument(curious.page, marker)).toBe(false);
		expect(await inIndexedDb(curious.page, marker)).toBe(false);
		await expect(curious.page.getByText(marker)).toHaveCount(0);
		// The writer's own device does not store its plaintext either: it opens its note again.
		expect(await inIndexedDb(writer.page, marker)).toBe(false);

		// The writer's device closes; the facilitator reveals.
		await writer.context.close();
		await facilitator.page
			.getByRole('group', { name: 'Phase' })
			.getByRole('button', { name: /Reveal/ })
			.click();
		for (const device of [curious, facilitator])
			await expect.poll(() => viewTexts(device.page), { timeout: 60_000 }).toContain(`Palkka ${marker}`);
		await expect(curious.page.getByText(`Palkka ${marker}`).first()).toBeVisible();

		// The search itself works: a note written after the reveal is plain, and found in the curious
		// device's storage.
		const plain = `PLAIN-${Date.now().toString(36)}-marker`;
		await addNote(curious.page, plain, 'Hopes');
		await expect.poll(() => inIndexedDb(curious.page, plain), { timeout: 60_000 }).toBe(true);
		expect(await inDocument(curious.page, plain)).toBe(true);
		expect([...curious.errors, ...facilitator.errors]).toEqual([]);
	});

	test('after removal the removed device receives nothing, the old link admits nobody, and the others keep syncing', async ({
		devices,
		server
	}) => {
		const facilitator = await devices.open();
		const id = await planSession(facilitator.page, server.url, { title: 'Removal', methods: ['Hopes and concerns'] });
		const oldLink = await startRun(facilitator.page, server.url, id);
		const aino = await devices.open();
		const removed = await devices.open();
		for (const [device, name] of [
			[aino, 'Aino'],
			[removed, 'Poistettava']
		] as const) {
			await device.page.goto(oldLink);
			await expect(device.page.getByRole('button', { name: 'Join' })).toBeVisible({ timeout: 60_000 });
			await join(device, oldLink, name);
		}
		for (const device of [facilitator, aino, removed]) await expectConnected(device.page, 2);
		// Past private writing, so the notes below travel as plain text (easy to look for).
		await facilitator.page
			.getByRole('group', { name: 'Phase' })
			.getByRole('button', { name: /Reveal/ })
			.click();

		const code = ((await removed.page.locator('.device-code').innerText()).match(/: (\S+)$/) ?? [])[1];
		expect(code).toBeTruthy();
		await facilitator.page.getByRole('button', { name: `Remove device: Poistettava (${code})` }).click();
		await expect(
			facilitator.page.getByText('The device is removed. Old posters and QR codes no longer work')
		).toBeVisible();
		await expect(
			removed.page.getByRole('heading', { name: 'The facilitator removed this device from the workshop' })
		).toBeVisible({ timeout: 60_000 });
		// The join panel offers the new link once the facilitator's device has moved.
		await expect
			.poll(() => facilitator.page.getByLabel('Join link').inputValue(), { timeout: 60_000 })
			.not.toBe(oldLink);

		// The remaining devices keep syncing, both ways, in the new room.
		const fromAino = `AFTER-${Date.now().toString(36)}-aino`;
		await addNote(aino.page, fromAino, 'Hopes');
		await expect.poll(() => viewTexts(facilitator.page), { timeout: 60_000 }).toContain(fromAino);
		const fromFacilitator = `AFTER-${Date.now().toString(36)}-facilitator`;
		await addNote(facilitator.page, fromFacilitator, 'Hopes');
		await expect.poll(() => viewTexts(aino.page), { timeout: 60_000 }).toContain(fromFacilitator);

		// The old join link: a device that opens it now (the removed one again, and a new one) joins
		// the old room, where only the facilitator's signpost is left (it hands on no board).
		await join(removed, oldLink, 'Poistettava');
		await expect(
			removed.page.getByRole('heading', { name: 'The facilitator removed this device from the workshop' })
		).toBeVisible({ timeout: 60_000 });
		const stranger = await devices.open();
		await join(stranger, oldLink, 'Uusi');
		// The facilitator's signpost in the old room tells a new device calmly that the link is old.
		await expect(stranger.page.getByRole('heading', { name: 'This invitation is no longer valid' })).toBeVisible({
			timeout: 60_000
		});
		// A note written after both opened the old link, seen by the remaining devices first.
		const last = `AFTER-${Date.now().toString(36)}-last`;
		await addNote(aino.page, last, 'Hopes');
		await expect.poll(() => viewTexts(facilitator.page), { timeout: 60_000 }).toContain(last);
		for (const device of [removed, stranger])
			for (const marker of [fromAino, fromFacilitator, last]) {
				expect(await inDocument(device.page, marker)).toBe(false);
				expect(await inIndexedDb(device.page, marker)).toBe(false);
			}
		expect([...aino.errors, ...facilitator.errors]).toEqual([]);
	});
});
