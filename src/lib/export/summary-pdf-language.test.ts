/**
 * A note's language in the PDF summary (issue 21). jsPDF writes untagged PDF, so a language cannot
 * be attached to a run of text; the summary names it in words instead, next to the author, for
 * notes written in another language than the summary's. Right-to-left notes stay in their order.
 */
import { describe, expect, it } from 'vitest';
import { addNote } from '../board/commands';
import { endSession, reopenSession } from '../board/facilitation';
import { actor } from '../board/test-board';
import { makeSummaryPdf } from './summary-pdf';
import { diskFonts, normalise, readPdf } from './testing/pdf-reader';
import { workshopFixture } from './testing/workshop-fixture';

const HEBREW = 'שלום לכולם';

async function summaryText(language: 'fi' | 'sv' | 'en', includeNames = false): Promise<string> {
	const fixture = workshopFixture({ language });
	const facilitator = actor('facilitator-1', 'facilitator');
	expect(reopenSession(fixture.doc, facilitator).ok).toBe(true);
	const write = (text: string, noteLanguage: string, zone: string, nickname: string) => {
		const result = addNote(
			fixture.doc,
			actor(`writer-${nickname}`, 'participant', nickname),
			{ activityId: 'a-hopes', text, color: 'yellow', zone, language: noteLanguage },
			false
		);
		expect(result.ok).toBe(true);
	};
	write('Fler bänkar i salarna', 'sv', 'hopes', 'Sara');
	write(HEBREW, 'he', 'concerns', 'Dana');
	write('Penkkejä joka saliin', 'fi', 'hopes', 'Aino');
	expect(endSession(fixture.doc, facilitator, false).ok).toBe(true);
	const bytes = await makeSummaryPdf({
		...fixture,
		fonts: diskFonts(),
		appVersion: '1.2.3',
		exportedAt: Date.UTC(2025, 10, 21, 10, 0),
		timeZone: 'Europe/Helsinki',
		includeNames
	});
	return normalise((await readPdf(bytes)).pages.join('\n'));
}

describe('the language of notes in the PDF summary', { timeout: 60_000 }, () => {
	it('names a note’s language when it differs from the summary’s, in the summary’s language', async () => {
		const text = await summaryText('fi');
		expect(text).toContain('Fler bänkar i salarna Kieli: ruotsi');
		expect(text).toContain(`${HEBREW} Kieli: heprea`);
		// A note in the summary's own language says nothing more.
		expect(text).toMatch(/Penkkejä joka saliin (?!Kieli)/);
		// With names shown, on the same line as the author.
		expect(await summaryText('fi', true)).toContain('Fler bänkar i salarna Kirjoittaja: Sara · Kieli: ruotsi');
		// Right to left, read back in logical order (not reversed).
		expect(text).toContain(HEBREW);
		expect(text).not.toContain([...HEBREW].reverse().join(''));
	});

	it('names it in English in an English summary', async () => {
		const text = await summaryText('en');
		expect(text).toContain('Fler bänkar i salarna Language: Swedish');
		expect(text).toContain('Penkkejä joka saliin Language: Finnish');
	});
});
