/**
 * Where each zone of a board layout lies, in board coordinates. One geometry serves every
 * renderer — the library's drawing of a layout, the live board, the PDF summary — and the
 * hit-testing that tells which zone a dropped note landed in.
 *
 * The board is a fixed landscape world (`BOARD_WIDTH` × `BOARD_HEIGHT`); the view pans and zooms
 * over it. Rings are drawn as annuli (optionally cut into sectors); everything else is rectangles.
 */
import type { Localized } from '../i18n/locales';
import { QUADRANTS, type BoardLayout, type NamedZone } from '../methods/types';

export const BOARD_WIDTH = 1600;
export const BOARD_HEIGHT = 1000;
export const NOTE_WIDTH = 150;
export const NOTE_HEIGHT = 100;

export interface Point {
	x: number;
	y: number;
}
export interface Rect {
	x: number;
	y: number;
	w: number;
	h: number;
}
/** A ring, or a slice of one: radii from the centre, angles in radians clockwise from the top. */
export interface Annulus {
	cx: number;
	cy: number;
	r0: number;
	r1: number;
	a0: number;
	a1: number;
}

export type ZoneShape = { kind: 'rect'; rect: Rect } | { kind: 'annulus'; annulus: Annulus };

export interface ZoneGeometry {
	id: string;
	/** The zone's own name, e.g. a lane or a quadrant. */
	name: Localized;
	/** For compound zones (journey cell, ring sector, scale row×point): the parts, outer first. */
	parts: Localized[];
	hint?: Localized;
	shape: ZoneShape;
	/** Where the zone's name is written (hidden for cells whose headers already name them). */
	label: Point | null;
	/** A box inside the zone where notes can be laid out without covering its label. */
	slots: Rect;
}

/** Labels that belong to the layout rather than to one zone: axis names, row and column headers. */
export interface LayoutLabel {
	text: Localized;
	at: Point;
	anchor: 'start' | 'middle' | 'end';
	rotate?: number;
	emphasis?: 'axis' | 'header';
}

export interface BoardGeometry {
	width: number;
	height: number;
	zones: ZoneGeometry[];
	labels: LayoutLabel[];
	/** Ring layouts draw circles; these are their radii (for the drawing, not for hit-testing). */
	circles?: { cx: number; cy: number; radii: number[] };
}

const PAD = 24;
const HEADER = 56;

const rectZone = (
	zone: NamedZone,
	rect: Rect,
	options: { label?: boolean; parts?: Localized[]; hint?: Localized } = {}
): ZoneGeometry => ({
	id: zone.id,
	name: zone.name,
	parts: options.parts ?? [zone.name],
	hint: options.hint,
	shape: { kind: 'rect', rect },
	label: options.label === false ? null : { x: rect.x + 12, y: rect.y + 28 },
	slots: options.label === false ? inset(rect, 8) : labelledSlots(rect)
});

/** Below the zone's label — unless the zone is too short for a note there (e.g. a canvas of 12 rows):
 * then only as low as lets a note stay inside, so that a note placed into a zone is found there. */
const labelledSlots = (rect: Rect): Rect => {
	const top = Math.min(40, Math.max(0, rect.h - NOTE_HEIGHT));
	return { x: rect.x + 8, y: rect.y + top, w: Math.max(0, rect.w - 16), h: Math.max(0, rect.h - top - 8) };
};

const inset = (r: Rect, by: number): Rect => ({
	x: r.x + by,
	y: r.y + by,
	w: Math.max(0, r.w - 2 * by),
	h: Math.max(0, r.h - 2 * by)
});

function grid(
	columns: NamedZone[],
	rows: NamedZone[],
	idOf: (column: NamedZone, row: NamedZone) => string,
	area: Rect
): { zones: ZoneGeometry[]; labels: LayoutLabel[] } {
	const headerW = 170;
	const cellW = (area.w - headerW) / columns.length;
	const cellH = (area.h - HEADER) / rows.length;
	const labels: LayoutLabel[] = [
		...columns.map((c, i): LayoutLabel => ({
			text: c.name,
			at: { x: area.x + headerW + cellW * (i + 0.5), y: area.y + 34 },
			anchor: 'middle',
			emphasis: 'header'
		})),
		...rows.map((r, j): LayoutLabel => ({
			text: r.name,
			at: { x: area.x + 12, y: area.y + HEADER + cellH * (j + 0.5) },
			anchor: 'start',
			emphasis: 'header'
		}))
	];
	const zones = rows.flatMap((row, j) =>
		columns.map((column, i) =>
			rectZone(
				{ id: idOf(column, row), name: column.name },
				{ x: area.x + headerW + cellW * i, y: area.y + HEADER + cellH * j, w: cellW, h: cellH },
				{ label: false, parts: [row.name, column.name] }
			)
		)
	);
	return { zones, labels };
}

export function boardGeometry(layout: BoardLayout): BoardGeometry {
	const W = BOARD_WIDTH;
	const H = BOARD_HEIGHT;
	const area: Rect = { x: PAD, y: PAD, w: W - 2 * PAD, h: H - 2 * PAD };
	switch (layout.template) {
		case 'free':
			return { width: W, height: H, zones: [], labels: [] };
		case 'columns': {
			const w = area.w / layout.lanes.length;
			return {
				width: W,
				height: H,
				zones: layout.lanes.map((lane, i) => rectZone(lane, { x: area.x + w * i, y: area.y, w, h: area.h })),
				labels: []
			};
		}
		case 'matrix': {
			const left = 70;
			const bottom = 70;
			const inner: Rect = { x: area.x + left, y: area.y, w: area.w - left, h: area.h - bottom };
			const halfW = inner.w / 2;
			const halfH = inner.h / 2;
			const origin: Record<(typeof QUADRANTS)[number], Point> = {
				'top-left': { x: inner.x, y: inner.y },
				'top-right': { x: inner.x + halfW, y: inner.y },
				'bottom-left': { x: inner.x, y: inner.y + halfH },
				'bottom-right': { x: inner.x + halfW, y: inner.y + halfH }
			};
			const { xAxis, yAxis } = layout;
			return {
				width: W,
				height: H,
				zones: QUADRANTS.map((id) =>
					rectZone({ id, name: layout.quadrants[id] }, { ...origin[id], w: halfW, h: halfH })
				),
				labels: [
					{ text: xAxis.label, at: { x: inner.x + halfW, y: H - PAD - 14 }, anchor: 'middle', emphasis: 'axis' },
					{ text: xAxis.low, at: { x: inner.x + 4, y: H - PAD - 44 }, anchor: 'start' },
					{ text: xAxis.high, at: { x: inner.x + inner.w - 4, y: H - PAD - 44 }, anchor: 'end' },
					{
						text: yAxis.label,
						at: { x: PAD + 24, y: inner.y + halfH },
						anchor: 'middle',
						rotate: -90,
						emphasis: 'axis'
					},
					{ text: yAxis.low, at: { x: PAD + 54, y: inner.y + inner.h - 4 }, anchor: 'start', rotate: -90 },
					{ text: yAxis.high, at: { x: PAD + 54, y: inner.y + 4 }, anchor: 'end', rotate: -90 }
				]
			};
		}
		case 'rings': {
			const cx = W / 2;
			const cy = H / 2;
			const outer = H / 2 - PAD;
			const step = outer / layout.rings.length;
			const radii = layout.rings.map((_, i) => step * (i + 1));
			const sectors = layout.sectors ?? [];
			const turn = Math.PI * 2;
			const zones: ZoneGeometry[] = layout.rings.flatMap((ring, i) => {
				const r0 = i === 0 ? 0 : radii[i - 1];
				const r1 = radii[i];
				if (sectors.length === 0) {
					const annulus = { cx, cy, r0, r1, a0: 0, a1: turn };
					return [
						{
							id: ring.id,
							name: ring.name,
							parts: [ring.name],
							shape: { kind: 'annulus', annulus },
							label: { x: cx, y: cy - r1 + 28 },
							slots: annulusSlots(annulus)
						}
					];
				}
				return sectors.map((sector, k): ZoneGeometry => {
					const annulus = { cx, cy, r0, r1, a0: (turn * k) / sectors.length, a1: (turn * (k + 1)) / sectors.length };
					return {
						id: `${ring.id}/${sector.id}`,
						name: ring.name,
						parts: [sector.name, ring.name],
						shape: { kind: 'annulus', annulus },
						label: null,
						slots: annulusSlots(annulus)
					};
				});
			});
			const labels: LayoutLabel[] =
				sectors.length === 0
					? []
					: [
							...layout.rings.map((ring, i): LayoutLabel => ({
								text: ring.name,
								at: { x: cx + 6, y: cy - radii[i] + 22 },
								anchor: 'start',
								emphasis: 'header'
							})),
							...sectors.map((sector, k): LayoutLabel => {
								const a = (turn * (k + 0.5)) / sectors.length;
								const r = outer + 6;
								const x = cx + Math.sin(a) * r;
								return {
									text: sector.name,
									at: { x: x + (Math.sin(a) >= 0 ? 12 : -12), y: cy - Math.cos(a) * r },
									anchor: Math.sin(a) >= 0 ? 'start' : 'end',
									emphasis: 'axis'
								};
							})
						];
			return { width: W, height: H, zones, labels, circles: { cx, cy, radii } };
		}
		case 'journey': {
			const g = grid(layout.stages, layout.rows, (stage, row) => `${stage.id}/${row.id}`, area);
			return { width: W, height: H, ...g };
		}
		case 'scale': {
			const rows = layout.rows ?? [];
			if (rows.length === 0) {
				const w = area.w / layout.points.length;
				return {
					width: W,
					height: H,
					zones: layout.points.map((point, i) => rectZone(point, { x: area.x + w * i, y: area.y, w, h: area.h })),
					labels: []
				};
			}
			const g = grid(layout.points, rows, (point, row) => `${row.id}/${point.id}`, area);
			return { width: W, height: H, ...g };
		}
		case 'canvas': {
			const rowCount = Math.max(...layout.zones.map((z) => z.row + (z.rowSpan ?? 1) - 1));
			const cellW = area.w / layout.columns;
			const cellH = area.h / rowCount;
			return {
				width: W,
				height: H,
				zones: layout.zones.map((zone) =>
					rectZone(
						zone,
						{
							x: area.x + cellW * (zone.col - 1),
							y: area.y + cellH * (zone.row - 1),
							w: cellW * (zone.colSpan ?? 1),
							h: cellH * (zone.rowSpan ?? 1)
						},
						{ hint: zone.hint }
					)
				),
				labels: []
			};
		}
	}
}

/** The biggest box that fits around the middle of a ring slice, for placing notes. */
function annulusSlots(a: Annulus): Rect {
	const mid = a.r0 === 0 && a.a1 - a.a0 >= Math.PI * 2 - 1e-9 ? 0 : (a.r0 + a.r1) / 2;
	const angle = (a.a0 + a.a1) / 2;
	const span =
		a.r0 === 0 && a.a1 - a.a0 >= Math.PI * 2 - 1e-9 ? a.r1 * 1.2 : Math.min(a.r1 - a.r0, mid * (a.a1 - a.a0));
	// At least one note's size, centred on the slice's middle: a square of NOTE_WIDTH would put the
	// first note's centre above the middle, outside a narrow slice of the inner ring.
	const w = Math.max(NOTE_WIDTH, span * 0.8);
	const h = Math.max(NOTE_HEIGHT, span * 0.8);
	const cx = a.cx + Math.sin(angle) * mid;
	const cy = a.cy - Math.cos(angle) * mid;
	return { x: cx - w / 2, y: cy - h / 2, w, h };
}

const TAU = Math.PI * 2;

export function shapeContains(shape: ZoneShape, p: Point): boolean {
	if (shape.kind === 'rect') {
		const r = shape.rect;
		return p.x >= r.x && p.x < r.x + r.w && p.y >= r.y && p.y < r.y + r.h;
	}
	const a = shape.annulus;
	const dx = p.x - a.cx;
	const dy = p.y - a.cy;
	const r = Math.hypot(dx, dy);
	if (r < a.r0 || r >= a.r1) return false;
	// Clockwise from the top, in [0, 2π).
	const angle = (Math.atan2(dx, -dy) + TAU) % TAU;
	return angle >= a.a0 && angle < a.a1;
}

/** The zone under a point (a note's centre), or null on the free area between zones. */
export function zoneAt(geometry: BoardGeometry, p: Point): string | null {
	for (const zone of geometry.zones) if (shapeContains(zone.shape, p)) return zone.id;
	return null;
}

/** The n-th free position for a note in a zone (or on the free board), filling rows left to right,
 * then starting over slightly offset so that later notes stay visible. */
export function slotPosition(geometry: BoardGeometry, zoneId: string | null, index: number): Point {
	const zone = zoneId === null ? undefined : geometry.zones.find((z) => z.id === zoneId);
	const box = zone?.slots ?? { x: PAD * 2, y: PAD * 2, w: geometry.width - PAD * 4, h: geometry.height - PAD * 4 };
	const gap = 10;
	const perRow = Math.max(1, Math.floor((box.w + gap) / (NOTE_WIDTH + gap)));
	const perColumn = Math.max(1, Math.floor((box.h + gap) / (NOTE_HEIGHT + gap)));
	const perLayer = perRow * perColumn;
	const layer = Math.floor(index / perLayer);
	const within = index % perLayer;
	const shift = (layer % 4) * 14;
	const x = box.x + (within % perRow) * (NOTE_WIDTH + gap) + shift;
	const y = box.y + Math.floor(within / perRow) * (NOTE_HEIGHT + gap) + shift;
	return {
		x: Math.min(Math.max(0, x), geometry.width - NOTE_WIDTH),
		y: Math.min(Math.max(0, y), geometry.height - NOTE_HEIGHT)
	};
}
