/**
 * Every limit of a method, in one place: the method schema (`method-schema.ts`) checks them and
 * the method editor builds its fields from them (`maxlength`, `min`/`max`, "add" buttons), so a
 * form never lets a facilitator type what saving would then refuse.
 */

/** Characters of a text field, after trimming. */
export const TEXT_LIMITS = {
	methodId: 60,
	zoneId: 40,
	name: 80,
	purpose: 200,
	tradition: 600,
	/** `whenToUse`, step scripts and list items. */
	longText: 4000,
	stepTitle: 100,
	zoneName: 80,
	zoneHint: 200,
	axisLabel: 60,
	axisEnd: 40,
	quadrant: 60
} as const;

/** Inclusive ranges of whole numbers. */
export const NUMBER_LIMITS = {
	durationMinutes: { min: 1, max: 600 },
	groupSize: { min: 1, max: 1000 },
	stepMinutes: { min: 1, max: 240 },
	dotsPerPerson: { min: 0, max: 20 },
	timerMinutes: { min: 1, max: 240 },
	canvasColumns: { min: 1, max: 6 },
	/** Canvas rows a zone may start on or span. */
	canvasRows: { min: 1, max: 12 }
} as const;

/** Items of a list (per language for translated lists). */
export const LIST_LIMITS = {
	steps: { min: 1, max: 20 },
	tags: { min: 0, max: 12 },
	prompts: { min: 1, max: 10 },
	/** materials, preparation, tips, accessibility */
	list: { min: 1, max: 30 },
	lanes: { min: 1, max: 9 },
	rings: { min: 2, max: 5 },
	sectors: { min: 2, max: 8 },
	stages: { min: 2, max: 10 },
	journeyRows: { min: 1, max: 6 },
	canvasZones: { min: 2, max: 16 },
	scalePoints: { min: 2, max: 11 },
	scaleRows: { min: 1, max: 4 }
} as const;

/** A method id: lowercase words of letters and digits joined by single dashes. */
export const METHOD_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A zone id, in the same form. */
export const ZONE_ID = METHOD_ID;
