/**
 * What the first paint may learn from storage without loading Dexie: the remembered interface
 * language, from a synchronous copy in localStorage, and whether this device has a database at all.
 *
 * Why: Dexie comes with the y-dexie add-on, and y-dexie with yjs — about 67 kB gzip that a
 * participant's phone on plain-HTTP gallery Wi-Fi (gzip only) downloaded before the join page
 * showed, only so that the root layout could read one setting. The database stays the record;
 * this copy is a cache that settings.ts writes whenever it writes a copied setting, and that
 * deleting the database clears. When the copy is missing (a device from before it existed, or
 * cleared site storage), the reader asks the database once and writes the copy (i18n.svelte.ts).
 *
 * The copy's shape is versioned like every persisted shape: one that does not parse counts as
 * missing, so the database is asked again instead of the app breaking.
 */
import { isLocale, type Locale } from '../i18n/locales';

/** The one IndexedDB database of Kohtaamo (db.ts opens it; only its name lives here). */
export const DB_NAME = 'kohtaamo';

/** The localStorage key of the copy. */
export const MIRROR_KEY = 'kohtaamo.settings';
const MIRROR_VERSION = 1;

/** The settings the first paint needs. */
export interface MirroredSettings {
	/** The language the person chose; undefined: follow the device. */
	locale: Locale | undefined;
}

/** Where the copy lives: localStorage in the app, any `Storage` in tests. */
export type MirrorStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** localStorage, or null where it is missing or refused (storage blocked for the site). */
function defaultStore(): MirrorStore | null {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		return null;
	}
}

/** The copied settings, or null when there is no usable copy (then ask the database). */
export function readMirror(store: MirrorStore | null = defaultStore()): MirroredSettings | null {
	let parsed: unknown;
	try {
		const text = store?.getItem(MIRROR_KEY);
		if (!text) return null;
		parsed = JSON.parse(text);
	} catch {
		return null;
	}
	if (typeof parsed !== 'object' || parsed === null) return null;
	const { v, locale } = parsed as { v?: unknown; locale?: unknown };
	if (v !== MIRROR_VERSION) return null;
	if (locale !== null && !isLocale(locale)) return null;
	return { locale: locale ?? undefined };
}

/** Writes the copy. A refused write (storage full or blocked) only costs a database read at the
 * next start, so it is ignored. */
export function writeMirror(settings: MirroredSettings, store: MirrorStore | null = defaultStore()): void {
	try {
		store?.setItem(MIRROR_KEY, JSON.stringify({ v: MIRROR_VERSION, locale: settings.locale ?? null }));
	} catch {
		// see above
	}
}

export function clearMirror(store: MirrorStore | null = defaultStore()): void {
	try {
		store?.removeItem(MIRROR_KEY);
	} catch {
		// Nothing to clear where storage is refused.
	}
}

/**
 * Whether this device may hold Kohtaamo's database: false only when the browser lists its
 * databases and ours is not among them (a phone's first visit), so that the caller can skip
 * loading Dexie. Browsers without `indexedDB.databases()` answer true.
 */
export async function databaseMayExist(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<boolean> {
	if (!factory || typeof factory.databases !== 'function') return true;
	try {
		return (await factory.databases()).some((info) => info.name === DB_NAME);
	} catch {
		return true;
	}
}
