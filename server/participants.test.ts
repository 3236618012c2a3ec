import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress, normaliseAddress } from './client-address.ts';
import { lanAddresses } from './lan.ts';
import { normaliseParticipantUrl, participantBasesFor } from './participants.ts';

const wlan = { interfaceName: 'wlan0', address: '192.168.1.20' };
const eth = { interfaceName: 'eth0', address: '10.0.0.5' };
const ula = { interfaceName: 'wlan0', address: 'fd00::20' };

describe('participantBasesFor', () => {
	it.each([
		['no network', { lan: [], port: 8080, protocol: 'http' as const }, []],
		[
			'one entry per address, in order',
			{ lan: [wlan, eth, ula], port: 8080, protocol: 'http' as const },
			[
				{ label: 'wlan0', url: 'http://192.168.1.20:8080/' },
				{ label: 'eth0', url: 'http://10.0.0.5:8080/' },
				{ label: 'wlan0', url: 'http://[fd00::20]:8080/' }
			]
		],
		[
			'a configured URL first',
			{ lan: [wlan], port: 8080, protocol: 'http' as const, configured: 'http://kohtaamo.local:8080/' },
			[
				{ label: 'configured', url: 'http://kohtaamo.local:8080/' },
				{ label: 'wlan0', url: 'http://192.168.1.20:8080/' }
			]
		],
		[
			'HTTPS with a given certificate, default port left out',
			{ lan: [wlan], port: 443, protocol: 'https' as const, configured: 'https://workshop.museum.fi/' },
			[
				{ label: 'configured', url: 'https://workshop.museum.fi/' },
				{ label: 'wlan0', url: 'https://192.168.1.20/' }
			]
		],
		[
			'the listening port in place of {port}',
			{ lan: [], port: 41234, protocol: 'http' as const, configured: 'http://workshop.test:{port}/' },
			[{ label: 'configured', url: 'http://workshop.test:41234/' }]
		],
		[
			'no duplicate when the configured URL is a LAN address',
			{ lan: [wlan], port: 8080, protocol: 'http' as const, configured: 'http://192.168.1.20:8080/' },
			[{ label: 'configured', url: 'http://192.168.1.20:8080/' }]
		]
	])('%s', (_name, input, expected) => {
		expect(participantBasesFor(input)).toEqual(expected);
	});

	it.each([
		['http://kohtaamo.local:8080', 'http://kohtaamo.local:8080/'],
		['https://workshop.museum.fi/kohtaamo', 'https://workshop.museum.fi/kohtaamo/'],
		['HTTP://Example.LOCAL/', 'http://example.local/'],
		['http://workshop.test:{port}', 'http://workshop.test:{port}/']
	])('normalises %s', (text, url) => {
		expect(normaliseParticipantUrl(text)).toBe(url);
	});
});

describe('lanAddresses', () => {
	it('lists IPv4 first, then IPv6 other than link-local, and never loopback', () => {
		const info = (address: string, family: 'IPv4' | 'IPv6', internal = false) => ({
			address,
			family,
			internal,
			netmask: '',
			mac: '',
			cidr: null,
			...(family === 'IPv6' ? { scopeid: 0 } : {})
		});
		const found = lanAddresses({
			lo: [info('127.0.0.1', 'IPv4', true), info('::1', 'IPv6', true)],
			wlan0: [info('fe80::1', 'IPv6'), info('fd00::20', 'IPv6'), info('192.168.1.20', 'IPv4')],
			eth0: [info('10.0.0.5', 'IPv4')]
		} as unknown as Parameters<typeof lanAddresses>[0]);
		expect(found).toEqual([wlan, eth, ula]);
	});
});

describe('clientAddress', () => {
	const req = (remoteAddress: string, forwarded?: string) =>
		({
			socket: { remoteAddress },
			headers: forwarded ? { 'x-forwarded-for': forwarded } : {}
		}) as unknown as IncomingMessage;
	const proxy = new Set(['10.0.0.1']);

	it.each([
		['the TCP peer', req('192.168.1.20'), new Set<string>(), '192.168.1.20'],
		['an IPv4 peer on a dual-stack socket', req('::ffff:192.168.1.20'), new Set<string>(), '192.168.1.20'],
		['a header from an untrusted peer is ignored', req('192.168.1.20', '1.2.3.4'), proxy, '192.168.1.20'],
		['the last hop a trusted proxy saw', req('10.0.0.1', '6.6.6.6, 192.168.1.21'), proxy, '192.168.1.21'],
		['proxies in a chain are skipped', req('10.0.0.1', '192.168.1.22, 10.0.0.1'), proxy, '192.168.1.22'],
		['a garbled header falls back to the proxy', req('10.0.0.1', 'not-an-address'), proxy, '10.0.0.1'],
		['no header from the proxy: the proxy itself', req('10.0.0.1'), proxy, '10.0.0.1']
	])('%s', (_name, request, trusted, expected) => {
		expect(clientAddress(request, trusted)).toBe(expected);
	});

	it('normalises a missing address', () => {
		expect(normaliseAddress(undefined)).toBe('unknown');
	});
});
