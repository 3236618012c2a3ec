/**
 * Paper notes from a photo, end to end: the facilitator imports one of the generated photos through
 * the dialog (detection on the device, outlines corrected by keyboard, a refused file), adds the
 * notes, types the text of one; a participant on a second device sees them; the PDF summary holds
 * their pictures and the typed text.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { normalise, readPdf } from '../../src/lib/export/testing/pdf-reader.ts';
import { expect, test } from './support/fixtures.ts';
import { expectConnected, join, listView, planSession, startRun } from './support/workshop.ts';

const PHOTO = '02-mixed-colours.png';
const TYPED = 'More shade in the courtyard';

async function expectedBoxes(file: string): Promise<number> {
	const all = JSON.parse(await readFile('tests/fixtures/paper-notes/expected.json', 'utf8')) as {
		file: string;
		boxes: unknown[];
	}[];
	return all.find((p) => p.file === file)!.boxes.length;
}

/** The image notes in this device's document: their sizes, and how many distinct pictures. */
function imageNotes(page: Page) {
	return page.evaluate(() => {
		const handle = globalThis as unknown as {
			kohtaamo: { doc: { getMap(name: string): Map<string, { get(key: string): unknown }> } };
		};
		const sizes: number[] = [];
		const distinct = new Set<string>();
		handle.kohtaamo.doc.getMap('notes').forEach((note) => {
			const image = note.get('image');
			if (image instanceof Uint8Array) {
				sizes.push(image.byteLength);
				distinct.add(Array.from(image).join(','));
			}
		});
		return { sizes, distinct: distinct.size };
	});
}

test.describe('paper notes from a photo', () => {
	test.describe.configure({ timeout: 180_000 });

	test('imports a photo through the dialog, and the notes reach another device and the PDF', async ({
		devices,
		server
	}) => {
		const expected = await expectedBoxes(PHOTO);
		const facilitator = await devices.open();
		const participant = await devices.open();
		const id = await planSession(facilitator.page, server.url, { title: 'Paper wall', methods: ['How might we…?'] });
		const link = await startRun(facilitator.page, server.url, id);
		await join(participant, link, 'Pia');
		await expectConnected(facilitator.page, 1);
		const page = facilitator.page;

		await page.getByRole('button', { name: 'Notes from a photo' }).click();
		const dialog = page.getByRole('dialog', { name: 'Paper notes from a photo' });
		await expect(dialog).toBeVisible();
		await dialog.getByLabel('Choose a picture file').setInputFiles(`tests/fixtures/paper-notes/${PHOTO}`);
		await expect(dialog.getByRole('status')).toHaveText(
			`Found ${expected} notes. Check the outlines before adding them.`
		);
		const outlines = dialog.locator('svg [data-outline]');
		await expect(outlines).toHaveCount(expected);
		await expect(dialog.getByRole('list', { name: 'Outlines' }).getByRole('button')).toHaveCount(expected);

		// Correct by keyboard: select an outline, move it right, make it wider, then add and remove one.
		const first = dialog.getByRole('button', { name: 'Note 1', exact: true });
		const rect = outlines.first().locator('rect');
		const before = Number(await rect.getAttribute('x'));
		const width = Number(await rect.getAttribute('width'));
		await first.click();
		await expect(first).toHaveAttribute('aria-pressed', 'true');
		await first.press('ArrowRight');
		await expect(rect).toHaveAttribute('x', String(before + 5));
		await first.press('ArrowLeft');
		await first.press('Shift+ArrowRight');
		await expect(rect).toHaveAttribute('width', String(width + 5));
		await first.press('Shift+ArrowLeft');
		await dialog.getByRole('button', { name: 'Add an outline' }).click();
		await expect(outlines).toHaveCount(expected + 1);
		const added = dialog.getByRole('button', { name: `Note ${expected + 1}`, exact: true });
		await expect(added).toBeFocused();
		await added.press('Delete');
		await expect(outlines).toHaveCount(expected);

		// Pointer: drag the selected outline's corner, then back.
		await first.click();
		const corner = outlines.first().locator('circle').last();
		const box = (await corner.boundingBox())!;
		await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		await page.mouse.down();
		await page.mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 2 + 20, { steps: 4 });
		await page.mouse.up();
		expect(Number(await rect.getAttribute('width'))).toBeGreaterThan(width);
		await first.focus();
		while (Number(await rect.getAttribute('width')) > width) await first.press('Shift+ArrowLeft');
		while (Number(await rect.getAttribute('height')) > width) await first.press('Shift+ArrowUp');

		// A file that is not a picture is refused and changes nothing.
		await dialog.getByLabel('Choose a picture file').setInputFiles({
			name: 'notes.txt',
			mimeType: 'text/plain',
			buffer: Buffer.from('not a photo')
		});
		await expect(dialog.getByRole('alert')).toHaveText(
			'That file is not a picture. Choose a photo (JPEG or PNG, for example).'
		);
		await expect(outlines).toHaveCount(expected);

		const axe = await new AxeBuilder({ page }).include('dialog[open]').analyze();
		expect(axe.violations).toEqual([]);

		await dialog.getByRole('button', { name: `Add ${expected} notes` }).click();
		await expect(dialog).toBeHidden();

		// Every picture is under the bound; they are the notes of the board.
		const stored = await imageNotes(page);
		expect(stored.sizes).toHaveLength(expected);
		for (const size of stored.sizes) expect(size).toBeLessThanOrEqual(60 * 1024);

		// Type the text of one beside its picture.
		await listView(page);
		const items = page.locator('.note-item');
		await expect(items.locator('img')).toHaveCount(expected);
		await items.first().getByRole('button', { name: /^Edit/ }).click();
		const noteDialog = page
			.getByRole('dialog')
			.filter({ has: page.getByRole('img', { name: 'Photo of the paper note' }) });
		await noteDialog.getByLabel('Text', { exact: true }).fill(TYPED);
		await noteDialog.getByRole('button', { name: 'Save note' }).click();
		await expect(page.getByRole('img', { name: TYPED })).toHaveCount(1);

		// The second device sees the pictures, the typed one by its text.
		await listView(participant.page);
		await expect(participant.page.locator('.note-item img')).toHaveCount(expected);
		await expect(participant.page.getByRole('img', { name: TYPED })).toBeVisible();
		// Untyped ones are told apart by number, in their names and in their controls' names.
		await expect(participant.page.getByRole('img', { name: /^Paper note \d+, text not typed yet$/ })).toHaveCount(
			expected - 1
		);
		await expect(
			participant.page.getByRole('img', { name: `Paper note ${expected - 1}, text not typed yet`, exact: true })
		).toHaveCount(1);
		// The pictures load (blob addresses pass the page's content security policy).
		await expect
			.poll(() =>
				participant.page
					.locator('.note-item img')
					.evaluateAll((imgs) =>
						imgs.every((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0)
					)
			)
			.toBe(true);
		// On the board (which renders only the notes near the screen) each note shows its picture.
		await participant.page.getByRole('button', { name: 'Board', exact: true }).click();
		await expect(participant.page.locator('.note img').first()).toBeVisible();
		await expect(participant.page.locator('button.note:not(:has(img))')).toHaveCount(0);
		await expect(participant.page.getByRole('button', { name: new RegExp(`^${TYPED}`) })).toHaveCount(1);

		// The PDF summary holds every picture (jsPDF stores equal pictures once) and the typed text.
		await page.goto(`${server.url}/sessions/${id}`);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'PDF summary' }).click()
		]);
		const bytes = await readFile(await download.path());
		const images = bytes.toString('latin1').match(/\/Subtype\s*\/Image/g) ?? [];
		expect(images).toHaveLength(stored.distinct);
		expect(stored.distinct).toBeGreaterThan(expected / 2);
		const pdf = await readPdf(new Uint8Array(bytes));
		expect(normalise(pdf.pages.join('\n'))).toContain(TYPED);
		expect(facilitator.errors).toEqual([]);
		expect(participant.errors).toEqual([]);
	});
});
