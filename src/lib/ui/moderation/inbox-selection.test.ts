import { describe, expect, it } from 'vitest';
import { InboxSelection } from './inbox-selection.svelte';

describe('InboxSelection', () => {
	it('ticks and unticks one note at a time', () => {
		const selection = new InboxSelection();
		selection.toggle('a');
		selection.toggle('b');
		selection.toggle('a');
		expect([...selection.ids]).toEqual(['b']);
		expect(selection.has('b')).toBe(true);
	});

	it('ticks all and none of the notes shown', () => {
		const selection = new InboxSelection();
		selection.setAll(['a', 'b', 'c'], true);
		expect(selection.size).toBe(3);
		expect(selection.allOf(['a', 'b', 'c'])).toBe(true);
		expect(selection.allOf(['a', 'b', 'c', 'd'])).toBe(false);
		selection.setAll(['a', 'b', 'c'], false);
		expect(selection.size).toBe(0);
		expect(selection.allOf([])).toBe(false);
	});

	it('drops notes that left the inbox, keeping the same set when none did', () => {
		const selection = new InboxSelection();
		selection.setAll(['a', 'b', 'c'], true);
		const before = selection.ids;
		selection.keepOnly(['a', 'b', 'c', 'd']);
		expect(selection.ids).toBe(before);
		selection.keepOnly(['c', 'd']);
		expect([...selection.ids]).toEqual(['c']);
		selection.clear();
		expect(selection.size).toBe(0);
	});
});
