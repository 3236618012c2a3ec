/**
 * Per-device settings, each with a valibot schema: a stored value that does not parse (an older
 * version's shape, a hand-edited database) falls back to the default instead of breaking the app.
 * The settings' types come from their schemas.
 */
import * as v from 'valibot';
import { LOCALES } from '../i18n/locales';
import { MAX_WIFI_NAME_LENGTH } from '../session/join-link';
import { ParticipantBasesSchema, type ParticipantBase } from '../session/server-info';
import { db } from './db';
import { writeMirror } from './first-paint';

export const RETENTION_DAYS = [30, 90, 180, 365] as const;
export type RetentionDays = (typeof RETENTION_DAYS)[number];

export const MAX_ICE_SERVERS = 10;
const ICE_URL = /^(stuns?|turns?):[^\s]{1,300}$/;
const IceUrl = v.pipe(v.string(), v.regex(ICE_URL));
const IceText = v.pipe(v.string(), v.minLength(1), v.maxLength(500));
const urlsOf = (urls: string | string[]) => (typeof urls === 'string' ? [urls] : urls);

/** One STUN or TURN server. Browsers refuse a TURN server without both username and credential
 * (InvalidAccessError): better said where it is typed. */
const IceServerSchema = v.pipe(
	v.strictObject({
		urls: v.union([IceUrl, v.pipe(v.array(IceUrl), v.minLength(1), v.maxLength(10))]),
		username: v.optional(IceText),
		credential: v.optional(IceText)
	}),
	v.check(
		({ urls, username, credential }) =>
			!urlsOf(urls).some((url) => url.startsWith('turn')) || (username !== undefined && credential !== undefined)
	)
) satisfies v.GenericSchema<unknown, RTCIceServer>;

const IceServersSchema = v.pipe(v.array(IceServerSchema), v.maxLength(MAX_ICE_SERVERS));

export const MAX_PARTICIPATION_SETS = 20;
export const MAX_SET_NAME_LENGTH = 60;
/** A saved set of participation questions: its questions kept in the join link's own encoding,
 * so that reading a set back goes through the same checks as reading a link (participation-sets.ts). */
const ParticipationSetSchema = v.strictObject({
	id: v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
	name: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_SET_NAME_LENGTH)),
	questions: v.pipe(v.string(), v.maxLength(4000))
});
export type StoredParticipationSet = v.InferOutput<typeof ParticipationSetSchema>;
export const MAX_CONTACT_LENGTH = { organisation: 200, email: 200, phone: 40 } as const;
const StatementContactSchema = v.strictObject({
	organisation: v.pipe(v.string(), v.maxLength(MAX_CONTACT_LENGTH.organisation)),
	email: v.pipe(v.string(), v.maxLength(MAX_CONTACT_LENGTH.email)),
	phone: v.pipe(v.string(), v.maxLength(MAX_CONTACT_LENGTH.phone))
});
export type StatementContact = v.InferOutput<typeof StatementContactSchema>;

/** Every per-device setting: its schema and its default. */
const SETTINGS = {
	/** The interface language the person chose; undefined: follow the device. */
	locale: { schema: v.picklist(LOCALES), fallback: undefined },
	/** Play a sound when the activity timer runs out (off by default: galleries are quiet places). */
	timerSound: { schema: v.boolean(), fallback: false },
	/** Sessions not edited for this many days are offered for deletion; null: keep everything
	 * (the default — deleting is the facilitator's decision, never the app's). */
	retentionDays: { schema: v.picklist(RETENTION_DAYS), fallback: null },
	/** Signaling server for static deployments; empty: the origin's own `/signal`. */
	signalingUrl: {
		schema: v.union([
			v.literal(''),
			v.pipe(
				v.string(),
				v.check((url) => checkSignalingUrl(url).ok)
			)
		]),
		fallback: ''
	},
	/** ICE servers for static deployments (STUN/TURN); empty: local network only. */
	iceServers: { schema: IceServersSchema, fallback: [] as RTCIceServer[] },
	/** The participant addresses the workshop server offered last, kept for offline starts. */
	participantBases: { schema: ParticipantBasesSchema, fallback: [] as ParticipantBase[] },
	/** The participant address the facilitator picked among several networks; empty: the first. */
	participantBase: { schema: v.pipe(v.string(), v.maxLength(300)), fallback: '' },
	/** The Wi-Fi network participants should stay on, shown on the poster and to a phone that lost
	 * the workshop; empty: not said. */
	wifiName: { schema: v.pipe(v.string(), v.maxLength(MAX_WIFI_NAME_LENGTH)), fallback: '' },
	/** Participation question sets the facilitator saved to reuse in later sessions. */
	participationSets: {
		schema: v.pipe(v.array(ParticipationSetSchema), v.maxLength(MAX_PARTICIPATION_SETS)),
		fallback: [] as StoredParticipationSet[]
	},
	/** The museum's contact details that the accessibility statement shows for feedback. */
	statementContact: { schema: StatementContactSchema, fallback: { organisation: '', email: '', phone: '' } }
} as const;

export type SettingKey = keyof typeof SETTINGS;

/** Every per-device setting and its type. */
export type Settings = {
	-readonly [K in SettingKey]: v.InferOutput<(typeof SETTINGS)[K]['schema']> | (typeof SETTINGS)[K]['fallback'];
};

export async function readSetting<K extends SettingKey>(key: K): Promise<Settings[K]> {
	const row = await db().settings.get(key);
	const { schema, fallback } = SETTINGS[key];
	if (row === undefined) return fallback as Settings[K];
	const parsed = v.safeParse(schema, row.value);
	return (parsed.success ? parsed.output : fallback) as Settings[K];
}

export async function writeSetting<K extends SettingKey>(key: K, value: Settings[K]): Promise<void> {
	// The first paint reads the language from a synchronous copy (first-paint.ts); written first, so
	// that a reload during the database write already finds the new choice.
	if (key === 'locale') writeMirror({ locale: value as Settings['locale'] });
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

export type IceProblem =
	| { kind: 'not-json' }
	| { kind: 'not-list' }
	| { kind: 'too-many' }
	| { kind: 'urls'; index: number }
	| { kind: 'credentials'; index: number }
	| { kind: 'unknown-key'; index: number; key: string };

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
		const parsed = v.safeParse(IceServerSchema, entry, { abortEarly: true });
		if (!parsed.success) return { ok: false, problem: iceProblem(parsed.issues[0], index) };
		servers.push(parsed.output);
	}
	return { ok: true, servers };
}

/** The settings page's problem for a server's first issue. */
function iceProblem(issue: v.BaseIssue<unknown>, index: number): IceProblem {
	const key = issue.path?.[0]?.key;
	if (issue.type === 'strict_object' && issue.expected === 'never')
		return { kind: 'unknown-key', index, key: String(key).slice(0, 40) };
	if (issue.type === 'check' || key === 'username' || key === 'credential') return { kind: 'credentials', index };
	return { kind: 'urls', index };
}
