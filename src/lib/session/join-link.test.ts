import { describe, expect, it } from 'vitest';
import { inEveryLanguage } from '../i18n/translate';
import { JOIN_LINK_VERSION, joinLink, parseJoinFragment, type Invite } from './join-link';
import { generateStoredKey } from './keys/signing';

const invite: Invite = {
	sessionId: '3f2b9c1e-8a4d-4c7e-9b1a-0d6e5f4a3b2c',
	room: 'Q2xhcmFfbXVzZXVtX3Jvb20',
	secret: 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0',
	title: 'Lähimuseo & yhdistykset: kevät',
	language: 'fi',
	anonymous: true,
	groups: ['visitors', 'community']
};

describe('join links', () => {
	it('carry the room and secret only in the fragment, and parse back', () => {
		const link = joinLink('https://192.168.1.20:8080/', invite);
		const url = new URL(link);
		expect(url.pathname).toBe('/join');
		expect(url.search).toBe('');
		expect(url.href.split('#')[0]).not.toContain(invite.secret);
		expect(parseJoinFragment(url.hash)).toEqual({ ok: true, invite });
	});

	it('carries the Wi-Fi name when there is one, and an old link without it still parses', () => {
		const withWifi = { ...invite, wifi: 'Museo-Vieras 2.4 & "työpaja"' };
		const link = joinLink('http://192.168.1.20:8080/', withWifi);
		expect(parseJoinFragment(new URL(link).hash)).toEqual({ ok: true, invite: withWifi });
		expect(parseJoinFragment(new URL(joinLink('http://192.168.1.20:8080/', invite)).hash)).toEqual({
			ok: true,
			invite
		});
		const tooLong = new URL(link).hash + 'x'.repeat(41);
		expect(parseJoinFragment(tooLong.replace(/w=[^&]*/, `w=${'x'.repeat(41)}`))).toEqual({
			ok: false,
			problem: 'invalid'
		});
	});

	it('works under a base path', () => {
		expect(new URL(joinLink('https://example.org/kohtaamo', invite)).pathname).toBe('/kohtaamo/join');
	});

	it.each([
		['', 'missing'],
		['#v=1&s=3f2b9c1e-8a4d-4c7e-9b1a-0d6e5f4a3b2c&r=Q2xhcmFfbXVzZXVtX3Jvb20', 'missing'],
		[
			'#v=0&s=3f2b9c1e-8a4d-4c7e-9b1a-0d6e5f4a3b2c&r=Q2xhcmFfbXVzZXVtX3Jvb20&k=c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0',
			'outdated'
		],
		[
			'#v=2&s=3f2b9c1e-8a4d-4c7e-9b1a-0d6e5f4a3b2c&r=Q2xhcmFfbXVzZXVtX3Jvb20&k=c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0',
			'outdated'
		],
		['#v=1&s=not-a-session&r=Q2xhcmFfbXVzZXVtX3Jvb20&k=c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0', 'invalid'],
		['#v=1&s=3f2b9c1e-8a4d-4c7e-9b1a-0d6e5f4a3b2c&r=short&k=c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0', 'invalid'],
		['#v=1&s=3f2b9c1e-8a4d-4c7e-9b1a-0d6e5f4a3b2c&r=Q2xhcmFfbXVzZXVtX3Jvb20&k=<script>alert(1)</script>', 'invalid'],
		[
			'#v=1&s=3f2b9c1e-8a4d-4c7e-9b1a-0d6e5f4a3b2c&r=Q2xhcmFfbXVzZXVtX3Jvb20&k=c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0&l=de',
			'invalid'
		]
	])('%s → %s', (hash, problem) => {
		expect(parseJoinFragment(hash)).toEqual({ ok: false, problem });
	});
});

// The join link's part of the compatibility policy (board README, "Compatibility").
describe('join links across versions', () => {
	it('an old printed poster keeps working: a version 1 link, written out by hand as printed', () => {
		const poster =
			'https://192.168.1.20:8080/join#v=1&s=3f2b9c1e-8a4d-4c7e-9b1a-0d6e5f4a3b2c&r=Q2xhcmFfbXVzZXVtX3Jvb20' +
			'&k=c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0&l=sv&a=0&g=visitors&t=Sommarkv%C3%A4ll';
		const parsed = parseJoinFragment(new URL(poster).hash);
		expect(parsed).toEqual({
			ok: true,
			invite: {
				sessionId: '3f2b9c1e-8a4d-4c7e-9b1a-0d6e5f4a3b2c',
				room: 'Q2xhcmFfbXVzZXVtX3Jvb20',
				secret: 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0',
				title: 'Sommarkväll',
				language: 'sv',
				anonymous: false,
				groups: ['visitors']
			}
		});
	});

	it('a link from a newer app, opened in an older one, asks to update the app in every language', () => {
		const newer = joinLink('https://example.org/', invite).replace(
			`v=${JOIN_LINK_VERSION}`,
			`v=${JOIN_LINK_VERSION + 1}`
		);
		expect(parseJoinFragment(new URL(newer).hash)).toEqual({ ok: false, problem: 'outdated' });
		const message = inEveryLanguage('join.broken.outdated');
		expect(message.en).toMatch(/update the app/);
		expect(message.fi).toMatch(/päivitä sovellus/i);
		expect(message.sv).toMatch(/uppdatera appen/);
	});
});

describe('the facilitator key in the join link', () => {
	const plain: Invite = {
		sessionId: '0b6f3c5e-7a1d-4d2b-9c3e-2f1a0b9c8d7e',
		room: 'abcdefghijklmnopqrstuv',
		secret: 'abcdefghijklmnopqrstuvwxyz012345',
		title: 'Avain',
		language: 'fi' as const,
		anonymous: true,
		groups: []
	};

	it('carries the key to participants and leaves links without one as they were', async () => {
		const { publicKey } = await generateStoredKey();
		const parsed = parseJoinFragment(
			new URL(joinLink('https://k.test/', { ...plain, facilitatorKey: publicKey })).hash
		);
		expect(parsed.ok && parsed.invite.facilitatorKey).toBe(publicKey);
		const without = parseJoinFragment(new URL(joinLink('https://k.test/', plain)).hash);
		expect(without.ok && without.invite.facilitatorKey).toBeUndefined();
	});

	it.each(['short', `BA${'A'.repeat(84)}!`, `AA${'A'.repeat(85)}`])('refuses a malformed key %s', (key) => {
		const link = joinLink('https://k.test/', plain).replace('#', `#f=${key}&`);
		expect(parseJoinFragment(new URL(link).hash)).toEqual({ ok: false, problem: 'invalid' });
	});
});
