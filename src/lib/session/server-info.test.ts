import { describe, expect, it } from 'vitest';
import { chooseParticipantBase, isLoopbackUrl, parseServerInfo } from './server-info.ts';

const lan = { label: 'wlan0', url: 'http://192.168.1.20:8080/' };
const eth = { label: 'eth0', url: 'http://10.0.0.5:8080' };

describe('server info', () => {
	it('reads a version 1 answer and puts a trailing slash on every base', () => {
		expect(parseServerInfo({ version: 1, participantBases: [lan, eth], given: false })).toEqual({
			version: 1,
			participantBases: [lan, { label: 'eth0', url: 'http://10.0.0.5:8080/' }],
			given: false
		});
		expect(parseServerInfo({ version: 1, participantBases: [] })?.given).toBe(false);
	});

	it.each([
		['not an object', 'hello'],
		['another version', { version: 2, participantBases: [lan] }],
		['a javascript: address', { version: 1, participantBases: [{ label: 'x', url: 'javascript:alert(1)' }] }],
		['credentials in the address', { version: 1, participantBases: [{ label: 'x', url: 'http://a:b@10.0.0.1/' }] }],
		['a fragment', { version: 1, participantBases: [{ label: 'x', url: 'http://10.0.0.1/#k=1' }] }],
		['too many bases', { version: 1, participantBases: Array.from({ length: 17 }, () => lan) }],
		['an over-long label', { version: 1, participantBases: [{ label: 'x'.repeat(61), url: lan.url }] }]
	])('refuses %s', (_case, value) => {
		expect(parseServerInfo(value)).toBeNull();
	});

	it.each([
		['http://localhost:8080/', true],
		['http://127.0.0.1:8080/', true],
		['http://[::1]:8080/', true],
		['http://app.localhost/', true],
		['http://192.168.1.20:8080/', false],
		['https://workshop.museum.fi/', false],
		['not a url', false]
	])('%s is loopback: %s', (url, expected) => {
		expect(isLoopbackUrl(url)).toBe(expected);
	});

	it.each([
		['the remembered base while offered', [lan, eth], eth.url, 'http://localhost:8080/', eth.url, true],
		['the first base when the remembered one is gone', [lan], eth.url, 'http://localhost:8080/', lan.url, true],
		[
			'the page itself without a server answer',
			[],
			undefined,
			'https://kohtaamo.example.org/',
			'https://kohtaamo.example.org/',
			true
		],
		['the page, flagged, when it is loopback', [], undefined, 'http://localhost:8080/', 'http://localhost:8080/', false]
	])('chooses %s', (_case, offered, remembered, page, url, reachable) => {
		expect(chooseParticipantBase(offered, remembered, page)).toEqual({ url, reachable });
	});
});
