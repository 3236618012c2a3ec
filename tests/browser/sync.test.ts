import { randomBytes } from 'node:crypto';
import { expect, test } from './support/fixtures.ts';
import { joinRoom, roomOfLink } from './support/room.ts';
import { startServer } from './support/server.ts';
import { addNote, expectConnected, join, noteTexts, planSession, startRun } from './support/workshop.ts';

test.describe('sync on real museum networks', () => {
	test.describe.configure({ timeout: 180_000 });

	test('a device with no RTCPeerConnection syncs with two normal ones through the relay, both ways, and the relay carries no plaintext', async ({
		devices,
		server
	}) => {
		const facilitator = await devices.open();
		const aino = await devices.open({ locale: 'fi-FI', viewport: { width: 390, height: 800 } });
		const isolated = await devices.open({ viewport: { width: 390, height: 800 }, webRtc: false });
		const all = [facilitator, aino, isolated];
		const id = await planSession(facilitator.page, server.url, {
			title: 'Guest Wi-Fi workshop title',
			methods: ['Dot voting']
		});
		const link = await startRun(facilitator.page, server.url, id);
		// Everything the server relays for this room, as a stranger who knows the room name hears it.
		const listener = await joinRoom(server.url, roomOfLink(link));
		// Long, distinctive names: a short one could turn up by chance in base64 ciphertext.
		await join(aino, link, 'Aino-Nimimerkki');
		await join(isolated, link, 'Isolated-Nickname');
		for (const device of all) await expectConnected(device.page, 2);
		await expect(isolated.page.locator('[data-connection]')).toHaveText('Connected to 2 devices through the server');
		await expect(facilitator.page.locator('[data-connection]')).toHaveText(
			'Connected to 2 devices: 1 directly, 1 through the server'
		);

		const secretWords = ['Salainen-kahvila-ehdotus-4711', 'Isolated-device-idea-0815', 'Fasilitaattorin-huomio-2024'];
		await addNote(aino.page, secretWords[0]);
		await addNote(isolated.page, secretWords[1]);
		await addNote(facilitator.page, secretWords[2]);
		for (const device of all)
			await expect.poll(() => noteTexts(device), { timeout: 30_000 }).toEqual([...secretWords].sort());

		// The server saw traffic for the room, and none of it contains a note, even decoded.
		expect(listener.frames.length).toBeGreaterThan(5);
		const everything = listener.frames.join('\n');
		const decoded = [...everything.matchAll(/[A-Za-z0-9+/_-]{24,}={0,2}/g)]
			.map((m) => Buffer.from(m[0], 'base64').toString('latin1'))
			.join('\n');
		for (const word of [...secretWords, 'Aino-Nimimerkki', 'Isolated-Nickname', 'Guest Wi-Fi workshop title']) {
			expect(everything).not.toContain(word);
			expect(decoded).not.toContain(word);
		}
		listener.close();
	});

	test('a peer injecting garbage does not disturb the others', async ({ devices, server }) => {
		const facilitator = await devices.open();
		const aino = await devices.open({ viewport: { width: 390, height: 800 } });
		const relayOnly = await devices.open({ viewport: { width: 390, height: 800 }, webRtc: false });
		const all = [facilitator, aino, relayOnly];
		const id = await planSession(facilitator.page, server.url, { title: 'Hostile peer', methods: ['Dot voting'] });
		const link = await startRun(facilitator.page, server.url, id);
		await join(aino, link, 'Aino');
		await join(relayOnly, link, 'Relay');
		for (const device of all) await expectConnected(device.page, 2);

		const attacker = await joinRoom(server.url, roomOfLink(link));
		const b64 = (n: number) => randomBytes(n).toString('base64');
		const junk: unknown[] = [
			'garbage',
			12,
			null,
			[1, 2, 3],
			{ v: 1 },
			{ v: 1, from: 'x', c: '!!!not base64!!!' },
			{ v: 1, from: b64(12), c: b64(200) },
			{ v: 1, from: b64(12), to: b64(12), seq: 1, c: b64(5000) },
			{ v: 2, from: b64(12), c: b64(64) },
			{ v: 1, from: b64(12), c: b64(150_000) },
			{ v: 1, from: b64(12), seq: -5, c: b64(32) },
			{ type: 'announce', peerId: 'evil', canDirect: true },
			{ v: 1, from: b64(12), c: 'A'.repeat(100_000) }
		];
		for (let round = 0; round < 20; round++) for (const data of junk) attacker.publish(data);
		attacker.sendRaw('{not json');
		attacker.sendRaw(Buffer.from([1, 2, 3, 4]));

		// Everyone keeps working: notes from each device reach all others.
		await addNote(aino.page, 'After the garbage, from Aino');
		await addNote(relayOnly.page, 'After the garbage, through the relay');
		await addNote(facilitator.page, 'After the garbage, from the tablet');
		const expected = [
			'After the garbage, from Aino',
			'After the garbage, from the tablet',
			'After the garbage, through the relay'
		];
		for (const device of all) await expect.poll(() => noteTexts(device), { timeout: 30_000 }).toEqual(expected);
		for (const device of all) {
			expect(device.errors).toEqual([]);
			await expect(device.page.locator('[data-connection]')).toContainText('2');
		}
		attacker.close();
	});

	test('the server restarts mid-session and every device converges afterwards with nothing lost', async ({
		devices
	}) => {
		const server = await startServer();
		try {
			const facilitator = await devices.open();
			const aino = await devices.open({ viewport: { width: 390, height: 800 }, webRtc: false });
			const bo = await devices.open({ viewport: { width: 390, height: 800 } });
			const all = [facilitator, aino, bo];
			const id = await planSession(facilitator.page, server.url, { title: 'Restart', methods: ['Dot voting'] });
			const link = await startRun(facilitator.page, server.url, id);
			await join(aino, link, 'Aino');
			await join(bo, link, 'Bo');
			for (const device of all) await expectConnected(device.page, 2);
			await addNote(aino.page, 'Before the restart');

			await server.stop();
			await expect(aino.page.locator('[data-connection]')).toHaveAttribute('data-connection', 'offline', {
				timeout: 30_000
			});
			// While the server is down, everyone keeps writing.
			await addNote(aino.page, 'While the server was down (relay device)');
			await addNote(bo.page, 'While the server was down (phone)');
			await addNote(facilitator.page, 'While the server was down (tablet)');

			await server.restart();
			const expected = [
				'Before the restart',
				'While the server was down (phone)',
				'While the server was down (relay device)',
				'While the server was down (tablet)'
			];
			for (const device of all) await expect.poll(() => noteTexts(device), { timeout: 60_000 }).toEqual(expected);
			for (const device of all) await expectConnected(device.page, 2);
		} finally {
			await server.stop();
		}
	});

	test('a device offline for a while, editing, rejoins and converges without duplicates', async ({
		devices,
		server
	}) => {
		const facilitator = await devices.open();
		// Relay only, so that going offline cuts it off completely (no data channel survives).
		const traveller = await devices.open({ viewport: { width: 390, height: 800 }, webRtc: false });
		const all = [facilitator, traveller];
		const id = await planSession(facilitator.page, server.url, { title: 'Offline', methods: ['Dot voting'] });
		const link = await startRun(facilitator.page, server.url, id);
		await join(traveller, link, 'Tiina');
		for (const device of all) await expectConnected(device.page, 1);
		await addNote(traveller.page, 'Online at first');
		await expect.poll(() => noteTexts(facilitator)).toEqual(['Online at first']);

		await traveller.context.setOffline(true);
		await expect(traveller.page.locator('[data-connection]')).toHaveAttribute('data-connection', 'offline', {
			timeout: 45_000
		});
		await expect(traveller.page.locator('[data-connection]')).toContainText(
			'Offline: your changes are saved on this device'
		);
		await addNote(traveller.page, 'Written offline 1');
		await addNote(traveller.page, 'Written offline 2');
		await addNote(facilitator.page, 'Written meanwhile on the tablet');
		// Nothing crossed while offline.
		expect(await noteTexts(facilitator)).toEqual(['Online at first', 'Written meanwhile on the tablet']);

		await traveller.context.setOffline(false);
		const expected = ['Online at first', 'Written meanwhile on the tablet', 'Written offline 1', 'Written offline 2'];
		for (const device of all) await expect.poll(() => noteTexts(device), { timeout: 60_000 }).toEqual(expected);
		// A reload on the traveller shows the same: nothing duplicated or lost in storage either.
		await traveller.page.reload();
		await expect.poll(() => noteTexts(traveller)).toEqual(expected);
	});
});
