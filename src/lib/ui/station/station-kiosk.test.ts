import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StationNote } from '$lib/board/station';
import { StationKiosk } from './station-kiosk.svelte';

function kiosk(save: (note: StationNote) => Promise<void> = async () => {}) {
	const kept: StationNote[] = [];
	const k = new StationKiosk({
		save: async (note) => {
			await save(note);
			kept.push(note);
		},
		idleMs: 60_000,
		thanksMs: 5_000,
		now: () => 1234
	});
	return { k, kept };
}

describe('StationKiosk', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('keeps a visitor’s note with their choices, then forgets them for the next visitor', async () => {
		const { k, kept } = kiosk();
		const first = k.visitor;
		k.write('  Kaunis sali  ');
		k.chooseAge('child');
		k.chooseLanguage('fi');
		expect(await k.send()).toBe(true);
		expect(kept).toEqual([{ id: kept[0].id, text: 'Kaunis sali', ageGroup: 'child', language: 'fi', createdAt: 1234 }]);
		expect(kept[0].id).toMatch(/^[A-Za-z0-9_-]{16}$/);
		expect([k.text, k.ageGroup, k.language, k.thanked]).toEqual(['', null, null, true]);
		expect(k.visitor).not.toBe(first);
		vi.advanceTimersByTime(5_000);
		expect(k.thanked).toBe(false);
	});

	it('gives every visitor a new note id and a new field name', async () => {
		const { k, kept } = kiosk();
		const visitors = new Set<string>();
		for (let i = 0; i < 50; i++) {
			visitors.add(k.visitor);
			k.write(`Visitor ${i}`);
			await k.send();
		}
		expect(visitors.size).toBe(50);
		expect(new Set(kept.map((n) => n.id)).size).toBe(50);
	});

	it('sends nothing empty, and a second tap takes a choice back', async () => {
		const { k, kept } = kiosk();
		k.write('   ');
		expect(k.canSend).toBe(false);
		expect(await k.send()).toBe(false);
		k.chooseAge('senior');
		k.chooseAge('senior');
		expect(k.ageGroup).toBeNull();
		expect(kept).toEqual([]);
	});

	it('clears a half-written note after the idle time, counting from the last touch', () => {
		const { k } = kiosk();
		const visitor = k.visitor;
		k.write('Puolikas');
		vi.advanceTimersByTime(50_000);
		k.write('Puolikas lause');
		vi.advanceTimersByTime(50_000);
		expect(k.text).toBe('Puolikas lause');
		vi.advanceTimersByTime(10_000);
		expect(k.text).toBe('');
		expect(k.visitor).not.toBe(visitor);
	});

	it('keeps the text when storing fails, so the visitor can try again', async () => {
		const { k, kept } = kiosk(async () => {
			throw new Error('quota');
		});
		vi.spyOn(console, 'error').mockImplementation(() => {});
		k.write('Tärkeä');
		expect(await k.send()).toBe(false);
		expect([k.text, k.failed, k.sending]).toEqual(['Tärkeä', true, false]);
		expect(kept).toEqual([]);
	});
});
