import { readFileSync } from 'node:fs';
const bin = (n: string) => readFileSync('static/fonts/' + n).toString('binary');
const { jsPDF } = await import('jspdf');
const files = { r: bin('NotoSans-Regular.ttf') };
const NOOP = { isInputVisual: true, isOutputVisual: true, isInputRtl: false, isOutputRtl: false };
for (const strip of [false, true, false, true, false, true]) {
  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true });
  for (const [k, v] of Object.entries(files)) { doc.addFileToVFS(k + '.ttf', v); doc.addFont(k + '.ttf', 'F' + k, 'normal', 'Identity-H'); }
  if (strip) {
    const topics = (doc.internal as any).events.getTopics();
    for (const [topic, subs] of Object.entries(topics) as [string, Record<string, [Function, boolean]>][]) {
      for (const [token, [fn]] of Object.entries(subs)) {
        if ((topic === 'preProcessText' && fn === (jsPDF as any).API.processArabic) || (topic === 'postProcessText' && fn.toString().includes('doBidiReorder'))) delete subs[token];
      }
    }
  }
  let t = performance.now();
  doc.setFont('Fr', 'normal');
  for (let j = 0; j < 3000; j++) { if (j % 40 === 0) doc.addPage(); doc.text('Hello Åsa Öhman ääkkösiä Женя Ελένη museo yhdistys kävijä näyttely ilta ' + j, 10, 10 + (j % 40) * 6, NOOP); }
  const tt = performance.now() - t; t = performance.now();
  const out = doc.output('arraybuffer');
  console.log(strip, 'text3000', tt.toFixed(0), 'output', (performance.now() - t).toFixed(0), out.byteLength);
}
