/**
 * What the editor calls each named thing of a board layout, and where the parser reports a
 * problem with it. Listed in the order of `namedZonesOf`, so index i of one is index i of the other.
 */
import type { MessageKey } from '$lib/i18n/catalog';
import type { MessageParams } from '$lib/i18n/translate';
import { TEXT_LIMITS } from '$lib/methods/limits';
import type { BoardLayout, NamedZone, QuadrantId } from '$lib/methods/types';

export interface ZoneField {
	label: { key: MessageKey; params?: MessageParams };
	/** The field path `parseMethod` uses for this name (a problem's field starts with it). */
	path: string;
	/** Characters the name may have. */
	maxLength: number;
}

const numbered = (zones: NamedZone[] | undefined, key: MessageKey, group: string): ZoneField[] =>
	(zones ?? []).map((_, i) => ({
		label: { key, params: { n: i + 1 } },
		path: `board.${group}[${i}].name`,
		maxLength: TEXT_LIMITS.zoneName
	}));

export function zoneFields(layout: BoardLayout): ZoneField[] {
	switch (layout.template) {
		case 'free':
			return [];
		case 'columns':
			return numbered(layout.lanes, 'editor.zone.lane', 'lanes');
		case 'matrix': {
			const axis = (name: 'xAxis' | 'yAxis', prefix: 'x' | 'y'): ZoneField[] =>
				(['label', 'low', 'high'] as const).map((end) => ({
					label: { key: `editor.zone.${prefix}${end === 'label' ? 'Label' : end === 'low' ? 'Low' : 'High'}` },
					path: `board.${name}.${end}`,
					maxLength: end === 'label' ? TEXT_LIMITS.axisLabel : TEXT_LIMITS.axisEnd
				}));
			return [
				...(Object.keys(layout.quadrants) as QuadrantId[]).map((q) => ({
					label: { key: `editor.zone.${q}` as const },
					path: `board.quadrants.${q}`,
					maxLength: TEXT_LIMITS.quadrant
				})),
				...axis('xAxis', 'x'),
				...axis('yAxis', 'y')
			];
		}
		case 'rings':
			return [
				...numbered(layout.rings, 'editor.zone.ring', 'rings'),
				...numbered(layout.sectors, 'editor.zone.sector', 'sectors')
			];
		case 'journey':
			return [
				...numbered(layout.stages, 'editor.zone.stage', 'stages'),
				...numbered(layout.rows, 'editor.zone.row', 'rows')
			];
		case 'canvas':
			return numbered(layout.zones, 'editor.zone.canvas', 'zones');
		case 'scale':
			return [
				...numbered(layout.points, 'editor.zone.point', 'points'),
				...numbered(layout.rows, 'editor.zone.row', 'rows')
			];
	}
}

/** The index of the zone a problem's field belongs to, or -1. */
export function zoneIndexOf(layout: BoardLayout, field: string): number {
	return zoneFields(layout).findIndex(({ path }) => field === path || field.startsWith(`${path}.`));
}
