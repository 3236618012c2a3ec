/**
 * The method library's domain types. Method files in `workshops/` are parsed into these by
 * `parse.ts`; everything inside the app trusts them.
 */
import type { Localized } from '../i18n/locales.ts';

export const PHASES = ['warm-up', 'discover', 'define', 'ideate', 'prioritise', 'plan', 'reflect'] as const;
export type Phase = (typeof PHASES)[number];

export const AUDIENCES = ['staff', 'visitors', 'community', 'partners'] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface NamedZone {
	id: string;
	name: Localized;
}

export interface FreeBoard {
	template: 'free';
}
export interface ColumnsBoard {
	template: 'columns';
	lanes: NamedZone[];
}
export interface MatrixBoard {
	template: 'matrix';
	/** Horizontal axis: label, and what its left (low) and right (high) ends mean. */
	xAxis: { label: Localized; low: Localized; high: Localized };
	/** Vertical axis: label, bottom (low) and top (high). */
	yAxis: { label: Localized; low: Localized; high: Localized };
	quadrants: Record<QuadrantId, Localized>;
}
export const QUADRANTS = ['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const;
export type QuadrantId = (typeof QUADRANTS)[number];

export interface RingsBoard {
	template: 'rings';
	/** From the centre outwards. */
	rings: NamedZone[];
	/** Optional slices of every ring (e.g. age, area, interest, language). */
	sectors?: NamedZone[];
}
export interface JourneyBoard {
	template: 'journey';
	stages: NamedZone[];
	rows: NamedZone[];
}
export interface CanvasZone extends NamedZone {
	hint?: Localized;
	/** Grid placement, 1-based, in a grid of `columns` columns. */
	col: number;
	row: number;
	colSpan?: number;
	rowSpan?: number;
}
export interface CanvasBoard {
	template: 'canvas';
	columns: number;
	zones: CanvasZone[];
}
export interface ScaleBoard {
	template: 'scale';
	/** Named positions from low to high. */
	points: NamedZone[];
	/** Optional parallel scales, e.g. "before" and "after". */
	rows?: NamedZone[];
}

export type BoardLayout = FreeBoard | ColumnsBoard | MatrixBoard | RingsBoard | JourneyBoard | CanvasBoard | ScaleBoard;
export type BoardTemplate = BoardLayout['template'];
export const BOARD_TEMPLATES: readonly BoardTemplate[] = [
	'free',
	'columns',
	'matrix',
	'rings',
	'journey',
	'canvas',
	'scale'
];

export interface BoardSpec {
	layout: BoardLayout;
	/** Participants first write alone and see only their own notes until the facilitator reveals. */
	privateWriting: boolean;
	/** Dots per person for dot voting; 0 when the method has no vote. */
	dotsPerPerson: number;
	/** Minutes on the activity timer when the board's main exercise starts. */
	timerMinutes: number;
	/** Added to a session, the activity continues by default on the notes and groups of the
	 * activity before it (dot voting, prioritising). A planning default only: never written into
	 * the session document, whose older readers would refuse an unknown board field. */
	continuesPrevious?: true;
}

export interface MethodStep {
	minutes: number;
	title: Localized;
	/** What the facilitator says and does. */
	script: Localized;
}

export interface Method {
	id: string;
	phase: Phase;
	audiences: Audience[];
	tags: Localized<string[]>;
	duration: { default: number; min: number; max: number };
	/** Participants; `max` undefined means any size. */
	groupSize: { min: number; max?: number };
	name: Localized;
	purpose: Localized;
	whenToUse: Localized;
	materials: Localized<string[]>;
	preparation: Localized<string[]>;
	steps: MethodStep[];
	/** What participants see on their screens, in plain language. */
	prompts: Localized<string[]>;
	tips: Localized<string[]>;
	accessibility: Localized<string[]>;
	/** Where the method comes from, in our own words. */
	tradition: Localized;
	board: BoardSpec;
}

export const asPhase = (value: unknown): Phase | null => (PHASES.includes(value as Phase) ? (value as Phase) : null);
export const asAudience = (value: unknown): Audience | null =>
	AUDIENCES.includes(value as Audience) ? (value as Audience) : null;
