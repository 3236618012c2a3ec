import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from './db';
import { deleteDatabase } from './device-data';
import { clearMirror, databaseMayExist, MIRROR_KEY, readMirror, writeMirror, type MirrorStore } from './first-paint';
import { readSetting, writeSetting } from './settings';

/** localStorage's behaviour for the three calls the copy uses (Node has no localStorage). */
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

describe('the settings copy', () => {
	it('reads back what was written: a chosen language, or none (follow the device)', () => {
		const store = new MemoryStorage();
		expect(readMirror(store)).toBeNull();
		writeMirror({ locale: 'sv' }, store);
		expect(readMirror(store)).toEqual({ locale: 'sv' });
		writeMirror({ locale: undefined }, store);
		expect(readMirror(store)).toEqual({ locale: undefined });
		clearMirror(store);
		expect(readMirror(store)).toBeNull();
	});

	it.each([
		['not JSON', '{'],
		['not an object', '"fi"'],
		['another version', JSON.stringify({ v: 2, locale: 'fi' })],
		['no version', JSON.stringify({ locale: 'fi' })],
		['an unknown language', JSON.stringify({ v: 1, locale: 'de' })],
		['a missing language field', JSON.stringify({ v: 1 })]
	])('counts %s as missing, so that the database is asked', (_, text) => {
		const store = new MemoryStorage();
		store.setItem(MIRROR_KEY, text);
		expect(readMirror(store)).toBeNull();
	});

	it('does without storage, and ignores a refused write', () => {
		expect(readMirror(null)).toBeNull();
		expect(() => writeMirror({ locale: 'fi' }, null)).not.toThrow();
		const full: MirrorStore = {
			getItem: () => null,
			setItem: () => {
				throw new DOMException('full', 'QuotaExceededError');
			},
			removeItem: () => {}
		};
		expect(() => writeMirror({ locale: 'fi' }, full)).not.toThrow();
		expect(readMirror(full)).toBeNull();
	});
});

describe('the copy beside the database', () => {
	const local = new MemoryStorage();
	beforeAll(() => {
		(globalThis as { localStorage?: MirrorStore }).localStorage = local;
	});
	afterAll(() => {
		delete (globalThis as { localStorage?: MirrorStore }).localStorage;
	});

	it('knows when there is no database yet, and when there is one', async () => {
		expect(await databaseMayExist()).toBe(false);
		await db().open();
		expect(await databaseMayExist()).toBe(true);
	});

	it('follows every language written to the settings', async () => {
		await writeSetting('locale', 'fi');
		expect(readMirror()).toEqual({ locale: 'fi' });
		expect(await readSetting('locale')).toBe('fi');
		await writeSetting('locale', undefined);
		expect(readMirror()).toEqual({ locale: undefined });
		// Other settings leave it alone.
		await writeSetting('timerSound', true);
		expect(readMirror()).toEqual({ locale: undefined });
	});

	it('goes with the database when everything is deleted', async () => {
		await writeSetting('locale', 'sv');
		await deleteDatabase();
		expect(local.getItem(MIRROR_KEY)).toBeNull();
		expect(await databaseMayExist()).toBe(false);
	});

	it('answers "may exist" where the browser cannot list its databases', async () => {
		expect(await databaseMayExist({} as IDBFactory)).toBe(true);
		const refusing = { databases: () => Promise.reject(new DOMException('no', 'SecurityError')) };
		expect(await databaseMayExist(refusing as unknown as IDBFactory)).toBe(true);
	});
});
