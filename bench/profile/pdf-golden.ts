/**
 * Not a benchmark: writes the PDF summaries of a few fixtures and prints a hash of each with the
 * random file id blanked, so that a speed change can be checked to leave every byte of the PDF as
 * it was.   node --import tsx bench/profile/pdf-golden.ts [dir]
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';

// The fixture places notes at random and gives them random ids: seeded here, so that two runs
// (before and after a change) make the same input.
let seed = 1;
Math.random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
let uuid = 0;
crypto.randomUUID = () =>
	`00000000-0000-4000-8000-${(uuid++).toString(16).padStart(12, '0')}` as `${string}-${string}-${string}-${string}-${string}`;
crypto.getRandomValues = <T extends ArrayBufferView | null>(array: T): T => {
	if (array) {
		const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
		for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
	}
	return array;
};
const { makeSummaryPdf } = await import('../../src/lib/export/summary-pdf.ts');
const { diskFontLoader, diskFonts } = await import('../../src/lib/export/testing/pdf-reader.ts');
const { workshopFixture } = await import('../../src/lib/export/testing/workshop-fixture.ts');

const dir = process.argv[2];
if (dir) mkdirSync(dir, { recursive: true });
const cases = {
	small: () => workshopFixture(),
	big: () => workshopFixture({ extraNotes: 476 }),
	sv: () => workshopFixture({ language: 'sv', anonymous: true }),
	bigExtraFonts: () => workshopFixture({ extraNotes: 476 }),
	smallExtraFonts: () => workshopFixture({ language: 'en' })
};
for (const [name, make] of Object.entries(cases)) {
	const fixture = make();
	const bytes = await makeSummaryPdf({
		...fixture,
		fonts: diskFonts(),
		loadFont: name.endsWith('ExtraFonts') ? diskFontLoader : undefined,
		appVersion: 'golden',
		exportedAt: Date.UTC(2025, 10, 20, 12, 0),
		timeZone: 'Europe/Helsinki'
	});
	const text = Buffer.from(bytes)
		.toString('latin1')
		.replace(/\/ID \[ <[0-9A-F]+> <[0-9A-F]+> \]/, '/ID []');
	if (dir) writeFileSync(`${dir}/${name}.pdf`, Buffer.from(text, 'latin1'));
	console.log(name, bytes.byteLength, createHash('sha256').update(text, 'latin1').digest('hex').slice(0, 16));
}
