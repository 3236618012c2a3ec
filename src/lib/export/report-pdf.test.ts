import { existsSync, readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSeriesPdf } from './series-pdf';
import { makeSummaryPdf } from './summary-pdf';
import { diskFontLoader, diskFonts, normalise, readPdf, type PdfContent } from './testing/pdf-reader';
import { pixelDifference, renderPage } from './testing/render-page';
import {
	PUBLIC_SUMMARY,
	PUBLIC_SUMMARY_EN,
	REPORT_EXPORTED_AT as EXPORTED_AT,
	reportFixture,
	SCRIPT_NOTES
} from './testing/report-fixture';

const fonts = diskFonts();
const REFERENCE = new URL('./testing/reference/report-page-2.png', import.meta.url);

/** The page whose first line is the heading. */
const pageOf = (pdf: PdfContent, heading: string) => pdf.pages.findIndex((p) => p.split('\n')[0] === heading);

// Generous timeouts: the machine running the tests may be busy (speed is measured by the bench).
describe('PDF report section', { timeout: 120_000 }, () => {
	let bytes: ArrayBuffer;
	let pdf: PdfContent;
	let all: string;
	let report: string;

	beforeAll(async () => {
		bytes = await makeSummaryPdf({
			...reportFixture(),
			fonts,
			loadFont: diskFontLoader,
			appVersion: '1.2.3',
			exportedAt: EXPORTED_AT,
			timeZone: 'Europe/Helsinki'
		});
		pdf = await readPdf(bytes);
		all = pdf.pages.join('\n');
		const start = pageOf(pdf, 'Raportti');
		const end = pdf.pages.findIndex((p) => p.startsWith('Ohjelma: suunniteltu ja toteutunut'));
		report = normalise(pdf.pages.slice(start, end).join('\n'));
	}, 120_000);

	it('prints Chinese, Japanese, Korean and emoji as text, with no replacement character anywhere', () => {
		for (const sample of [SCRIPT_NOTES.chinese, SCRIPT_NOTES.japanese, SCRIPT_NOTES.korean, SCRIPT_NOTES.emoji])
			expect(all).toContain(sample);
		expect(all).not.toContain('\ufffd');
		expect(all).not.toContain('[emoji]');
	});

	it('never draws invisible formatting characters', () => {
		expect(all).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u);
		// The words around them are all there.
		for (const word of ['Kahvila', 'kauppa', 'auki']) expect(all).toContain(word);
	});

	it('keeps the PDF small: the large fonts are subset to the characters used', () => {
		expect(bytes.byteLength).toBeLessThan(400 * 1024);
	});

	it('comes before the detail, with the facts', () => {
		const reportPage = pageOf(pdf, 'Raportti');
		expect(reportPage).toBe(1);
		for (const fact of [
			'Päivä 20. marraskuuta 2025',
			'Paikka Museon aula',
			'Ohjaajat Aino Virtanen, Mika Korhonen',
			'Kesto suunniteltu 60 minuuttia, toteutunut 58 minuuttia',
			'Osallistujat 10 osallistujaa'
		])
			expect(report).toContain(fact);
	});

	it('counts participation per category, merging groups under three into “other”', () => {
		// Age group, with notes and votes counted by it: 30–44 (2 people) is merged into “other”.
		expect(report).toContain(
			'Ikäryhmä Vastaus Henkeä Osuus Lappuja Ääniä 18–29 4 40 % 4 8 65 tai yli 3 30 % 3 3 muu 2 20 % 2 2 ei vastausta 1 10 % 0 1'
		);
		expect(report).not.toContain('30–44');
		expect(report).toContain(
			'Ensimmäistä kertaa museossa Vastaus Henkeä Osuus kyllä 6 60 % ei 3 30 % ei vastausta 1 10 %'
		);
		expect(report).toContain(
			'Mistä kuulit työpajasta? Vastaus Henkeä Osuus Kirjastosta 5 50 % Ystävältä 3 30 % muu 1 10 % ei vastausta 1 10 %'
		);
		expect(report).not.toContain('Lehdestä');
		expect(report).toContain('Ryhmät, joissa on alle kolme henkeä, on yhdistetty riviin ”muu”');
		expect(report).toContain('Lappu kertoo ryhmän, ei henkilöä.');
	});

	it('labels every chart bar with its number', () => {
		expect(report).toContain(
			'Osallistujat: Ikäryhmä 18–29 4 (40 %) 65 tai yli 3 (30 %) muu 2 (20 %) ei vastausta 1 (10 %)'
		);
		expect(report).toContain('Laput ja äänet osioittain 1. Ideat 9 lappua 14 ääntä 2. Valinta 0 lappua');
		expect(report).toContain(
			'Eniten ääniä saaneet ideat Pidempi aukiolo torstaisin 10 ääntä Lastenhoito illan ajaksi 4 ääntä'
		);
	});

	it('has the outcomes, decisions, accessibility notes and the public summary in two languages', () => {
		expect(report).toContain('Eniten ääniä saaneet ryhmät Perheet — 4 ääntä · Ideat');
		expect(report).toContain('Päätökset ja jatkotoimet • Pidempi aukiolo kokeiluun (vastuu: Aino)');
		expect(report).toContain('Saavutettavuus ja osallisuus Viittomakielen tulkkaus.');
		expect(report).toContain(`Julkinen tiivistelmä ${PUBLIC_SUMMARY}`);
		expect(report).toContain(`Public summary (in English) ${PUBLIC_SUMMARY_EN}`);
	});

	it('looks like the reference image of its first page (within a tolerance)', () => {
		const page = renderPage(bytes, 2);
		expect(existsSync(REFERENCE), 'reference image missing').toBe(true);
		const reference = PNG.sync.read(readFileSync(REFERENCE));
		expect(pixelDifference(page, reference)).toBeLessThan(0.01);
	});

	it('prints a placeholder for emoji only when the emoji font cannot be loaded', async () => {
		const plain = await readPdf(
			await makeSummaryPdf({ ...reportFixture(), fonts, appVersion: '1', exportedAt: EXPORTED_AT, timeZone: 'UTC' })
		);
		const text = plain.pages.join('\n');
		expect(text).toContain('Hieno ilta [emoji][emoji]');
	});
});

describe('PDF series report', { timeout: 120_000 }, () => {
	it('sums two sessions and shows participation per category session by session', async () => {
		const first = reportFixture('Kevään illat 1', '2025-11-20');
		const second = reportFixture('Kevään illat 2', '2025-12-18');
		const pdf = await readPdf(
			await makeSeriesPdf({
				sessions: [second, first],
				fonts,
				appVersion: '1.2.3',
				exportedAt: EXPORTED_AT,
				timeZone: 'UTC'
			})
		);
		const text = normalise(pdf.pages.join('\n'));
		expect(text).toContain('Työpajasarjan raportti 2 työpajaa');
		// In date order, then the totals: 10 + 10 participants, 9 + 9 notes, 14 + 14 votes.
		expect(text).toContain(
			'20. marraskuuta 2025 Kevään illat 1 10 9 14 18. joulukuuta 2025 Kevään illat 2 10 9 14 Yhteensä 20 18 28'
		);
		// Per session the 30–44 group (2 people) is "other"; over the series it has 4 and shows.
		expect(text).toContain('Ikäryhmä Vastaus 1. 2. Yhteensä 18–29 4 4 8 30–44 0 0 4 65 tai yli 3 3 6 muu 2 2 0');
		expect(text).toContain('ei vastausta 1 1 2');
	});
});
