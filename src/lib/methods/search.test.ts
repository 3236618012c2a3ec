import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readMethodLibrary } from './read-files.node';
import {
	EMPTY_FILTERS,
	filterMethods,
	filtersFromParams,
	filtersToParams,
	fold,
	matches,
	type MethodFilters
} from './search';
import { PHASES, type Method } from './types';

const LIBRARY = readMethodLibrary(fileURLToPath(new URL('../../../workshops', import.meta.url)));
const search = (query: string, more: Partial<MethodFilters> = {}) =>
	filterMethods(LIBRARY, { ...EMPTY_FILTERS, query, ...more }).map((m) => m.id);

describe('fold', () => {
	it.each([
		['Yhteisö', 'yhteiso'],
		['ÄITI ÖLJY ÅS', 'aiti oljy as'],
		['Förening för Välbefinnande', 'forening for valbefinnande'],
		['Café Müller', 'cafe muller'],
		['Straße', 'strasse'],
		['STRASSE', 'strasse'],
		['ẞ', 'ss'],
		['  many   spaces\tand\nlines ', 'many spaces and lines'],
		['no\u00a0break', 'no break'],
		['e\u0301', 'e'],
		['', ''],
		['1–10', '1–10']
	])('%j → %j', (input, expected) => {
		expect(fold(input)).toBe(expected);
	});
});

describe('search in the library', () => {
	it.each([
		['yhteiso', 'yhteisö', 'audience-community-onion'],
		['YHTEISOT', 'yhteisöt', 'participation-spectrum'],
		['foreningar', 'föreningar', 'partnership-table'],
		['valbefinnande', 'välbefinnande', 'happy-tracker'],
		['tillganglighet', 'Tillgänglighet', 'accessibility-walk']
	])('%j and %j find the same methods, including %s', (plain, marked, id) => {
		const found = search(plain);
		expect(found).toContain(id);
		expect(search(marked)).toEqual(found);
	});

	// The methods for the practices the sector texts name (issue #20): a word in each language finds
	// each one, typed with or without its diacritics.
	it.each([
		['platform-needs-workshop', 'palvelualusta', 'tjänsteplattform', 'service platform'],
		['citizens-space-programming', 'kansalaistila', 'öppen ansökan', 'open call'],
		['participation-forum', 'osallisuusfoorumi', 'delaktighetsforum', 'new museum'],
		['culture-friend-programme', 'kulttuuriystävä', 'vänförening', 'culture friend'],
		['results-regional-workshop', 'työpajasarja', 'projektresultat', 'dissemination'],
		['service-co-development', 'palveluntarjoajat', 'tjänsteleverantörer', 'service providers'],
		['local-solutions-lab', 'kestävyys', 'hållbar lösning', 'sustainable'],
		['partnership-mirror', 'kumppanuuden peili', 'partnerskapets spegel', 'partnership mirror'],
		['museum-as-platform', 'alustana', 'plattform gemenskap', 'connecting communities']
	])('finds %s by Finnish %j, Swedish %j and English %j', (id, fi, sv, en) => {
		for (const query of [fi, sv, en]) {
			expect(search(query), query).toContain(id);
			expect(search(fold(query)), fold(query)).toContain(id);
			expect(search(query.toUpperCase()), query.toUpperCase()).toContain(id);
		}
	});

	it('searches names, purposes and tags in every language', () => {
		const method = LIBRARY.find((m) => m.id === 'partnership-table')!;
		for (const text of [method.name.fi, method.name.sv, method.name.en, method.purpose.sv, method.tags.en[0]]) {
			expect(search(text), text).toContain('partnership-table');
		}
	});

	it('needs every word of a multiword query, in any order', () => {
		const both = search('välbefinnande utvärdering');
		expect(both).toEqual(expect.arrayContaining(['happy-tracker', 'wellbeing-umbrella']));
		expect(both).toEqual(search('utvardering  VALBEFINNANDE'));
		const either = new Set([...search('välbefinnande'), ...search('utvärdering')]);
		expect(both.length).toBeLessThan(either.size);
		expect(both.every((id) => search('välbefinnande').includes(id) && search('utvärdering').includes(id))).toBe(true);
		expect(search('välbefinnande zzzqqq')).toEqual([]);
	});

	it('finds everything with an empty or blank query', () => {
		expect(search('')).toHaveLength(LIBRARY.length);
		expect(search('   ')).toHaveLength(LIBRARY.length);
	});

	it('filters by phase: every method in exactly one phase', () => {
		let total = 0;
		for (const phase of PHASES) {
			const found = filterMethods(LIBRARY, { ...EMPTY_FILTERS, phase });
			expect(found.length, phase).toBeGreaterThan(0);
			expect(found.every((m) => m.phase === phase)).toBe(true);
			total += found.length;
		}
		expect(total).toBe(LIBRARY.length);
	});

	it('filters by audience and combines filters with the query', () => {
		const partners = filterMethods(LIBRARY, { ...EMPTY_FILTERS, audience: 'partners' });
		expect(partners.length).toBeGreaterThan(0);
		expect(partners.length).toBeLessThan(LIBRARY.length);
		expect(partners.every((m) => m.audiences.includes('partners'))).toBe(true);
		const discover = filterMethods(LIBRARY, { ...EMPTY_FILTERS, query: 'yhteiso', phase: 'discover' });
		expect(discover.map((m) => m.id)).toContain('audience-community-onion');
		expect(discover.length).toBeLessThan(search('yhteiso').length);
		expect(discover.every((m) => m.phase === 'discover')).toBe(true);
	});
});

describe('matches: duration and group size at their boundaries', () => {
	const method: Method = {
		...structuredClone(LIBRARY[0]),
		duration: { default: 30, min: 20, max: 45 },
		groupSize: { min: 4, max: 12 }
	};
	const anySize: Method = { ...method, groupSize: { min: 2 } };

	it.each([
		[{ maxMinutes: 19 }, false],
		[{ maxMinutes: 20 }, true],
		[{ maxMinutes: 120 }, true],
		[{ people: 3 }, false],
		[{ people: 4 }, true],
		[{ people: 12 }, true],
		[{ people: 13 }, false],
		[{ people: 12, maxMinutes: 20 }, true],
		[{ people: 12, maxMinutes: 15 }, false]
	])('%j → %s', (filters, expected) => {
		expect(matches(method, { ...EMPTY_FILTERS, ...filters })).toBe(expected);
	});

	it.each([
		[1, false],
		[2, true],
		[1000, true]
	])('a method for any size: %i people → %s', (people, expected) => {
		expect(matches(anySize, { ...EMPTY_FILTERS, people })).toBe(expected);
	});
});

describe('filters in the URL', () => {
	it.each<MethodFilters>([
		EMPTY_FILTERS,
		{ query: 'yhteisö kartta', phase: 'discover', audience: 'community', maxMinutes: 45, people: 12 },
		{ query: 'a&b=c?#/ ä', phase: null, audience: 'partners', maxMinutes: null, people: 1 },
		{ query: '', phase: 'reflect', audience: null, maxMinutes: 1000, people: null }
	])('round trip %j', (filters) => {
		const url = new URL(`https://example.org/methods?${filtersToParams(filters)}`);
		expect(filtersFromParams(url.searchParams)).toEqual(filters);
	});

	it('leaves empty filters out of the URL', () => {
		expect(filtersToParams(EMPTY_FILTERS).toString()).toBe('');
		expect(filtersToParams({ ...EMPTY_FILTERS, query: '   ' }).toString()).toBe('');
	});

	it.each([
		'phase=dream',
		'phase=__proto__',
		'phase=constructor',
		'audience=toString',
		'audience=STAFF',
		'minutes=0',
		'minutes=-5',
		'minutes=1e3',
		'minutes=1001',
		'minutes=99999999999',
		'minutes=45.5',
		'minutes=%2045',
		'minutes=',
		'people=NaN',
		'people=0x10',
		'people=Infinity'
	])('ignores the hostile param %s', (query) => {
		expect(filtersFromParams(new URLSearchParams(query))).toEqual(EMPTY_FILTERS);
	});

	it('caps a huge query and takes the first of repeated params', () => {
		const params = new URLSearchParams({ q: 'x'.repeat(10_000) });
		expect(filtersFromParams(params).query).toHaveLength(200);
		expect(filtersFromParams(new URLSearchParams('phase=plan&phase=reflect&minutes=30&minutes=x'))).toMatchObject({
			phase: 'plan',
			maxMinutes: 30
		});
	});

	it('does not search with markup or regular expressions', () => {
		expect(search('<script>alert(1)</script>')).toEqual([]);
		expect(search('.*')).toEqual([]);
	});
});
