/**
 * Writes the reference image of the report section's first page (see report-pdf.test.ts). Run it
 * after an intended change of the report's layout, look at the image, and commit it:
 * `node --import tsx scripts/update-report-reference.ts`.
 */
import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { makeSummaryPdf } from '../src/lib/export/summary-pdf.ts';
import { diskFontLoader, diskFonts } from '../src/lib/export/testing/pdf-reader.ts';
import { REPORT_EXPORTED_AT, reportFixture } from '../src/lib/export/testing/report-fixture.ts';
import { renderPage } from '../src/lib/export/testing/render-page.ts';

const bytes = await makeSummaryPdf({
	...reportFixture(),
	fonts: diskFonts(),
	loadFont: diskFontLoader,
	appVersion: '1.2.3',
	exportedAt: REPORT_EXPORTED_AT,
	timeZone: 'Europe/Helsinki'
});
const target = new URL('../src/lib/export/testing/reference/report-page-2.png', import.meta.url);
writeFileSync(target, PNG.sync.write(renderPage(bytes, 2)));
console.log(`wrote ${target.pathname}`);
