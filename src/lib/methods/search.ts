/**
 * Searching and filtering the library. Pure functions, so that the page, the URL and the tests
 * agree on what a query means. Search ignores case and diacritics in every language —
 * `yhteiso` finds `yhteisö`, `sjalvstandig` finds `självständig` — because people type on phone
 * keyboards that make ä, ö and å a long press away.
 */
import { LOCALES } from '../i18n/locales';
import type { WorkshopTemplate } from './templates';
import { asAudience, asPhase, type Audience, type Method, type Phase } from './types';

export interface MethodFilters {
	query: string;
	phase: Phase | null;
	audience: Audience | null;
	/** Methods that fit in this many minutes (their minimum duration is at most this). */
	maxMinutes: number | null;
	/** Methods that work with this many participants. */
	people: number | null;
}

export const EMPTY_FILTERS: MethodFilters = { query: '', phase: null, audience: null, maxMinutes: null, people: null };

export const DURATION_CHOICES = [15, 30, 45, 60, 90, 120] as const;

/** Lowercase, without diacritics: "Yhteisö Å" → "yhteiso a". */
export function fold(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase()
		.replace(/ß/g, 'ss')
		.replace(/\s+/g, ' ')
		.trim();
}

/** All searchable text of a method, folded: name, purpose and tags in every language. */
export function searchText(method: Method): string {
	return fold(
		LOCALES.flatMap((locale) => [method.name[locale], method.purpose[locale], ...method.tags[locale], method.id]).join(
			' \u0001 '
		)
	);
}

export function matches(method: Method, filters: MethodFilters, text = searchText(method)): boolean {
	if (filters.phase && method.phase !== filters.phase) return false;
	if (filters.audience && !method.audiences.includes(filters.audience)) return false;
	if (filters.maxMinutes !== null && method.duration.min > filters.maxMinutes) return false;
	if (filters.people !== null) {
		if (filters.people < method.groupSize.min) return false;
		if (method.groupSize.max !== undefined && filters.people > method.groupSize.max) return false;
	}
	const words = fold(filters.query).split(' ').filter(Boolean);
	return words.every((word) => text.includes(word));
}

export function filterMethods<M extends Method>(methods: M[], filters: MethodFilters): M[] {
	return methods.filter((method) => matches(method, filters));
}

const positiveInt = (value: string | null, max: number): number | null => {
	if (value === null || !/^\d{1,4}$/.test(value)) return null;
	const n = Number(value);
	return n >= 1 && n <= max ? n : null;
};

/** Reads filters from a URL's query; anything unknown or malformed is ignored, never an error. */
export function filtersFromParams(params: URLSearchParams): MethodFilters {
	return {
		query: (params.get('q') ?? '').slice(0, 200),
		phase: asPhase(params.get('phase')),
		audience: asAudience(params.get('audience')),
		maxMinutes: positiveInt(params.get('minutes'), 1000),
		people: positiveInt(params.get('people'), 1000)
	};
}

export function filtersToParams(filters: MethodFilters): URLSearchParams {
	const params = new URLSearchParams();
	if (filters.query.trim()) params.set('q', filters.query);
	if (filters.phase) params.set('phase', filters.phase);
	if (filters.audience) params.set('audience', filters.audience);
	if (filters.maxMinutes !== null) params.set('minutes', String(filters.maxMinutes));
	if (filters.people !== null) params.set('people', String(filters.people));
	return params;
}

/** All searchable text of a template, folded: name, purpose and item titles in every language. */
export function templateSearchText(template: WorkshopTemplate): string {
	return fold(
		LOCALES.flatMap((locale) => [
			template.name[locale],
			template.purpose[locale],
			...template.items.map((item) => item.title[locale]),
			template.id
		]).join(' \u0001 ')
	);
}

/** Whether folded search text holds every word of a query (as methods are searched). */
export function templateMatches(text: string, query: string): boolean {
	return fold(query)
		.split(' ')
		.filter(Boolean)
		.every((word) => text.includes(word));
}
