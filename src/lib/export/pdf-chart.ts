/**
 * Bar charts drawn as vector graphics with jsPDF, readable in black and white: every bar has its
 * number written beside it (and its label in front), so no meaning rests on colour; a second
 * series is hatched, not another colour. The same numbers are in the tables and text.
 */
import { COLORS, type PdfWriter } from './pdf-layout';

export interface Bar {
	label: string;
	value: number;
	/** What is written at the bar's end ("5 (42 %)"). */
	text: string;
	/** A second value in the same row, drawn hatched (votes beside notes). */
	second?: { value: number; text: string };
}

const LABEL_WIDTH = 55;
const TEXT_WIDTH = 32;
const BAR = 4.2;
const STEP = 7;

export function barChart(w: PdfWriter, title: string, bars: Bar[]): void {
	if (bars.length === 0) return;
	const max = Math.max(1, ...bars.flatMap((b) => [b.value, b.second?.value ?? 0]));
	const rows = bars.map((bar) => {
		const label = w.measure(bar.label, LABEL_WIDTH - 3, { size: 8.5 });
		const height = Math.max(label.height, bar.second ? BAR * 2 + 1 : BAR) + STEP - BAR;
		return { bar, label, height };
	});
	const heading = w.measure(title, w.width, { size: 10, bold: true });
	const total = heading.height + 2 + rows.reduce((sum, r) => sum + r.height, 0);
	w.ensure(Math.min(total, w.bottom - 30));
	w.textColor(COLORS.text);
	w.drawLines(heading, w.left, w.y, w.width);
	w.y += heading.height + 2;
	const x0 = w.left + LABEL_WIDTH;
	const span = w.width - LABEL_WIDTH - TEXT_WIDTH;
	// The axis: a thin line where the bars start.
	const top = w.y;
	for (const { bar, label, height } of rows) {
		w.ensure(height);
		w.textColor(COLORS.text);
		w.drawLines(label, w.left, w.y, LABEL_WIDTH - 3);
		const length = (bar.value / max) * span;
		w.fillColor(COLORS.accent);
		w.drawColor(COLORS.text);
		w.doc.setLineWidth(0.2);
		if (length > 0) w.doc.rect(x0, w.y + 0.6, length, BAR, 'FD');
		valueText(w, bar.text, x0 + length + 1.5, w.y + 0.6);
		if (bar.second) {
			const y = w.y + 0.6 + BAR + 1;
			const second = (bar.second.value / max) * span;
			if (second > 0) hatched(w, x0, y, second, BAR);
			valueText(w, bar.second.text, x0 + second + 1.5, y);
		}
		w.y += height;
	}
	w.drawColor(COLORS.muted);
	w.doc.setLineWidth(0.3);
	if (w.y > top) w.doc.line(x0, Math.max(top, w.y - rows[rows.length - 1].height), x0, w.y - STEP + BAR + 1);
	w.space(3);
}

function valueText(w: PdfWriter, text: string, x: number, y: number): void {
	const measured = w.measure(text, TEXT_WIDTH + 40, { size: 8.5, bold: true });
	w.textColor(COLORS.text);
	w.drawLines(measured, x, y - 0.5, TEXT_WIDTH + 40);
}

/** An outlined bar with diagonal lines: tells the second series apart without colour. */
function hatched(w: PdfWriter, x: number, y: number, width: number, height: number): void {
	w.fillColor('#ffffff');
	w.drawColor(COLORS.text);
	w.doc.setLineWidth(0.2);
	w.doc.rect(x, y, width, height, 'FD');
	w.doc.setLineWidth(0.25);
	const step = 1.6;
	for (let d = step; d < width + height; d += step) {
		// The line x + d - t, y + t for t in [0, height], clipped to the rectangle.
		const t0 = Math.max(0, d - width);
		const t1 = Math.min(height, d);
		if (t1 <= t0) continue;
		w.doc.line(x + d - t0, y + t0, x + d - t1, y + t1);
	}
}
