/**
 * Facilitator authority against a curious participant (issue #15): devices in separate browser
 * contexts; the participant's page runs a script that writes straight into its own Y.Doc (through
 * the `kohtaamo` debug handle, as someone with developer tools would reach it).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { addNote, expectConnected, join, planSession, startRun } from './support/workshop.ts';

interface Handle {
	doc: {
		getMap(name: string): {
			get(key: string): unknown;
			set(key: string, value: unknown): void;
			delete(key: string): void;
			keys(): IterableIterator<string>;
			values(): IterableIterator<{ set(key: string, value: unknown): void; get(key: string): unknown }>;
		};
		transact(fn: () => void): void;
	};
	view: {
		run: { locked: boolean; endedAt: number | null };
		activities: { phase: string; revealed: boolean; resultsShown: boolean }[];
	};
}

/** What the page's own view shows of the facilitator state. */
const shownState = (page: Page) =>
	page.evaluate(() => {
		const { view } = (window as unknown as { kohtaamo: Handle }).kohtaamo;
		const [first] = view.activities;
		return {
			locked: view.run.locked,
			ended: view.run.endedAt !== null,
			phase: first?.phase,
			revealed: first?.revealed,
			resultsShown: first?.resultsShown
		};
	});

const viewTexts = (page: Page) =>
	page.evaluate(() => {
		const { view } = (window as unknown as { kohtaamo: { view: { notes: Map<string, { text: string }> } } }).kohtaamo;
		return [...view.notes.values()].map((note) => note.text);
	});

const viewIds = (page: Page) =>
	page.evaluate(() => {
		const { view } = (window as unknown as { kohtaamo: { view: { notes: Map<string, unknown> } } }).kohtaamo;
		return [...view.notes.keys()];
	});

const recordSig = (page: Page) =>
	page.evaluate(() => {
		const record = (window as unknown as { kohtaamo: Handle }).kohtaamo.doc.getMap('control').get('record');
		return (record as { sig?: string } | undefined)?.sig ?? null;
	});

test.describe('facilitator authority against a curious participant', () => {
	test.describe.configure({ timeout: 480_000 });

	test('a participant’s writes of control state and deletes of others’ notes change nothing; a co-facilitator carries on', async ({
		devices,
		server
	}) => {
		const facilitator = await devices.open();
		const id = await planSession(facilitator.page, server.url, {
			title: 'Authority',
			methods: ['Hopes and concerns']
		});
		const link = await startRun(facilitator.page, server.url, id);
		expect(new URLSearchParams(new URL(link).hash.slice(1)).get('f')).toMatch(/^[A-Za-z0-9_-]{87}$/);
		const aino = await devices.open();
		const curious = await devices.open();
		const co = await devices.open();
		for (const [device, name] of [
			[aino, 'Aino'],
			[curious, 'Utelias'],
			[co, 'Kaisa']
		] as const) {
			// The join page, given time to open on a loaded machine (the shared helper waits 10 s).
			await device.page.goto(link);
			await expect(device.page.getByRole('button', { name: 'Join' })).toBeVisible({ timeout: 60_000 });
			await join(device, link, name);
		}
		for (const device of [facilitator, aino, curious, co]) await expectConnected(device.page, 3);
		const honest = [facilitator, aino, co];
		const before = await shownState(facilitator.page);
		expect(before).toMatchObject({ locked: false, ended: false, phase: 'write', revealed: false, resultsShown: false });
		for (const device of [aino, curious, co]) await expect.poll(() => shownState(device.page)).toEqual(before);
		const goodSig = await recordSig(facilitator.page);

		// The curious participant writes phase, reveal, results, lock and end: the plain fields, and a
		// forged control record with a changed state under the facilitator's signature.
		await curious.page.evaluate(() => {
			const { doc } = (window as unknown as { kohtaamo: Handle }).kohtaamo;
			doc.transact(() => {
				const run = doc.getMap('run');
				run.set('locked', true);
				run.set('endedAt', Date.now());
				run.set('keepCopy', true);
				for (const activity of doc.getMap('activities').values()) {
					activity.set('phase', 'results');
					activity.set('revealed', true);
					activity.set('resultsShown', true);
				}
			});
			const control = doc.getMap('control');
			const record = control.get('record') as { body: string; by: string; sig: string };
			control.set('record', {
				...record,
				body: record.body.replace('"locked":false', '"locked":true').replace('"phase":"write"', '"phase":"results"')
			});
		});
		// The valid record comes back on the curious device itself, and nothing changed anywhere.
		await expect.poll(() => recordSig(curious.page)).toBe(goodSig);
		for (const device of [...honest, curious]) {
			expect(await shownState(device.page)).toEqual(before);
			expect(await recordSig(device.page)).toBe(goodSig);
		}
		await expect(curious.page.getByRole('heading', { name: 'Thank you for taking part!' })).toHaveCount(0);
		await expect(aino.page.getByRole('heading', { name: 'Thank you for taking part!' })).toHaveCount(0);
		await expect(facilitator.page.getByRole('button', { name: 'Lock the board' })).toBeVisible();

		// Aino writes a note; the curious participant deletes it in its document.
		await addNote(aino.page, 'Ainon oma lappu', 'Hopes');
		// A private-writing board: the note is hidden on screen until reveal, so the devices' views
		// (what every screen, export and count reads) are checked. Its text is sealed until the
		// reveal (tests/browser/privacy.test.ts), so the other participants' views hold it by id.
		const noteId = await aino.page.evaluate(() => {
			const { view } = (window as unknown as { kohtaamo: { view: { notes: Map<string, { text: string }> } } }).kohtaamo;
			return [...view.notes.entries()].find(([, note]) => note.text === 'Ainon oma lappu')?.[0];
		});
		expect(noteId).toBeTruthy();
		for (const device of [...honest, curious]) await expect.poll(() => viewIds(device.page)).toContain(noteId);
		await curious.page.evaluate(() => {
			const { doc } = (window as unknown as { kohtaamo: Handle }).kohtaamo;
			const notes = doc.getMap('notes');
			for (const key of [...notes.keys()]) notes.delete(key);
		});
		// Put back where the delete was applied, and never gone anywhere else.
		await expect.poll(() => viewIds(curious.page)).toContain(noteId);
		for (const device of honest) expect(await viewIds(device.page)).toContain(noteId);
		expect(await viewTexts(aino.page)).toContain('Ainon oma lappu');

		// The facilitator makes the co device a co-facilitator, by the code that device shows.
		const code = ((await co.page.locator('.device-code').innerText()).match(/: (\S+)$/) ?? [])[1];
		expect(code).toBeTruthy();
		await facilitator.page.getByRole('button', { name: `Make co-facilitator: Kaisa (${code})` }).click();
		await expect(co.page.getByRole('heading', { name: 'You are a co-facilitator' })).toBeVisible();
		await expect(curious.page.getByRole('heading', { name: 'You are a co-facilitator' })).toHaveCount(0);

		// The facilitator's tablet dies; the co-facilitator moves the workshop to the next phase.
		await facilitator.context.close();
		await co.page
			.getByRole('group', { name: 'Phase' })
			.getByRole('button', { name: /Reveal/ })
			.click();
		for (const device of [aino, curious, co]) {
			await expect.poll(async () => (await shownState(device.page)).phase).toBe('reveal');
		}
		await expect(aino.page.locator('.phase-now')).toHaveAttribute('data-phase', 'reveal');
		expect([...aino.errors, ...co.errors]).toEqual([]);
	});
});
