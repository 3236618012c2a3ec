/**
 * Exports in a real browser: restoring a backup on the home page, the PDF summary and the CSV as
 * downloads (read back in Node), a backup moved to a fresh browser and exported again, refusals
 * of broken files, retention, and deleting all data from the settings.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Download, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import * as Y from 'yjs';
import { parseBackup, serializeBackup, type BackupFile } from '../../src/lib/export/backup.ts';
import { parseCsv } from '../../src/lib/export/notes-csv.ts';
import { normalise, readPdf } from '../../src/lib/export/testing/pdf-reader.ts';
import { SPECIAL_NOTES, workshopFixture } from '../../src/lib/export/testing/workshop-fixture.ts';
import { expect, test } from './support/fixtures.ts';

/** The fixture workshop as a backup file, made by the app's own export code. */
function fixtureBackup(): string {
	const fixture = workshopFixture();
	return serializeBackup(
		{ session: fixture.session, agenda: fixture.agenda, ownNotes: [], update: Y.encodeStateAsUpdate(fixture.doc) },
		'0.0.0-test',
		Date.UTC(2025, 10, 21)
	);
}

async function freshPage(context: BrowserContext, server: { url: string }): Promise<Page> {
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	await page.goto(server.url);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Workshops on this device');
	return page;
}

/** Chooses a file in the home page's restore control (labelled in the interface language). */
async function restore(page: Page, text: string, name = 'backup.json', label = 'Backup file (.json)'): Promise<void> {
	await page.getByLabel(label).setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

async function downloaded(page: Page, button: string): Promise<{ download: Download; bytes: Buffer }> {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: button }).click()
	]);
	const path = await download.path();
	return { download, bytes: await readFile(path) };
}

/** Session cards on the home page. */
const cards = (page: Page) => page.locator('.session-card');

/** A backup's content without the moment it was made, its document compared by what it holds. */
function content(text: string) {
	const parsed = parseBackup(text);
	if (!parsed.ok) throw new Error(`backup refused: ${parsed.problem.kind}`);
	const doc = new Y.Doc();
	Y.applyUpdate(doc, parsed.backup.parts.update);
	const { exportedAt: _e, doc: _d, app: _a, ...rest } = JSON.parse(text) as BackupFile;
	return { ...rest, doc: doc.toJSON() };
}

test.describe('session export', () => {
	test('restores a backup, then downloads the PDF summary and the notes as CSV', async ({ browser, server }) => {
		const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Helsinki' });
		const page = await freshPage(context, server);
		await restore(page, fixtureBackup());
		await expect(page.getByRole('status').filter({ hasText: 'was restored' })).toHaveText(
			/The workshop “Lähimuseo ja yhdistykset” was restored on this device\./
		);
		await expect(cards(page)).toHaveCount(1);
		await page.getByRole('link', { name: 'Open the workshop' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lähimuseo ja yhdistykset');

		const exportSection = page.getByRole('region', { name: 'Summary and backup' });
		await expect(exportSection.getByLabel('Include participants’ names in the summary and the CSV')).not.toBeChecked();
		const pdf = await downloaded(page, 'PDF summary');
		expect(pdf.download.suggestedFilename()).toMatch(
			/^kohtaamo-lahimuseo-ja-yhdistykset-summary-\d{4}-\d\d-\d\d\.pdf$/
		);
		const read = await readPdf(new Uint8Array(pdf.bytes));
		const text = normalise(read.pages.join('\n'));
		// The summary is in the session's language (Finnish), whatever the interface language.
		expect(read.pages[0]).toContain('TYÖPAJAN YHTEENVETO');
		for (const note of [SPECIAL_NOTES.finnish, SPECIAL_NOTES.cyrillic, SPECIAL_NOTES.greek, SPECIAL_NOTES.hebrew])
			expect(text).toContain(note);
		expect(text.replace(/\s/g, '')).toContain(SPECIAL_NOTES.long.replace(/\s/g, ''));
		// Emoji print as themselves (a monochrome emoji font, fetched for the summary when notes need it).
		expect(text).toContain('Loistava näyttely 🎉 ja hyvä kahvila');
		expect(text).not.toContain('Osallistuja 1');
		await expect(page.getByRole('status').filter({ hasText: 'Saved to your downloads' })).toContainText('.pdf');

		const csv = await downloaded(page, 'Notes as CSV');
		expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const rows = parseCsv(csv.bytes.toString('utf8'));
		expect(rows[0]).toEqual([
			'Työpaja',
			'Osio',
			'Alue',
			'Ryhmä',
			'Teksti',
			'Väri',
			'Ääniä',
			'Kirjoittaja',
			'Kirjoitettu',
			'Kirjoitettu osiossa',
			'Kieli'
		]);
		expect(rows).toHaveLength(25);
		expect(rows.map((row) => row[4])).toContain(SPECIAL_NOTES.finnish);
		expect(rows.find((row) => row[4].includes('HYPERLINK'))![4]).toBe(`'${SPECIAL_NOTES.formula}`);

		// With names: in a named session the facilitator may include them.
		await exportSection.getByLabel('Include participants’ names in the summary and the CSV').check();
		const named = await downloaded(page, 'Notes as CSV');
		expect(parseCsv(named.bytes.toString('utf8')).find((row) => row[4] === SPECIAL_NOTES.finnish)![7]).toBe(
			'Osallistuja 1'
		);

		// An English interface defaults to commas; Finnish and Swedish Excel want semicolons.
		const separator = exportSection.getByLabel('CSV separator');
		await expect(separator).toHaveValue(',');
		await separator.selectOption({ label: 'Semicolon – Excel in Finnish or Swedish' });
		const semicolons = (await downloaded(page, 'Notes as CSV')).bytes.toString('utf8');
		expect(semicolons.split('\r\n')[0]).toBe(
			'\ufeff"Työpaja";"Osio";"Alue";"Ryhmä";"Teksti";"Väri";"Ääniä";"Kirjoittaja";"Kirjoitettu";"Kirjoitettu osiossa";"Kieli"'
		);
		expect(parseCsv(semicolons, ';')).toEqual(parseCsv(named.bytes.toString('utf8')));
		await context.close();
	});

	test('a backup moved to a fresh browser exports the same content again', async ({ browser, server }) => {
		const original = fixtureBackup();
		const first = await browser.newContext({ locale: 'en-GB' });
		const a = await freshPage(first, server);
		await restore(a, original);
		await a.getByRole('link', { name: 'Open the workshop' }).click();
		const exported = (await downloaded(a, 'Backup (JSON)')).bytes.toString('utf8');
		expect(content(exported)).toEqual(content(original));

		// Another browser, another device: empty storage.
		const second = await browser.newContext({ locale: 'en-GB' });
		const b = await freshPage(second, server);
		await expect(cards(b)).toHaveCount(0);
		await restore(b, exported);
		await b.getByRole('link', { name: 'Open the workshop' }).click();
		await expect(b.getByRole('heading', { level: 1 })).toHaveText('Lähimuseo ja yhdistykset');
		const again = (await downloaded(b, 'Backup (JSON)')).bytes.toString('utf8');
		expect(content(again)).toEqual(content(exported));
		await first.close();
		await second.close();
	});

	test('refuses broken and foreign files with a message, changing nothing', async ({ browser, server }) => {
		const context = await browser.newContext({ locale: 'en-GB' });
		const page = await freshPage(context, server);
		const valid = fixtureBackup();
		await restore(page, valid);
		await expect(cards(page)).toHaveCount(1);
		const stored = () =>
			page.evaluate(
				() =>
					new Promise<number>((resolve, reject) => {
						const open = indexedDB.open('kohtaamo');
						open.onerror = () => reject(open.error);
						open.onsuccess = () => {
							const count = open.result.transaction('sessions').objectStore('sessions').count();
							count.onsuccess = () => {
								resolve(count.result);
								open.result.close();
							};
						};
					})
			);
		expect(await stored()).toBe(1);

		const cases: [string, string, RegExp][] = [
			['cut.json', valid.slice(0, valid.length / 2), /The backup is incomplete: the file ends too early/],
			['map.json', '{"type":"FeatureCollection","features":[]}', /The file is not a backup of a Kohtaamo workshop/],
			['notes.txt', 'Muistiinpanoja', /it is not a JSON file/],
			[
				'future.json',
				valid.replace('"version": 2', '"version": 3'),
				/made by a newer version of Kohtaamo \(format 3\)/
			],
			[
				'bad-date.json',
				valid.replace('"date": "2025-11-20"', '"date": "20.11.2025"'),
				/the field “session\.date” is missing or invalid/
			]
		];
		for (const [name, text, problem] of cases) {
			await restore(page, text, name);
			const alert = page.getByRole('alert');
			await expect(alert).toContainText(problem);
			await expect(alert).toContainText('Nothing on this device was changed.');
			await expect(cards(page)).toHaveCount(1);
			expect(await stored()).toBe(1);
		}

		// The same session again: the app asks. Cancel changes nothing; "Keep both" makes a copy.
		await restore(page, valid);
		const dialog = page.getByRole('dialog', { name: 'This workshop is already on this device' });
		await expect(dialog).toBeVisible();
		await dialog.getByRole('button', { name: 'Cancel' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'cancelled' })).toBeVisible();
		await expect(cards(page)).toHaveCount(1);
		await restore(page, valid);
		await dialog.getByRole('button', { name: 'Keep both' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'separate workshop' })).toContainText('(kopio)');
		await expect(cards(page)).toHaveCount(2);
		await context.close();
	});

	test('settings: retention offers old sessions for deletion, and "delete all" empties the device', async ({
		browser,
		server
	}) => {
		const context = await browser.newContext({ locale: 'en-GB' });
		const page = await freshPage(context, server);
		await restore(page, fixtureBackup());
		await expect(cards(page)).toHaveCount(1);
		// Off by default: no offer.
		await expect(page.getByRole('region', { name: /not been edited/ })).toHaveCount(0);

		await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Settings' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings on this device');
		await expect(page.getByLabel('Retention period')).toHaveValue('off');
		await page.getByLabel('Retention period').selectOption({ label: '30 days' });
		await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

		// Network settings are checked before they are saved.
		await page.getByLabel('Signaling server address').fill('https://example.org/signal');
		await page.getByLabel('ICE servers (JSON)').fill('[{"urls": "turn:turn.example.org:3478"}]');
		await page.getByRole('button', { name: 'Save', exact: true }).click();
		await expect(page.getByText('The address must be a full wss:// or ws:// address.')).toBeVisible();
		await expect(page.getByText('ICE server 1: a TURN server needs username and credential.')).toBeVisible();
		await expect(page.getByLabel('Signaling server address')).toHaveAttribute('aria-invalid', 'true');
		// A server outside those this build allows (its CSP would block it) is refused by name.
		const own = `${server.url.replace(/^http/, 'ws')}/signal`;
		await page.getByLabel('Signaling server address').fill('wss://signal.example.org/signal');
		await page.getByLabel('ICE servers (JSON)').fill('[{"urls": "stun:stun.example.org:3478"}]');
		await page.getByRole('button', { name: 'Save', exact: true }).click();
		await expect(
			page.getByText(
				`This app may not connect to that server, and the address was not saved. Allowed signaling servers: ${server.url.replace(/^http/, 'ws')}.`
			)
		).toBeVisible();
		await page.getByLabel('Signaling server address').fill(own);
		await page.getByRole('button', { name: 'Save', exact: true }).click();
		await expect(page.getByRole('status').filter({ hasText: 'New connections use these settings.' })).toBeVisible();
		await page.reload();
		await expect(page.getByLabel('Signaling server address')).toHaveValue(own);
		await expect(page.getByLabel('Retention period')).toHaveValue('30');

		// The restored session was last edited in November 2025: past 30 days.
		await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Workshops' }).click();
		const notice = page.getByRole('region', { name: '1 workshop has not been edited for over 30 days' });
		await expect(notice).toBeVisible();
		await expect(notice).toContainText('Lähimuseo ja yhdistykset');
		await notice.getByRole('button', { name: 'Delete these workshops' }).click();
		await page.getByRole('dialog').getByRole('button', { name: 'Delete these workshops' }).click();
		await expect(page.getByRole('status').filter({ hasText: '1 workshop was deleted.' })).toBeVisible();
		await expect(cards(page)).toHaveCount(0);

		// Delete everything: sessions and settings alike.
		await restore(page, fixtureBackup());
		await expect(cards(page)).toHaveCount(1);
		await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Settings' }).click();
		// A cache of the app's name stands for what the service worker stored; the worker itself
		// fills its own again after the reload.
		await page.evaluate(() => caches.open('kohtaamo-marker'));
		await page.getByRole('button', { name: 'Delete all data…' }).click();
		const confirm = page.getByRole('dialog', { name: 'Delete all Kohtaamo data?' });
		await expect(confirm).toContainText('1 workshop and everything else Kohtaamo keeps will be deleted');
		await Promise.all([page.waitForEvent('load'), confirm.getByRole('button', { name: 'Delete everything' }).click()]);
		await expect(page.getByLabel('Retention period')).toHaveValue('off');
		await expect(page.getByLabel('Signaling server address')).toHaveValue('');
		expect(await page.evaluate(() => caches.keys())).not.toContain('kohtaamo-marker');
		await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Workshops' }).click();
		await expect(page.getByRole('heading', { name: 'No workshops yet' })).toBeVisible();
		await context.close();
	});

	test('the export, restore and settings controls have no WCAG 2 A/AA violations', async ({ browser, server }) => {
		// Four axe runs over full pages: slow on a loaded machine.
		test.setTimeout(120_000);
		const context = await browser.newContext({ locale: 'fi-FI' });
		const page = await context.newPage();
		await page.goto(server.url);
		await restore(page, fixtureBackup(), 'backup.json', 'Varmuuskopiotiedosto (.json)');
		const axe = async () => {
			const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
			return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
		};
		await expect(page.getByRole('link', { name: 'Avaa työpaja' })).toBeVisible();
		expect(await axe()).toEqual([]);
		await page.getByRole('link', { name: 'Avaa työpaja' }).click();
		await expect(page.getByRole('region', { name: 'Yhteenveto ja varmuuskopio' })).toBeVisible();
		expect(await axe()).toEqual([]);
		await page.goto(`${server.url}/settings`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tämän laitteen asetukset');
		expect(await axe()).toEqual([]);
		await page.getByRole('button', { name: 'Poista kaikki tiedot…' }).click();
		await expect(page.getByRole('dialog')).toBeVisible();
		expect(await axe()).toEqual([]);
		await context.close();
	});
});
