import { afterEach, describe, expect, it } from 'vitest';
import { db } from './db';
import { checkIceServers, checkSignalingUrl, readSetting, writeSetting } from './settings';

afterEach(async () => {
	await db().settings.clear();
});

describe('signaling server address', () => {
	it.each([
		['wss://signal.example.org/signal', true],
		['ws://192.168.1.20:5173/signal', true],
		['  wss://example.org  ', true],
		['https://example.org/signal', false],
		['wss://', false],
		['wss://user:pass@example.org', false],
		['wss://example.org/#x', false],
		['signal.example.org', false],
		['', false]
	])('%j is %s', (url, ok) => {
		expect(checkSignalingUrl(url).ok).toBe(ok);
	});
});

describe('ICE servers', () => {
	it.each([
		['', { ok: true, servers: [] }],
		['[]', { ok: true, servers: [] }],
		['[{"urls": "stun:stun.example.org:3478"}]', { ok: true, servers: [{ urls: 'stun:stun.example.org:3478' }] }],
		[
			'[{"urls": ["turn:t.example.org:3478?transport=udp", "turns:t.example.org:5349"], "username": "u", "credential": "p"}]',
			{
				ok: true,
				servers: [
					{
						urls: ['turn:t.example.org:3478?transport=udp', 'turns:t.example.org:5349'],
						username: 'u',
						credential: 'p'
					}
				]
			}
		],
		['[{"urls": "stun:a"', { ok: false, problem: { kind: 'not-json' } }],
		['{"urls": "stun:a"}', { ok: false, problem: { kind: 'not-list' } }],
		['[{"urls": "http://a"}]', { ok: false, problem: { kind: 'urls', index: 0 } }],
		['[{"urls": "stun:a"}, {"urls": []}]', { ok: false, problem: { kind: 'urls', index: 1 } }],
		['[{"urls": "turn:a:3478"}]', { ok: false, problem: { kind: 'credentials', index: 0 } }],
		[
			'[{"urls": "stun:a", "credentials": "x"}]',
			{ ok: false, problem: { kind: 'unknown-key', index: 0, key: 'credentials' } }
		],
		[JSON.stringify(Array(11).fill({ urls: 'stun:a' })), { ok: false, problem: { kind: 'too-many' } }]
	])('%s', (text, expected) => {
		expect(checkIceServers(text)).toEqual(expected);
	});
});

describe('stored settings', () => {
	it('falls back to the defaults: retention off, no signaling override, no ICE servers', async () => {
		expect(await readSetting('retentionDays')).toBeNull();
		expect(await readSetting('signalingUrl')).toBe('');
		expect(await readSetting('iceServers')).toEqual([]);
	});

	it('keeps valid values and ignores stored values that no longer parse', async () => {
		await writeSetting('retentionDays', 180);
		await writeSetting('signalingUrl', 'wss://example.org/signal');
		await writeSetting('iceServers', [{ urls: 'stun:example.org' }]);
		expect(await readSetting('retentionDays')).toBe(180);
		expect(await readSetting('signalingUrl')).toBe('wss://example.org/signal');
		expect(await readSetting('iceServers')).toEqual([{ urls: 'stun:example.org' }]);
		await db().settings.bulkPut([
			{ key: 'retentionDays', value: 45 },
			{ key: 'signalingUrl', value: 'http://example.org' },
			{ key: 'iceServers', value: [{ urls: 'turn:x' }] }
		]);
		expect(await readSetting('retentionDays')).toBeNull();
		expect(await readSetting('signalingUrl')).toBe('');
		expect(await readSetting('iceServers')).toEqual([]);
	});

	it('reads language and timer sound by their schemas too', async () => {
		await writeSetting('locale', 'sv');
		await writeSetting('timerSound', true);
		expect([await readSetting('locale'), await readSetting('timerSound')]).toEqual(['sv', true]);
		await db().settings.bulkPut([
			{ key: 'locale', value: 'de' },
			{ key: 'timerSound', value: 'yes' }
		]);
		expect([await readSetting('locale'), await readSetting('timerSound')]).toEqual([undefined, false]);
	});
});

describe('participant addresses and Wi-Fi name', () => {
	it('remember what the server offered and what the facilitator chose, for offline starts', async () => {
		expect(await readSetting('participantBases')).toEqual([]);
		expect(await readSetting('participantBase')).toBe('');
		expect(await readSetting('wifiName')).toBe('');
		const bases = [{ label: 'wlan0', url: 'http://192.168.1.20:8080/' }];
		await writeSetting('participantBases', bases);
		await writeSetting('participantBase', bases[0].url);
		await writeSetting('wifiName', 'Museo-Vieras');
		expect(await readSetting('participantBases')).toEqual(bases);
		expect(await readSetting('participantBase')).toBe(bases[0].url);
		expect(await readSetting('wifiName')).toBe('Museo-Vieras');
	});

	it('ignore stored values that do not parse', async () => {
		await db().settings.bulkPut([
			{ key: 'participantBases', value: [{ label: 'x', url: 'javascript:alert(1)' }] },
			{ key: 'participantBase', value: 42 },
			{ key: 'wifiName', value: 'x'.repeat(41) }
		]);
		expect(await readSetting('participantBases')).toEqual([]);
		expect(await readSetting('participantBase')).toBe('');
		expect(await readSetting('wifiName')).toBe('');
	});
});
