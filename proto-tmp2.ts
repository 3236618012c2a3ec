import { readFileSync } from 'node:fs';
import { makeSummaryPdf } from './src/lib/export/summary-pdf';
import { PdfText } from './src/lib/export/pdf-text';
import { workshopFixture } from './src/lib/export/testing/workshop-fixture';
const font = (n: string) => { const b = readFileSync('static/fonts/' + n); return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer; };
const fonts = { regular: font('NotoSans-Regular.ttf'), bold: font('NotoSans-Bold.ttf'), hebrew: font('NotoSansHebrew-Regular.ttf'), arabic: font('NotoSansArabic-Regular.ttf') };
const f = workshopFixture({ extraNotes: 500 });
const stats: Record<string, [number, number]> = {};
const wrap = (obj: any, name: string, label = name) => { const orig = obj[name]; obj[name] = function (...a: unknown[]) { const t = performance.now(); const r = orig.apply(this, a); const s = (stats[label] ??= [0, 0]); s[0] += performance.now() - t; s[1]++; return r; }; };
wrap(PdfText.prototype, 'lines'); wrap(PdfText.prototype, 'draw');
const { jsPDF } = await import('jspdf');
const API = (jsPDF as any).API;
wrap(API, 'processArabic');
for (let i = 0; i < 4; i++) {
  for (const k of Object.keys(stats)) delete stats[k];
  const t0 = performance.now();
  const pdf = await makeSummaryPdf({ ...f, fonts, appVersion: '0.1.0', exportedAt: Date.UTC(2025, 10, 21, 10), timeZone: 'Europe/Helsinki', includeNames: true, onProgress: (p) => { if (p === 0.95) console.log('  before output', (performance.now() - t0).toFixed(0)); } });
  console.log('total', (performance.now() - t0).toFixed(0), pdf.byteLength, JSON.stringify(Object.fromEntries(Object.entries(stats).map(([k, [t, n]]) => [k, `${t.toFixed(0)}ms/${n}`]))));
}
