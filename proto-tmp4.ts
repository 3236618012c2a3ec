import { makeSummaryPdf } from './src/lib/export/summary-pdf';
import { workshopFixture } from './src/lib/export/testing/workshop-fixture';
import { diskFonts, readPdf } from './src/lib/export/testing/pdf-reader';
const f = workshopFixture();
const pdf = await makeSummaryPdf({ ...f, fonts: diskFonts(), appVersion: '0.1.0', exportedAt: Date.UTC(2025, 10, 21, 10), timeZone: 'Europe/Helsinki' });
const r = await readPdf(pdf);
console.log(r.pages.slice(0, 3).join('\n=====\n'));
console.log(r.info);
