/**
 * The PDF benchmark's page script (bundled by bench/pdf.ts for Chromium): builds the 500-note
 * session and times `makeSummaryPdf` as the app runs it, with fonts fetched like the app does.
 */
import { FONT_FILES, type FontBytes } from '../../src/lib/export/pdf-fonts.ts';
import { makeSummaryPdf } from '../../src/lib/export/summary-pdf.ts';
import { workshopFixture } from '../../src/lib/export/testing/workshop-fixture.ts';

async function fonts(): Promise<FontBytes> {
	const entries = await Promise.all(
		Object.entries(FONT_FILES).map(
			async ([name, file]) => [name, await (await fetch(`/fonts/${file}`)).arrayBuffer()] as const
		)
	);
	return Object.fromEntries(entries) as FontBytes;
}

async function run(extraNotes: number, runs: number): Promise<{ times: number[]; bytes: number; notes: number }> {
	const fixture = workshopFixture({ extraNotes });
	const fontBytes = await fonts();
	const times: number[] = [];
	let bytes = 0;
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		const pdf = await makeSummaryPdf({ ...fixture, fonts: fontBytes, appVersion: 'bench', exportedAt: Date.now() });
		times.push(performance.now() - start);
		bytes = pdf.byteLength;
	}
	return { times, bytes, notes: [...fixture.texts.values()].flat().length };
}

(globalThis as unknown as { kohtaamoPdfBench: typeof run }).kohtaamoPdfBench = run;
