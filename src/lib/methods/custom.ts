/**
 * Making a facilitator's own method from a built-in one or from nothing. Pure: the caller stores it.
 */
import { LOCALES, type Locale, type Localized } from '../i18n/locales';
import { TEXT_LIMITS } from './limits';
import { QUADRANTS, type BoardLayout, type BoardTemplate, type Method, type QuadrantId } from './types';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A short random suffix for ids of custom methods (lowercase, so ids stay valid method ids). */
export function shortSuffix(length = 6): string {
	const bytes = crypto.getRandomValues(new Uint8Array(length));
	return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
}

export function customId(base: string): string {
	// Cut to 40 characters without leaving a dash at the end ("a-" + "-own-" would be no valid id).
	const stem =
		base
			.replace(/-own-[a-z0-9]{6}$/, '')
			.slice(0, 40)
			.replace(/-+$/, '') || 'method';
	return `${stem}-own-${shortSuffix()}`;
}

/** A copy of a method under a new id, its name marked as a copy in every language. */
export function duplicateMethod(method: Method, copySuffix: Localized): Method {
	const copy = structuredClone(method);
	copy.id = customId(method.id);
	// Shorten the name, not the mark, so that a copy is always marked.
	for (const locale of LOCALES) {
		const room = TEXT_LIMITS.name - copySuffix[locale].length - 1;
		copy.name[locale] = `${method.name[locale].slice(0, room).trimEnd()} ${copySuffix[locale]}`;
	}
	return copy;
}

/** Every text field left empty in one language takes the text of `from`; lists likewise. Lets a
 * facilitator write a method in one language and still store a complete one. */
export function fillMissingTranslations(method: Method, from: Locale): Method {
	const out = structuredClone(method);
	const fillText = (value: Localized) => {
		for (const locale of LOCALES) if (!value[locale].trim()) value[locale] = value[from];
	};
	const fillList = (value: Localized<string[]>) => {
		for (const locale of LOCALES) {
			const source = value[from];
			value[locale] = source.map((item, i) => (value[locale][i]?.trim() ? value[locale][i] : item));
		}
	};
	for (const key of ['name', 'purpose', 'whenToUse', 'tradition'] as const) fillText(out[key]);
	for (const key of ['tags', 'materials', 'preparation', 'prompts', 'tips', 'accessibility'] as const)
		fillList(out[key]);
	for (const step of out.steps) {
		fillText(step.title);
		fillText(step.script);
	}
	for (const zone of namedZonesOf(out.board.layout)) fillText(zone.name);
	if (out.board.layout.template === 'canvas')
		for (const zone of out.board.layout.zones) if (zone.hint) fillText(zone.hint);
	return out;
}

/** Every named thing of a layout, for renaming in the editor (mutable references). */
export function namedZonesOf(layout: BoardLayout): { name: Localized }[] {
	switch (layout.template) {
		case 'free':
			return [];
		case 'columns':
			return layout.lanes;
		case 'matrix':
			return [
				...Object.values(layout.quadrants),
				layout.xAxis.label,
				layout.xAxis.low,
				layout.xAxis.high,
				layout.yAxis.label,
				layout.yAxis.low,
				layout.yAxis.high
			].map((name) => ({ name }));
		case 'rings':
			return [...layout.rings, ...(layout.sectors ?? [])];
		case 'journey':
			return [...layout.stages, ...layout.rows];
		case 'canvas':
			return layout.zones;
		case 'scale':
			return [...layout.points, ...(layout.rows ?? [])];
	}
}

export type StarterName =
	'lane' | 'stage' | 'row' | 'ring' | 'zone' | 'point' | 'x-axis' | 'y-axis' | 'low' | 'high' | QuadrantId;

/** A starting layout for each template, with names in all languages, for a new method.
 * `names(kind, n)` gives the name of the n-th lane, stage… in every language. */
export function starterLayout(
	template: BoardTemplate,
	names: (kind: StarterName, n: number) => Localized
): BoardLayout {
	const zone = (id: string) => {
		const [kind, n] = id.split('-') as [StarterName, string];
		return { id, name: names(kind, Number(n)) };
	};
	switch (template) {
		case 'free':
			return { template };
		case 'columns':
			return { template, lanes: ['lane-1', 'lane-2', 'lane-3'].map(zone) };
		case 'matrix':
			return {
				template,
				xAxis: { label: names('x-axis', 0), low: names('low', 0), high: names('high', 0) },
				yAxis: { label: names('y-axis', 0), low: names('low', 0), high: names('high', 0) },
				quadrants: Object.fromEntries(QUADRANTS.map((q) => [q, names(q, 0)])) as Record<QuadrantId, Localized>
			};
		case 'rings':
			return { template, rings: ['ring-1', 'ring-2', 'ring-3'].map(zone) };
		case 'journey':
			return {
				template,
				stages: ['stage-1', 'stage-2', 'stage-3', 'stage-4'].map(zone),
				rows: ['row-1', 'row-2'].map(zone)
			};
		case 'canvas':
			return {
				template,
				columns: 2,
				zones: [
					{ ...zone('zone-1'), col: 1, row: 1 },
					{ ...zone('zone-2'), col: 2, row: 1 },
					{ ...zone('zone-3'), col: 1, row: 2 },
					{ ...zone('zone-4'), col: 2, row: 2 }
				]
			};
		case 'scale':
			return { template, points: ['point-1', 'point-2', 'point-3', 'point-4', 'point-5'].map(zone) };
	}
}
