import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { deleteDatabase } from '$lib/storage/device-data';
import { databaseMayExist, MIRROR_KEY, readMirror, type MirrorStore } from '$lib/storage/first-paint';
import { readSetting, writeSetting } from '$lib/storage/settings';

/** localStorage's behaviour for the calls the settings copy uses (Node has no localStorage). */
class MemoryStorage implements MirrorStore {
	readonly items = new Map<string, string>();
	getItem(key: string): string | null {
		return this.items.get(key) ?? null;
	}
	setItem(key: string, value: string): void {
		this.items.set(key, String(value));
	}
	removeItem(key: string): void {
		this.items.delete(key);
	}
}

const local = new MemoryStorage();
const globals = globalThis as { localStorage?: MirrorStore; navigator?: unknown };
const originalNavigator = Object.getOwnPropertyDescriptor(globalThis, 'navigator');

/** A fresh page: the module's state starts over, as on a reload. */
async function freshI18n() {
	vi.resetModules();
	return (await import('./i18n.svelte')).i18n;
}

beforeAll(() => {
	globals.localStorage = local;
	// The device's own language list, as a Finnish phone reports it.
	Object.defineProperty(globalThis, 'navigator', {
		value: { languages: ['fi-FI', 'en'], language: 'fi-FI' },
		configurable: true
	});
});
afterAll(() => {
	delete globals.localStorage;
	if (originalNavigator) Object.defineProperty(globalThis, 'navigator', originalNavigator);
	else delete globals.navigator;
});
beforeEach(() => local.items.clear());
afterEach(async () => {
	await deleteDatabase();
});

describe('the interface language at start', () => {
	it('comes from the copy, without opening the database', async () => {
		local.setItem(MIRROR_KEY, JSON.stringify({ v: 1, locale: 'sv' }));
		const i18n = await freshI18n();
		await i18n.init();
		expect(i18n.locale).toBe('sv');
		expect(i18n.t('app.skipToContent')).not.toBe('app.skipToContent');
		expect(await databaseMayExist()).toBe(false);
	});

	it('follows the device on a first visit, and remembers that nothing was chosen', async () => {
		const i18n = await freshI18n();
		await i18n.init();
		expect(i18n.locale).toBe('fi');
		expect(readMirror()).toEqual({ locale: undefined });
		expect(await databaseMayExist()).toBe(false);
	});

	it('is read once from the database of a device that has no copy yet, which then gets one', async () => {
		await writeSetting('locale', 'sv');
		local.items.clear(); // a device from before the copy existed
		const i18n = await freshI18n();
		await i18n.init();
		expect(i18n.locale).toBe('sv');
		expect(readMirror()).toEqual({ locale: 'sv' });
	});

	it('follows a choice remembered both in the copy and in the database', async () => {
		const i18n = await freshI18n();
		await i18n.init();
		await i18n.choose('en');
		expect(i18n.locale).toBe('en');
		expect(readMirror()).toEqual({ locale: 'en' });
		expect(await readSetting('locale')).toBe('en');
		const reloaded = await freshI18n();
		await reloaded.init();
		expect(reloaded.locale).toBe('en');
	});

	it('follows the device again after everything was deleted', async () => {
		await writeSetting('locale', 'sv');
		await deleteDatabase();
		const i18n = await freshI18n();
		await i18n.init();
		expect(i18n.locale).toBe('fi');
	});
});
