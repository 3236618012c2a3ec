/**
 * Paper notes from a photo in the exports: the summary lists them like any note, the PDF shows each
 * one's picture beside its typed text, and the CSV has the text.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { editNote } from '../board/commands';
import { addImageNotes } from '../board/image-notes';
import { actor } from '../board/test-board';
import { noteRows } from './notes-csv';
import { buildSummary } from './summary-model';
import { makeSummaryPdf } from './summary-pdf';
import { diskFonts, normalise, readPdf } from './testing/pdf-reader';
import { workshopFixture, type WorkshopFixture } from './testing/workshop-fixture';

/** Two paper notes cut from one of the generated photos (tests/fixtures/paper-notes/02), as JPEG. */
const picture = (file: string) => new Uint8Array(readFileSync(new URL(`./testing/${file}`, import.meta.url)));
const PICTURE = picture('paper-note.jpg');
const OTHER = picture('paper-note-2.jpg');
const TYPED = 'Lisää penkkejä pihalle';

/** Image XObjects in a PDF's bytes: one per picture drawn (jsPDF writes each once). */
function imageCount(bytes: ArrayBuffer): number {
	return (
		Buffer.from(bytes)
			.toString('latin1')
			.match(/\/Subtype\s*\/Image/g) ?? []
	).length;
}

describe('image notes in the exports', { timeout: 60_000 }, () => {
	let fixture: WorkshopFixture;
	let ids: string[];
	let pdf: ArrayBuffer;

	beforeAll(async () => {
		fixture = workshopFixture();
		const facilitator = actor('facilitator-1', 'facilitator');
		const added = addImageNotes(fixture.doc, facilitator, 'a-free', null, [
			{ image: PICTURE, text: '', color: 'yellow', at: { x: 0, y: 0 } },
			{ image: OTHER, text: '', color: 'pink', at: { x: 1, y: 1 } }
		]);
		if (!added.ok) throw new Error(added.reason);
		ids = added.value;
		expect(editNote(fixture.doc, facilitator, ids[0], TYPED).ok).toBe(true);
		pdf = await makeSummaryPdf({
			...fixture,
			fonts: diskFonts(),
			appVersion: '1.2.3',
			exportedAt: Date.UTC(2025, 10, 21, 10, 0),
			timeZone: 'Europe/Helsinki'
		});
	}, 60_000);

	it('lists the image notes in their activity with their pictures', () => {
		const model = buildSummary({ ...fixture });
		const free = model.activities.find((a) => a.id === 'a-free');
		const listed = free?.notes.filter((n) => ids.includes(n.note.id)) ?? [];
		expect(listed).toHaveLength(2);
		expect(listed.map((n) => n.note.image?.byteLength).sort()).toEqual([PICTURE.byteLength, OTHER.byteLength].sort());
		expect(listed.find((n) => n.note.id === ids[0])?.note.text).toBe(TYPED);
	});

	it('draws each picture in the PDF, with the typed text', async () => {
		expect(imageCount(pdf)).toBe(2);
		const read = await readPdf(pdf);
		expect(normalise(read.pages.join('\n'))).toContain(TYPED);
	});

	it('stores a picture used twice once (jsPDF keeps one copy of equal bytes)', async () => {
		const twice = workshopFixture();
		const added = addImageNotes(twice.doc, actor('facilitator-1', 'facilitator'), 'a-free', null, [
			{ image: PICTURE, text: '', color: 'yellow', at: { x: 0, y: 0 } },
			{ image: PICTURE.slice(), text: '', color: 'yellow', at: { x: 1, y: 0 } }
		]);
		expect(added.ok).toBe(true);
		const bytes = await makeSummaryPdf({
			...twice,
			fonts: diskFonts(),
			appVersion: '1.2.3',
			exportedAt: Date.UTC(2025, 10, 21, 10, 0),
			timeZone: 'Europe/Helsinki'
		});
		expect(imageCount(bytes)).toBe(1);
	});

	it('has no pictures in a PDF without image notes', async () => {
		const plain = workshopFixture();
		const bytes = await makeSummaryPdf({
			...plain,
			fonts: diskFonts(),
			appVersion: '1.2.3',
			exportedAt: Date.UTC(2025, 10, 21, 10, 0),
			timeZone: 'Europe/Helsinki'
		});
		expect(imageCount(bytes)).toBe(0);
	});

	it('puts the typed text in the CSV, and an untyped image note as an empty text', () => {
		const rows = noteRows({ ...fixture });
		const textColumn = rows[0].indexOf(rows[0].find((h) => /text|teksti/i.test(h)) ?? '');
		expect(textColumn).toBeGreaterThanOrEqual(0);
		const texts = rows.slice(1).map((r) => r[textColumn]);
		expect(texts).toContain(TYPED);
		expect(texts.filter((t) => t === '')).toHaveLength(1);
	});
});
