/**
 * The join link: the participant view's address with the session's room name and secret in the
 * URL fragment. Browsers never send a fragment to any server, so the secret stays between the
 * devices of the workshop. Links carry a version so that an old poster gets a clear message.
 */
import { isLocale, type Locale } from '../i18n/locales';
import { asAudience, type Audience } from '../methods/types';
import { isPublicKeyText } from './keys/key-text';
import { readParticipation, writeParticipation, type ParticipationPlan } from './participation';

export const JOIN_LINK_VERSION = 1;
/** Wi-Fi network names (SSIDs) are at most 32 bytes; a little room for typing. */
export const MAX_WIFI_NAME_LENGTH = 40;

export interface Invite {
	sessionId: string;
	room: string;
	secret: string;
	title: string;
	language: Locale;
	anonymous: boolean;
	/** The session's participant groups, offered to choose from when joining. */
	groups: Audience[];
	/** The Wi-Fi network to stay on (optional, added within version 1: older apps ignore it). */
	wifi?: string;
	/** Participation questions asked at join (optional, added within version 1). */
	participation?: ParticipationPlan;
	/** The facilitator's public signing key, base64url (optional, added within version 1: older apps
	 * ignore it, and links from before it make a session without signed control). Participants
	 * learn it here — from the QR code — and never from the document, which anyone can write. */
	facilitatorKey?: string;
}

export type JoinProblem = 'missing' | 'outdated' | 'invalid';
export type ParsedJoin = { ok: true; invite: Invite } | { ok: false; problem: JoinProblem };

const TOKEN = /^[A-Za-z0-9_-]+$/;
const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `appUrl` is the app's root, e.g. `https://192.168.1.20:8080/`. */
export function joinLink(appUrl: string, invite: Invite): string {
	const params = new URLSearchParams({
		v: String(JOIN_LINK_VERSION),
		s: invite.sessionId,
		r: invite.room,
		k: invite.secret,
		l: invite.language,
		a: invite.anonymous ? '1' : '0',
		g: invite.groups.join(','),
		t: invite.title.slice(0, 120)
	});
	if (invite.wifi) params.set('w', invite.wifi.slice(0, MAX_WIFI_NAME_LENGTH));
	if (invite.facilitatorKey) params.set('f', invite.facilitatorKey);
	writeParticipation(params, invite.participation);
	return `${new URL('join', appUrl.endsWith('/') ? appUrl : `${appUrl}/`).href}#${params}`;
}

/**
 * The presenter view's address: the same invitation in the fragment (a display must reach the room
 * as any device does), on a page of its own that joins as a display — not as a participant, never
 * with facilitator rights.
 */
export function presenterLink(appUrl: string, invite: Invite): string {
	const link = new URL(joinLink(appUrl, invite));
	link.pathname = link.pathname.replace(/join$/, `present/${invite.sessionId}`);
	return link.href;
}

export function parseJoinFragment(hash: string): ParsedJoin {
	const params = new URLSearchParams(hash.replace(/^#/, ''));
	const version = params.get('v');
	const sessionId = params.get('s');
	const room = params.get('r');
	const secret = params.get('k');
	if (!version || !sessionId || !room || !secret) return { ok: false, problem: 'missing' };
	if (version !== String(JOIN_LINK_VERSION)) return { ok: false, problem: 'outdated' };
	const language = params.get('l') ?? 'fi';
	const title = params.get('t') ?? '';
	if (!SESSION_ID.test(sessionId) || !TOKEN.test(room) || room.length < 16 || room.length > 128)
		return { ok: false, problem: 'invalid' };
	if (!TOKEN.test(secret) || secret.length < 16 || secret.length > 256 || title.length > 200 || !isLocale(language)) {
		return { ok: false, problem: 'invalid' };
	}
	const groupList = (params.get('g') ?? '').split(',').filter(Boolean);
	const groups = groupList.map(asAudience).filter((g): g is Audience => g !== null);
	if (groups.length !== groupList.length) return { ok: false, problem: 'invalid' };
	const wifi = params.get('w') ?? '';
	if (wifi.length > MAX_WIFI_NAME_LENGTH) return { ok: false, problem: 'invalid' };
	const participation = readParticipation(params);
	if (participation === null) return { ok: false, problem: 'invalid' };
	const facilitatorKey = params.get('f');
	if (facilitatorKey !== null && !isPublicKeyText(facilitatorKey)) return { ok: false, problem: 'invalid' };
	const invite: Invite = { sessionId, room, secret, title, language, anonymous: params.get('a') === '1', groups };
	if (wifi.trim()) invite.wifi = wifi.trim();
	if (facilitatorKey) invite.facilitatorKey = facilitatorKey;
	// Counting activity by group needs an anonymous session (see participation.ts).
	if (participation) invite.participation = invite.anonymous ? participation : { ...participation, countBy: null };
	return { ok: true, invite };
}
