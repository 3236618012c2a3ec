/**
 * A small page writer over jsPDF for reports: an A4 page with margins, a cursor that moves down,
 * and page breaks decided before anything is drawn — every block measures itself first, so that
 * nothing is clipped at the foot of a page and a heading never ends a page alone.
 */
import type { jsPDF } from 'jspdf';
import { PdfText, PT, type DrawOptions, type ShapedLine, type TextStyle } from './pdf-text';

export const PAGE = { width: 210, height: 297 } as const;
export const MARGIN = { top: 22, bottom: 22, left: 20, right: 20 } as const;

export const COLORS = {
	text: '#1b1f23',
	muted: '#4a5560',
	accent: '#0f5e73',
	rule: '#c8d0d6',
	shade: '#f0f3f5',
	zone: '#8a96a0',
	zoneFill: '#fafbfc'
} as const;

export type Color = string;

export function rgb(hex: Color): [number, number, number] {
	const n = parseInt(hex.slice(1), 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export interface Paragraph {
	lines: ShapedLine[];
	style: TextStyle;
	step: number;
	height: number;
}

export class PdfWriter {
	readonly doc: jsPDF;
	readonly text: PdfText;
	/** Top of the free space on the current page, in millimetres. */
	y: number = MARGIN.top;

	constructor(doc: jsPDF, text: PdfText) {
		this.doc = doc;
		this.text = text;
	}

	get left(): number {
		return MARGIN.left;
	}
	get width(): number {
		return PAGE.width - MARGIN.left - MARGIN.right;
	}
	get bottom(): number {
		return PAGE.height - MARGIN.bottom;
	}
	get remaining(): number {
		return this.bottom - this.y;
	}

	newPage(): void {
		this.doc.addPage();
		this.y = MARGIN.top;
	}

	/** Starts a new page unless `height` fits below the cursor. Returns whether it did. */
	ensure(height: number): boolean {
		if (this.y + height <= this.bottom || this.y === MARGIN.top) return false;
		this.newPage();
		return true;
	}

	space(mm: number): void {
		this.y = Math.min(this.y + mm, this.bottom);
	}

	textColor(hex: Color): void {
		this.doc.setTextColor(...rgb(hex));
	}
	fillColor(hex: Color): void {
		this.doc.setFillColor(...rgb(hex));
	}
	drawColor(hex: Color): void {
		this.doc.setDrawColor(...rgb(hex));
	}

	readonly #measured = new Map<string, Paragraph>();

	/** Shapes a text for a column without drawing it. Cached: a note is measured for keeping
	 * headings with it, and again in the top list, at the same width. */
	measure(text: string, width: number, style: TextStyle, lineFactor = 1.32): Paragraph {
		const key = `${style.size}|${style.bold ? 1 : 0}|${width}|${lineFactor}|${text}`;
		let found = this.#measured.get(key);
		if (!found) {
			const lines = this.text.lines(text, width, style);
			const step = this.text.lineHeight(style, lineFactor);
			found = { lines, style, step, height: lines.length * step };
			this.#measured.set(key, found);
		}
		return found;
	}

	/** Draws measured lines with their top at `y`. */
	drawLines(paragraph: Paragraph, x: number, y: number, width: number, options: DrawOptions = {}): void {
		const baseline = paragraph.step - paragraph.style.size * PT * 0.3;
		paragraph.lines.forEach((line, i) =>
			this.text.draw(line, x, y + baseline + i * paragraph.step, paragraph.style, { width, ...options })
		);
	}

	/**
	 * A paragraph at the cursor, in the given colour. Long paragraphs continue on the next page
	 * line by line (a page never ends in the middle of a line).
	 */
	paragraph(
		text: string,
		style: TextStyle,
		options: { indent?: number; width?: number; color?: Color; after?: number; align?: DrawOptions['align'] } = {}
	): void {
		const x = this.left + (options.indent ?? 0);
		const width = options.width ?? this.width - (options.indent ?? 0);
		const measured = this.measure(text, width, style);
		this.textColor(options.color ?? COLORS.text);
		let index = 0;
		while (index < measured.lines.length) {
			if (this.remaining < measured.step) this.newPage();
			const fit = Math.max(1, Math.floor(this.remaining / measured.step));
			const slice = { ...measured, lines: measured.lines.slice(index, index + fit) };
			this.drawLines(slice, x, this.y, width, { align: options.align });
			this.y += slice.lines.length * measured.step;
			index += fit;
			this.textColor(options.color ?? COLORS.text);
		}
		this.space(options.after ?? 0);
	}

	/** A heading kept together with at least `keepWith` millimetres of what follows. */
	heading(
		text: string,
		style: TextStyle,
		options: { color?: Color; keepWith?: number; before?: number; after?: number } = {}
	): void {
		const measured = this.measure(text, this.width, style, 1.2);
		if (this.y > MARGIN.top) this.space(options.before ?? 0);
		this.ensure(measured.height + (options.keepWith ?? 20));
		this.textColor(options.color ?? COLORS.text);
		this.drawLines(measured, this.left, this.y, this.width);
		this.y += measured.height;
		this.space(options.after ?? 2);
	}

	/** A thin horizontal rule across the column. */
	rule(color: Color = COLORS.rule, weight = 0.3): void {
		this.drawColor(color);
		this.doc.setLineWidth(weight);
		this.doc.line(this.left, this.y, this.left + this.width, this.y);
	}
}
