/**
 * A board drawn into the PDF summary: the same geometry as the live board and the library's
 * drawing (zones as rectangles or ring slices, the layout's axis and header labels), with each
 * note as a small box in its colour at its place, carrying its number from the listing below.
 * Note texts stay in the listing, where they can wrap and be read; the drawing shows where they
 * were put — which is what rings, 2×2 matrices and journeys are for.
 */
import type { Annulus, BoardGeometry } from '../board/geometry';
import { NOTE_HEIGHT, NOTE_WIDTH } from '../board/geometry';
import { NOTE_BACKGROUNDS, NOTE_BORDERS, NOTE_TEXT } from '../board/palette';
import type { Locale } from '../i18n/locales';
import { COLORS, type PdfWriter } from './pdf-layout';
import { PT, type TextStyle } from './pdf-text';
import type { SummaryNote } from './summary-model';

/** Board units per font size, as in the app's drawing (BoardDrawing.svelte). */
const LABEL_UNITS = { zone: 30, header: 30, axis: 32, plain: 26, note: 40 } as const;
const ARC_STEPS_PER_TURN = 96;
/** Width of a grid's row-header column in board units (geometry's 170, less the label's inset). */
const ROW_HEADER_UNITS = 150;

/** Height in millimetres that a board drawn `width` millimetres wide takes. */
export function boardHeight(geometry: BoardGeometry, width: number): number {
	return (geometry.height * width) / geometry.width;
}

export function drawBoard(
	w: PdfWriter,
	geometry: BoardGeometry,
	notes: SummaryNote[],
	locale: Locale,
	x: number,
	y: number,
	width: number
): void {
	const { doc } = w;
	const s = width / geometry.width;
	const X = (u: number) => x + u * s;
	const Y = (u: number) => y + u * s;
	const style = (units: number, bold = false): TextStyle => ({ size: (units * s) / PT, bold });

	w.fillColor('#ffffff');
	w.drawColor(COLORS.rule);
	doc.setLineWidth(0.3);
	doc.rect(x, y, width, geometry.height * s, 'FD');

	w.drawColor(COLORS.zone);
	doc.setLineWidth(0.25);
	if (geometry.circles) {
		const { cx, cy, radii } = geometry.circles;
		[...radii].reverse().forEach((r, i) => {
			w.fillColor(i % 2 === 0 ? '#eef4f6' : '#ffffff');
			doc.circle(X(cx), Y(cy), r * s, 'FD');
		});
	}
	for (const zone of geometry.zones) {
		if (zone.shape.kind === 'rect') {
			const r = zone.shape.rect;
			w.fillColor(COLORS.zoneFill);
			doc.rect(X(r.x), Y(r.y), r.w * s, r.h * s, 'FD');
		} else if (zone.shape.annulus.a1 - zone.shape.annulus.a0 < Math.PI * 2 - 1e-9) {
			sector(w, zone.shape.annulus, X, Y);
		}
	}

	w.textColor(COLORS.text);
	for (const zone of geometry.zones) {
		if (!zone.label) continue;
		const anchor = zone.shape.kind === 'annulus' ? 'middle' : 'start';
		label(w, zone.name[locale], X(zone.label.x), Y(zone.label.y), style(LABEL_UNITS.zone, true), anchor, 0);
	}
	for (const item of geometry.labels) {
		const units = LABEL_UNITS[item.emphasis ?? 'plain'];
		w.textColor(item.emphasis ? COLORS.text : COLORS.muted);
		// Row headers of a grid stand in a column of their own: they shrink to fit it rather than
		// run into the first cell.
		const room =
			item.emphasis === 'header' && item.anchor === 'start' && !item.rotate ? ROW_HEADER_UNITS * s : undefined;
		label(
			w,
			item.text[locale],
			X(item.at.x),
			Y(item.at.y),
			style(units, !!item.emphasis),
			item.anchor,
			-(item.rotate ?? 0),
			room
		);
	}

	// Earlier notes first, so that later ones lie on top as they did on the board.
	const ordered = [...notes].sort((a, b) => a.note.createdAt - b.note.createdAt);
	doc.setLineWidth(0.2);
	for (const { note, number } of ordered) {
		w.fillColor(NOTE_BACKGROUNDS[note.color]);
		w.drawColor(NOTE_BORDERS[note.color]);
		const nx = X(note.position.x);
		const ny = Y(note.position.y);
		doc.rect(nx, ny, NOTE_WIDTH * s, NOTE_HEIGHT * s, 'FD');
		w.textColor(NOTE_TEXT);
		const numberStyle = style(LABEL_UNITS.note, true);
		const line = w.text.lines(String(number), NOTE_WIDTH * s, numberStyle)[0];
		w.text.draw(line, nx, ny + (NOTE_HEIGHT * s) / 2 + numberStyle.size * PT * 0.35, numberStyle, {
			align: 'center',
			width: NOTE_WIDTH * s
		});
	}
	w.textColor(COLORS.text);
}

/** One line of label text at an anchor point, optionally rotated (degrees, counter-clockwise). */
function label(
	w: PdfWriter,
	text: string,
	x: number,
	y: number,
	style: TextStyle,
	anchor: 'start' | 'middle' | 'end',
	angle: number,
	room?: number
): void {
	const clean = text.replace(/\s+/g, ' ');
	if (room !== undefined) {
		// Wrapped into the room, centred on the anchor's line; shrunk only if a word is too wide.
		let lines = w.text.lines(clean, room, style);
		const widest = Math.max(...lines.map((l) => l.width * style.size));
		if (widest > room) {
			style = { ...style, size: style.size * (room / widest) };
			lines = w.text.lines(clean, room, style);
		}
		const step = w.text.lineHeight(style, 1.15);
		lines.forEach((line, i) => w.text.draw(line, x, y + (i - (lines.length - 1) / 2) * step, style, { align: 'left' }));
		return;
	}
	const line = w.text.lines(clean, Number.MAX_SAFE_INTEGER, style)[0];
	if (!line) return;
	const width = line.width * style.size;
	const shift = anchor === 'middle' ? -width / 2 : anchor === 'end' ? -width : 0;
	const rad = (angle * Math.PI) / 180;
	w.text.draw(line, x + Math.cos(rad) * shift, y - Math.sin(rad) * shift, style, { align: 'left', angle });
}

/** The outline of a ring slice, with its arcs as short straight segments. */
function sector(w: PdfWriter, a: Annulus, X: (u: number) => number, Y: (u: number) => number): void {
	const { doc } = w;
	const point = (r: number, angle: number): [number, number] => [
		X(a.cx + Math.sin(angle) * r),
		Y(a.cy - Math.cos(angle) * r)
	];
	const steps = Math.max(2, Math.ceil(((a.a1 - a.a0) / (Math.PI * 2)) * ARC_STEPS_PER_TURN));
	doc.moveTo(...point(a.r1, a.a0));
	for (let i = 1; i <= steps; i++) doc.lineTo(...point(a.r1, a.a0 + ((a.a1 - a.a0) * i) / steps));
	if (a.r0 > 0) {
		for (let i = steps; i >= 0; i--) doc.lineTo(...point(a.r0, a.a0 + ((a.a1 - a.a0) * i) / steps));
	} else {
		doc.lineTo(X(a.cx), Y(a.cy));
	}
	doc.close();
	doc.stroke();
}
