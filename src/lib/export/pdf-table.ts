/**
 * Tables for the PDFs, laid out before they are drawn:
 * - columns are as wide as their longest word (and their fixed cells, such as times, as wide as
 *   the whole cell), so a short word like "AM" never breaks onto a line of its own; one flexible
 *   column takes the rest;
 * - a table that fits on a fresh page but not below the cursor starts on a fresh page, and a
 *   break never leaves a single row alone on the next page (the row before goes with it);
 * - the header repeats after a page break.
 */
import { COLORS, MARGIN, type PdfWriter } from './pdf-layout';
import type { TextStyle } from './pdf-text';

export interface Column {
	header: string;
	align?: 'left' | 'right';
	/** The column that takes the width left over (exactly one per table). */
	flex?: boolean;
	/** Cells that must stay on one line (times, numbers). */
	nowrap?: boolean;
}

export interface TableOptions {
	style?: TextStyle;
	headStyle?: TextStyle;
	/** Rows drawn in the muted colour (breaks in the agenda). */
	muted?: (row: number) => boolean;
}

const PAD = 1.6;
const GAP = 2.5;

export function table(w: PdfWriter, columns: Column[], rows: string[][], options: TableOptions = {}): void {
	const style = options.style ?? { size: 9.5 };
	const headStyle = options.headStyle ?? { size: 8.5, bold: true };
	const widths = columnWidths(w, columns, rows, style, headStyle);
	const xs = widths.map((_, i) => w.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
	const measureRow = (cells: string[], s: TextStyle) => {
		const paragraphs = cells.map((text, i) => w.measure(text, widths[i] - GAP, s));
		return { paragraphs, height: Math.max(...paragraphs.map((p) => p.height)) + PAD * 2 };
	};
	const head = measureRow(
		columns.map((c) => c.header),
		headStyle
	);
	const body = rows.map((cells) => measureRow(cells, style));
	const total = head.height + body.reduce((sum, r) => sum + r.height, 0);
	if (total > w.remaining && total <= w.bottom - MARGIN.top) w.newPage();
	else if (w.remaining < head.height + (body[0]?.height ?? 0) * 2) w.newPage();

	// Page breaks decided first: never a lone last row on a page of its own.
	const breaks = new Set<number>();
	let y = w.y + head.height;
	for (let i = 0; i < body.length; i++) {
		if (y + body[i].height > w.bottom) {
			const at = body.length - i < 2 && i >= 2 && !breaks.has(i - 1) ? i - 1 : i;
			breaks.add(at);
			y = MARGIN.top + head.height;
			for (let k = at; k <= i; k++) y += body[k].height;
			continue;
		}
		y += body[i].height;
	}

	const drawHead = () => {
		w.textColor(COLORS.muted);
		head.paragraphs.forEach((p, i) => w.drawLines(p, xs[i], w.y + PAD, widths[i] - GAP, { align: columns[i].align }));
		w.y += head.height;
		w.rule(COLORS.muted, 0.35);
	};
	drawHead();
	body.forEach((row, r) => {
		if (breaks.has(r)) {
			w.newPage();
			drawHead();
		}
		w.textColor(options.muted?.(r) ? COLORS.muted : COLORS.text);
		row.paragraphs.forEach((p, i) => w.drawLines(p, xs[i], w.y + PAD, widths[i] - GAP, { align: columns[i].align }));
		w.y += row.height;
		w.rule(COLORS.rule, 0.15);
	});
	w.space(2);
}

function columnWidths(
	w: PdfWriter,
	columns: Column[],
	rows: string[][],
	style: TextStyle,
	headStyle: TextStyle
): number[] {
	const words = (text: string) => text.split(/[ \n]+/).filter(Boolean);
	const widest = (texts: string[], s: TextStyle) => Math.max(0, ...texts.map((t) => w.text.width(t, s)));
	const natural = columns.map((column, i) => {
		const cells = rows.map((r) => r[i] ?? '');
		const body = column.nowrap ? widest(cells, style) : widest(cells.flatMap(words), style);
		// A little slack: a cell exactly as wide as its text must not wrap on rounding.
		return Math.max(body, widest(words(column.header), headStyle)) + GAP + 0.5;
	});
	const fixed = natural.reduce((sum, width, i) => (columns[i].flex ? sum : sum + width), 0);
	const flex = Math.max(w.width - fixed, w.width * 0.3);
	const out = natural.map((width, i) => (columns[i].flex ? flex : width));
	// Too wide (very long words): shrink the fixed columns proportionally.
	const sum = out.reduce((a, b) => a + b, 0);
	return sum <= w.width + 0.01 ? out : out.map((width) => (width * w.width) / sum);
}
