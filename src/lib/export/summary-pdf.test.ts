import { beforeAll, describe, expect, it } from 'vitest';
import { makeSummaryPdf, type SummaryPdfInput } from './summary-pdf';
import { diskFonts, normalise, readPdf, type PdfContent } from './testing/pdf-reader';
import { SPECIAL_NOTES, workshopFixture, type WorkshopFixture } from './testing/workshop-fixture';

const EXPORTED_AT = Date.UTC(2025, 10, 21, 10, 0);
const fonts = diskFonts();

async function summary(fixture: WorkshopFixture, extra: Partial<SummaryPdfInput> = {}): Promise<PdfContent> {
	const bytes = await makeSummaryPdf({
		...fixture,
		fonts,
		appVersion: '1.2.3',
		exportedAt: EXPORTED_AT,
		timeZone: 'Europe/Helsinki',
		...extra
	});
	return readPdf(bytes);
}

/** Each activity's section: its pages, from its heading to the page before the next section. */
function sections(pdf: PdfContent, fixture: WorkshopFixture): Map<string, string> {
	const starts = fixture.agenda
		.map((item, i) => ({ id: item.id, heading: `${i + 1}. ${item.title}` }))
		.map(({ id, heading }) => ({ id, page: pdf.pages.findIndex((page) => page.split('\n')[0] === heading) }))
		.filter((s) => s.page >= 0);
	const out = new Map<string, string>();
	starts.forEach((start, i) => {
		const end = i + 1 < starts.length ? starts[i + 1].page : pdf.pages.length;
		out.set(start.id, normalise(pdf.pages.slice(start.page, end).join('\n')));
	});
	return out;
}

/** What a note's text should read as in the PDF: emoji become the placeholder. */
const asPrinted = (text: string) => normalise(text.replace(/\p{Extended_Pictographic}/gu, '[emoji]'));

// Generous timeouts: the machine running the tests may be busy (speed is measured by the bench).
describe('PDF summary', { timeout: 60_000 }, () => {
	let fixture: WorkshopFixture;
	let pdf: PdfContent;
	let bySection: Map<string, string>;

	beforeAll(async () => {
		fixture = workshopFixture();
		pdf = await summary(fixture);
		bySection = sections(pdf, fixture);
	}, 60_000);

	it('has a section for every activity except the break, each on its own pages', () => {
		expect([...bySection.keys()]).toEqual(['a-hopes', 'a-matrix', 'a-rings', 'a-journey', 'a-free']);
	});

	it('finds every note’s text in its own activity’s section, and in no other', () => {
		for (const [activityId, texts] of fixture.texts) {
			for (const text of texts) {
				expect(bySection.get(activityId), `${activityId}: ${text}`).toContain(asPrinted(text));
				for (const [other, content] of bySection) {
					if (other !== activityId && text.length > 8)
						expect(content, `${text} in ${other}`).not.toContain(asPrinted(text));
				}
			}
		}
	});

	it('keeps Finnish, Swedish, Cyrillic and Greek letters', () => {
		const hopes = bySection.get('a-hopes')!;
		for (const text of [SPECIAL_NOTES.finnish, SPECIAL_NOTES.cyrillic, SPECIAL_NOTES.greek])
			expect(hopes).toContain(text);
	});

	it('wraps a 500-character note without losing a character', () => {
		expect(SPECIAL_NOTES.long).toHaveLength(500);
		const squeezed = bySection.get('a-hopes')!.replace(/\s/g, '');
		expect(squeezed).toContain(SPECIAL_NOTES.long.replace(/\s/g, ''));
		// Wrapped into several lines, all of them inside the page (no clipped text).
		const lines = pdf.pages
			.join('\n')
			.split('\n')
			.filter((line) => line.includes('sana3 sana4'));
		expect(lines.length).toBeGreaterThan(3);
	});

	it('shows a placeholder for an emoji and keeps the text around it', () => {
		const hopes = bySection.get('a-hopes')!;
		expect(hopes).toContain('Loistava näyttely [emoji] ja hyvä kahvila');
		expect(pdf.pages.join('')).not.toContain('🎉');
	});

	it('writes Hebrew in the right order, alone and inside a Finnish sentence', () => {
		const hopes = bySection.get('a-hopes')!;
		expect(hopes).toContain(SPECIAL_NOTES.hebrew);
		expect(hopes).not.toContain([...SPECIAL_NOTES.hebrew].reverse().join(''));
		expect(hopes).toContain(SPECIAL_NOTES.mixed);
	});

	it('writes Arabic shaped and in order (read back through its compatibility forms)', () => {
		expect(bySection.get('a-hopes')!).toContain(SPECIAL_NOTES.arabic);
	});

	it('puts the session’s facts on the cover', () => {
		const cover = normalise(pdf.pages[0]);
		for (const fact of [
			'TYÖPAJAN YHTEENVETO',
			'Lähimuseo ja yhdistykset',
			'Kaupunginmuseo',
			'20. marraskuuta 2025',
			'Museon auditorio',
			'Löytää kolme yhteistä kokeilua',
			'6 osallistujaa: Kävijät 2, Yhteisöt 3, ryhmä ei tiedossa 1',
			'Vaikutus–vaiva-nelikenttä',
			'Yleisösipuli',
			'5 osiota · 24 lappua · 18 ääntä',
			'Kohtaamo 1.2.3'
		])
			expect(cover).toContain(fact);
	});

	it('lists the agenda as planned and as run, with real times', () => {
		const cover = normalise(pdf.pages.find((page) => page.startsWith('Ohjelma: suunniteltu ja toteutunut'))!);
		expect(cover).toContain('1. Toiveet ja huolet 15 min 09.00–09.15 09.00–09.16 (16 min)');
		expect(cover).toContain('2. Tauko 10 min 09.15–09.25 09.16–09.28 (12 min)');
		expect(cover).toContain('Suunniteltu yhteensä 105 min, aikaa käytettävissä 120 min.');
	});

	it('never prints names unless asked, and never in an anonymous session', async () => {
		const all = pdf.pages.join('\n');
		expect(all).not.toContain('Osallistuja 1');
		const named = (await summary(fixture, { includeNames: true })).pages.join('\n');
		expect(named).toContain('Osallistuja 1, Osallistuja 2');
		expect(named).toContain('Kirjoittaja: Osallistuja 1');
		const anonymous = workshopFixture({ anonymous: true });
		const hidden = (await summary(anonymous, { includeNames: true })).pages.join('\n');
		expect(hidden).not.toMatch(/Osallistuja \d/);
	});

	it('groups notes by cluster with vote counts, ranked by votes', () => {
		const hopes = bySection.get('a-hopes')!;
		const list = hopes.slice(hopes.indexOf('Laput alueittain'));
		expect(list).toContain('Ryhmä: Nimet ja kielet · 9 ääntä');
		expect(list).toMatch(/Toiveet 5 lappua · 10 ääntä Ryhmä: Nimet ja kielet · 9 ääntä 1 Åsa Öhman: ääkkösiä 7 ääntä/);
		expect(hopes).toMatch(/Eniten ääniä saaneet 1 Åsa Öhman: ääkkösiä 7 ääntä/);
	});

	it('titles a list “by votes” only where there were votes', () => {
		const free = bySection.get('a-free')!;
		expect(free).toContain('Kaikki laput 1 Kiitos illasta!');
		expect(free).not.toContain('äänimäärän mukaan');
	});

	it('lists a 2×2 board quadrant by quadrant', () => {
		const matrix = bySection.get('a-matrix')!;
		const order = [
			'Vasen yläkulma: Nopeat onnistumiset',
			'Oikea yläkulma: Isot panostukset',
			'Vasen alakulma: Pienet lisät',
			'Oikea alakulma: Ei nyt'
		].map((heading) => matrix.indexOf(heading));
		expect(order.every((at) => at >= 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
		const quickWins = matrix.slice(order[0], order[1]);
		expect(quickWins).toContain('Yhdistysten ilta museossa');
		expect(quickWins).not.toContain('Oma rakennus yhdistyksille');
	});

	it('puts the decisions and next steps in the report section, and numbers every page', () => {
		const report = normalise(pdf.pages.filter((page) => !/^\d+\. /.test(page)).join('\n'));
		expect(report).toContain('Päätökset ja jatkotoimet');
		expect(report).toContain('• Yhdistysten ilta museossa keväällä');
		pdf.pages.forEach((page, i) => {
			expect(normalise(page)).toContain(`Sivu ${i + 1}/${pdf.pages.length}`);
			expect(normalise(page)).toContain('Kohtaamo 1.2.3 · tehty 21. marraskuuta 2025 klo 12.00');
		});
	});

	it('is in the session’s language, with document properties', async () => {
		const swedish = await summary(workshopFixture({ language: 'sv' }));
		expect(swedish.pages[0]).toContain('SAMMANFATTNING AV WORKSHOPPEN');
		expect(swedish.pages.join('\n')).toContain('Programmet: planerat och genomfört');
		expect(swedish.info).toMatchObject({
			Language: 'sv',
			Creator: 'Kohtaamo 1.2.3',
			Title: 'Lähimuseo ja yhdistykset'
		});
	});

	it('reports progress from 0 to 1, never going back', async () => {
		const seen: number[] = [];
		await makeSummaryPdf({
			...fixture,
			fonts,
			appVersion: '1',
			exportedAt: EXPORTED_AT,
			onProgress: (p) => seen.push(p)
		});
		expect(seen[0]).toBe(0);
		expect(seen[seen.length - 1]).toBe(1);
		expect(seen.length).toBeGreaterThan(5);
		expect(seen.every((p, i) => i === 0 || p >= seen[i - 1])).toBe(true);
	});

	it('makes the same file from the same inputs', async () => {
		const input = { ...fixture, fonts, appVersion: '1', exportedAt: EXPORTED_AT, timeZone: 'UTC' };
		const a = new Uint8Array(await makeSummaryPdf(input));
		const b = new Uint8Array(await makeSummaryPdf(input));
		// jsPDF writes a random file id; everything else must match.
		const strip = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes).replace(/\/ID \[[^\]]*\]/, '');
		expect(strip(a)).toBe(strip(b));
	});
});
