import { afterEach, describe, expect, it } from 'vitest';
import { db } from '$lib/storage/db';
import { readSetting, writeSetting } from '$lib/storage/settings';
import { ParticipantAddress } from './participant-address.svelte';

const wlan = { label: 'wlan0', url: 'http://192.168.1.20:8080/' };
const eth = { label: 'eth0', url: 'http://10.0.0.5:8080/' };

const answering =
	(body: unknown, status = 200): typeof fetch =>
	async () =>
		new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const offline: typeof fetch = async () => {
	throw new TypeError('Failed to fetch');
};

afterEach(async () => {
	await db().settings.clear();
});

describe('ParticipantAddress', () => {
	it('uses the server’s first address, not the facilitator’s localhost, and remembers the list', async () => {
		const address = new ParticipantAddress(
			'http://localhost:8080/',
			answering({ version: 1, participantBases: [wlan, eth] })
		);
		expect(address.url).toBe('http://localhost:8080/');
		expect(address.reachable).toBe(false);
		await address.load();
		expect(address.source).toBe('server');
		expect(address.url).toBe(wlan.url);
		expect(address.reachable).toBe(true);
		expect(await readSetting('participantBases')).toEqual([wlan, eth]);
	});

	it('asks the endpoint beside the app root (a base path keeps working)', async () => {
		const asked: string[] = [];
		const address = new ParticipantAddress('https://museo.example/kohtaamo/', async (input) => {
			asked.push(String(input));
			return new Response('{}', { status: 404 });
		});
		await address.load();
		expect(asked).toEqual(['https://museo.example/kohtaamo/kohtaamo-server.json']);
		expect(address.source).toBe('page');
		expect(address.url).toBe('https://museo.example/kohtaamo/');
		expect(address.reachable).toBe(true);
	});

	it('keeps the facilitator’s choice among several networks, across a restart', async () => {
		const server = answering({ version: 1, participantBases: [wlan, eth] });
		const first = new ParticipantAddress('http://localhost:8080/', server);
		await first.load();
		await first.choose(eth.url);
		expect(first.url).toBe(eth.url);
		const again = new ParticipantAddress('http://localhost:8080/', server);
		await again.load();
		expect(again.url).toBe(eth.url);
	});

	it('refuses to choose an address the server did not offer', async () => {
		const address = new ParticipantAddress(
			'http://localhost:8080/',
			answering({ version: 1, participantBases: [wlan] })
		);
		await address.load();
		await address.choose('http://evil.example/');
		expect(address.url).toBe(wlan.url);
		expect(await readSetting('participantBase')).toBe('');
	});

	it('starts offline with the addresses the server gave last time', async () => {
		await writeSetting('participantBases', [wlan, eth]);
		await writeSetting('participantBase', eth.url);
		const address = new ParticipantAddress('https://192.168.1.20:8080/', offline);
		await address.load();
		expect(address.source).toBe('remembered');
		expect(address.url).toBe(eth.url);
	});

	it.each([
		['a broken answer', answering('<html>not json</html>')],
		['a server error', answering({ version: 1, participantBases: [wlan] }, 500)],
		['an answer of another version', answering({ version: 9, participantBases: [wlan] })],
		['a hostile address', answering({ version: 1, participantBases: [{ label: 'x', url: 'javascript:alert(1)' }] })]
	])('ignores %s and changes nothing stored', async (_case, server) => {
		await writeSetting('participantBases', [eth]);
		const address = new ParticipantAddress('http://localhost:8080/', server);
		await address.load();
		expect(address.url).toBe(eth.url);
		expect(await readSetting('participantBases')).toEqual([eth]);
	});
});
