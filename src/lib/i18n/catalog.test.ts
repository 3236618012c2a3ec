import { describe, expect, it } from 'vitest';
import { catalog } from './catalog';
import type { Message } from './define';
import { LOCALES } from './locales';

const texts = (message: Message): string[] => (typeof message === 'string' ? [message] : [message.one, message.other]);
const placeholders = (message: Message) =>
	[...new Set(texts(message).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();

describe('message catalogues', () => {
	const keys = Object.keys(catalog.en);

	it('has messages', () => {
		expect(keys.length).toBeGreaterThan(20);
	});

	it.each(LOCALES)('%s has every key, none empty', (locale) => {
		const missing = keys.filter((key) => !(key in catalog[locale]));
		const extra = Object.keys(catalog[locale]).filter((key) => !(key in catalog.en));
		const empty = Object.entries(catalog[locale])
			.filter(([, message]) => texts(message).some((text) => text.trim() === ''))
			.map(([key]) => key);
		expect({ missing, extra, empty }).toEqual({ missing: [], extra: [], empty: [] });
	});

	it.each(LOCALES)('%s uses the same placeholders as English', (locale) => {
		const mismatched = keys.filter(
			(key) =>
				JSON.stringify(placeholders(catalog[locale][key as keyof typeof catalog.en])) !==
				JSON.stringify(placeholders(catalog.en[key as keyof typeof catalog.en]))
		);
		expect(mismatched).toEqual([]);
	});
});
