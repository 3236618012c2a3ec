import { describe, expect, it } from 'vitest';
import { requestPersistentStorage, storagePersistence } from './persistent-storage.ts';

function fakeStorage(persisted: boolean, grant: boolean | Error) {
	const calls = { persist: 0 };
	return {
		calls,
		storage: {
			persisted: async () => persisted,
			persist: async () => {
				calls.persist++;
				if (grant instanceof Error) throw grant;
				persisted = grant;
				return grant;
			}
		}
	};
}

describe('persistent storage', () => {
	it.each([
		['already kept: not asked again', true, false, 'kept', 0],
		['granted', false, true, 'kept', 1],
		['refused', false, false, 'may-clear', 1],
		['the browser throws', false, new Error('denied'), 'may-clear', 1]
	] as const)('%s', async (_case, persisted, grant, expected, asked) => {
		const { storage, calls } = fakeStorage(persisted, grant);
		expect(await requestPersistentStorage(storage)).toBe(expected);
		expect(calls.persist).toBe(asked);
	});

	it('says unknown where the browser has no StorageManager', async () => {
		expect(await storagePersistence(undefined)).toBe('unknown');
		expect(await requestPersistentStorage({})).toBe('unknown');
	});
});
