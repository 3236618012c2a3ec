/**
 * Per-device settings. Each setting has a parser: a stored value that does not parse (an older
 * version's shape, a hand-edited database) falls back to the default instead of breaking the app.
 */
import * as v from 'valibot';
import { isLocale, type Locale } from '../i18n/locales';
import { MAX_WIFI_NAME_LENGTH } from '../session/join-link';
import { ParticipantBasesSchema, type ParticipantBase } from '../session/server-info';
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
	/** Sessions not edited for this many days are offered for deletion; null: keep everything
	 * (the default — deleting is the facilitator's decision, never the app's). */
	retentionDays: RetentionDays | null;
	/** Signaling server for static deployments; empty: the origin's own `/signal`. */
	signalingUrl: string;
	/** ICE servers for static deployments (STUN/TURN); empty: local network only. */
	iceServers: RTCIceServer[];
	/** The participant addresses the workshop server offered last, kept for offline starts. */
	participantBases: ParticipantBase[];
	/** The participant address the facilitator picked among several networks; empty: the first. */
	participantBase: string;
	/** The Wi-Fi network participants should stay on, shown on the poster and to a phone that lost
	 * the workshop; empty: not said. */
	wifiName: string;
}

export const RETENTION_DAYS = [30, 90, 180, 365] as const;
export type RetentionDays = (typeof RETENTION_DAYS)[number];

export type SettingKey = keyof Settings;

const SPECS: { [K in SettingKey]: SettingSpec<Settings[K]> } = {
	locale: { fallback: undefined, parse: (v) => (isLocale(v) ? v : undefined) },
	timerSound: { fallback: false, parse: (v) => (typeof v === 'boolean' ? v : undefined) },
	retentionDays: {
		fallback: null,
		parse: (v) => (RETENTION_DAYS.includes(v as RetentionDays) ? (v as RetentionDays) : undefined)
	},
	signalingUrl: { fallback: '', parse: (v) => (v === '' ? '' : checkSignalingUrl(v).ok ? (v as string) : undefined) },
	iceServers: {
		fallback: [],
		parse: (v) => {
			const checked = checkIceServers(v);
			return checked.ok ? checked.servers : undefined;
		}
	},
	participantBases: { fallback: [], parse: (v_) => parseWith(ParticipantBasesSchema, v_) },
	participantBase: { fallback: '', parse: (v_) => (typeof v_ === 'string' && v_.length <= 300 ? v_ : undefined) },
	wifiName: {
		fallback: '',
		parse: (v_) => (typeof v_ === 'string' && v_.length <= MAX_WIFI_NAME_LENGTH ? v_ : undefined)
	}
};

function parseWith<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> | undefined {
	const result = v.safeParse(schema, value);
	return result.success ? result.output : undefined;
}

export async function readSetting<K extends SettingKey>(key: K): Promise<Settings[K]> {
	const row = await db().settings.get(key);
	const spec = SPECS[key];
	return row === undefined ? spec.fallback : (spec.parse(row.value) ?? spec.fallback);
}

export async function writeSetting<K extends SettingKey>(key: K, value: Settings[K]): Promise<void> {
	await db().settings.put({ key, value });
}

// --- network settings of static deployments ------------------------------------------------
// Checked where they are typed (the settings page) and again where they are read (above): a
// wrong URL or ICE entry would make every connection fail in ways a facilitator cannot see.

/** A signaling server address: an absolute ws: or wss: URL without credentials or fragment. */
export function checkSignalingUrl(value: unknown): { ok: true; url: string } | { ok: false } {
	if (typeof value !== 'string' || value.length > 500) return { ok: false };
	let url: URL;
	try {
		url = new URL(value.trim());
	} catch {
		return { ok: false };
	}
	if ((url.protocol !== 'wss:' && url.protocol !== 'ws:') || !url.hostname || url.username || url.password || url.hash)
		return { ok: false };
	return { ok: true, url: value.trim() };
}

export const MAX_ICE_SERVERS = 10;

export type IceProblem =
	| { kind: 'not-json' }
	| { kind: 'not-list' }
	| { kind: 'too-many' }
	| { kind: 'urls'; index: number }
	| { kind: 'credentials'; index: number }
	| { kind: 'unknown-key'; index: number; key: string };

const ICE_URL = /^(stuns?|turns?):[^\s]{1,300}$/;
const ICE_KEYS = new Set(['urls', 'username', 'credential']);

/** ICE servers as the settings page takes them (JSON text) or as stored (an array). */
export function checkIceServers(
	value: unknown
): { ok: true; servers: RTCIceServer[] } | { ok: false; problem: IceProblem } {
	let list = value;
	if (typeof value === 'string') {
		if (value.trim() === '') return { ok: true, servers: [] };
		try {
			list = JSON.parse(value);
		} catch {
			return { ok: false, problem: { kind: 'not-json' } };
		}
	}
	if (!Array.isArray(list)) return { ok: false, problem: { kind: 'not-list' } };
	if (list.length > MAX_ICE_SERVERS) return { ok: false, problem: { kind: 'too-many' } };
	const servers: RTCIceServer[] = [];
	for (const [index, entry] of list.entries()) {
		if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
			return { ok: false, problem: { kind: 'urls', index } };
		const unknown = Object.keys(entry).find((key) => !ICE_KEYS.has(key));
		if (unknown !== undefined) return { ok: false, problem: { kind: 'unknown-key', index, key: unknown.slice(0, 40) } };
		const { urls, username, credential } = entry as Record<string, unknown>;
		const urlList = typeof urls === 'string' ? [urls] : urls;
		if (
			!Array.isArray(urlList) ||
			urlList.length === 0 ||
			urlList.length > 10 ||
			!urlList.every((u) => typeof u === 'string' && ICE_URL.test(u))
		)
			return { ok: false, problem: { kind: 'urls', index } };
		// Browsers refuse a TURN server without both (InvalidAccessError) — better said here.
		const turn = urlList.some((u) => (u as string).startsWith('turn'));
		const text = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= 500;
		if (
			(turn && (!text(username) || !text(credential))) ||
			(username !== undefined && !text(username)) ||
			(credential !== undefined && !text(credential))
		)
			return { ok: false, problem: { kind: 'credentials', index } };
		const server: RTCIceServer = { urls: typeof urls === 'string' ? urls : [...(urlList as string[])] };
		if (username !== undefined) server.username = username as string;
		if (credential !== undefined) server.credential = credential as string;
		servers.push(server);
	}
	return { ok: true, servers };
}
