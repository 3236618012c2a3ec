/**
 * Asks the browser to keep this device's workshops. Sessions live only on the devices, and a phone
 * or tablet short of space may otherwise evict a whole site's storage — a workshop's notes with it.
 * `navigator.storage.persist()` is a request, not an order: Chromium grants it quietly to sites a
 * person uses (installed, bookmarked, often visited), Firefox asks the person, Safari decides on
 * its own. We ask on the facilitator's device when a workshop is planned or run and on a
 * participant's phone when it joins, and Settings shows the answer.
 */

/** `kept`: the browser promised not to evict; `may-clear`: it may, under storage pressure;
 * `unknown`: this browser cannot say (no StorageManager, as on some plain-HTTP pages). */
export type StoragePersistence = 'kept' | 'may-clear' | 'unknown';

interface StorageManagerLike {
	persisted?: () => Promise<boolean>;
	persist?: () => Promise<boolean>;
}

const manager = (): StorageManagerLike | undefined =>
	typeof navigator === 'undefined' ? undefined : (navigator.storage as StorageManagerLike | undefined);

export async function storagePersistence(storage = manager()): Promise<StoragePersistence> {
	if (!storage?.persisted) return 'unknown';
	try {
		return (await storage.persisted()) ? 'kept' : 'may-clear';
	} catch {
		return 'unknown';
	}
}

/** Asks once per call; already-kept storage is not asked again. Never throws. */
export async function requestPersistentStorage(storage = manager()): Promise<StoragePersistence> {
	const now = await storagePersistence(storage);
	if (now !== 'may-clear' || !storage?.persist) return now;
	try {
		return (await storage.persist()) ? 'kept' : 'may-clear';
	} catch {
		return 'may-clear';
	}
}
