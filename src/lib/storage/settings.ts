/**
 * Per-device settings. Each setting has a parser: a stored value that does not parse (an older
 * version's shape, a hand-edited database) falls back to the default instead of breaking the app.
 */
import { isLocale, type Locale } from '../i18n/locales';
import { db } from './db';

interface SettingSpec<T> {
	fallback: T;
	parse(value: unknown): T | undefined;
}

/** Every per-device setting and its type. */
export interface Settings {
	/** The interface language the person chose; undefined: follow the device. */
	locale: Locale | undefined;
	/** Play a sound when the activity timer runs out (off by default: galleries are quiet places). */
	timerSound: boolean;
}

export type SettingKey = keyof Settings;

const SPECS: { [K in SettingKey]: SettingSpec<Settings[K]> } = {
	locale: { fallback: undefined, parse: (v) => (isLocale(v) ? v : undefined) },
	timerSound: { fallback: false, parse: (v) => (typeof v === 'boolean' ? v : undefined) }
};

export async function readSetting<K extends SettingKey>(key: K): Promise<Settings[K]> {
	const row = await db().settings.get(key);
	const spec = SPECS[key];
	return row === undefined ? spec.fallback : (spec.parse(row.value) ?? spec.fallback);
}

export async function writeSetting<K extends SettingKey>(key: K, value: Settings[K]): Promise<void> {
	await db().settings.put({ key, value });
}
