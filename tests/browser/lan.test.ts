/**
 * The path a real workshop takes: the facilitator opens the app on the laptop itself (localhost, a
 * secure context) and shows the QR code; phones open that code's address on the LAN over plain
 * HTTP — not a secure context, so no crypto.subtle, no crypto.randomUUID, no service worker. Chromium
 * resolves workshop.test to 127.0.0.1 (playwright.config.ts), which reproduces exactly that on loopback.
 */
import { expect, test } from './support/fixtures.ts';
import { joinRoom, roomOfLink } from './support/room.ts';
import { freePort, startServer, type RunningServer } from './support/server.ts';
import { addNote, expectConnected, join, noteTexts, planSession, scanQr, startRun } from './support/workshop.ts';

let lan: RunningServer;
let lanUrl: string;

test.beforeAll(async () => {
	const port = await freePort();
	lanUrl = `http://workshop.test:${port}/`;
	// What the server would list for a laptop whose Wi-Fi address is "workshop.test".
	lan = await startServer(['--participant-url', lanUrl], { port });
});
test.afterAll(async () => {
	await lan.stop();
});

test.describe('a phone on the LAN over plain HTTP', () => {
	test.describe.configure({ timeout: 180_000 });

	for (const transport of ['direct', 'relay'] as const) {
		test(`joins through the QR code of a facilitator on localhost and syncs ${transport === 'direct' ? 'directly' : 'through the relay'}`, async ({
			devices
		}) => {
			const facilitator = await devices.open();
			const phone = await devices.open({
				viewport: { width: 390, height: 800 },
				touch: true,
				webRtc: transport === 'direct'
			});
			const id = await planSession(facilitator.page, lan.url, {
				title: 'Gallery LAN workshop',
				methods: ['Dot voting']
			});
			const shown = await startRun(facilitator.page, lan.url, id);
			// The QR code points phones at the server's LAN address, not at the facilitator's localhost.
			const link = await scanQr(facilitator.page);
			expect(link).toBe(shown);
			expect(link.startsWith(`${lanUrl}join#`)).toBe(true);
			await expect(facilitator.page.getByTestId('address-unreachable')).toHaveCount(0);
			const listener = await joinRoom(lan.url, roomOfLink(link));

			await join(phone, link, 'Puhelin-Nimimerkki');
			// Really an insecure context, as on a phone: the page had to do without WebCrypto.
			expect(
				await phone.page.evaluate(() => ({
					secure: window.isSecureContext,
					subtle: typeof crypto.subtle,
					uuid: typeof crypto.randomUUID
				}))
			).toEqual({ secure: false, subtle: 'undefined', uuid: 'undefined' });
			// No warning on the phone: the facilitator's notice stays on the facilitator's pages.
			await expect(phone.page.getByRole('heading', { name: 'Offline mode is off at this address' })).toHaveCount(0);

			await expectConnected(phone.page, 1);
			await expectConnected(facilitator.page, 1);
			const expected = transport === 'direct' ? /Connected to 1 device$/ : /Connected to 1 device through the server/;
			await expect(phone.page.locator('[data-connection]')).toHaveText(expected);
			await expect(facilitator.page.getByTestId(transport === 'direct' ? 'links-direct' : 'links-relayed')).toHaveText(
				'1'
			);

			const words = ['Lähiverkon-puhelin-idea-5521', 'Laptopin-ohjaaja-huomio-9034'];
			await addNote(phone.page, words[0]);
			await addNote(facilitator.page, words[1]);
			for (const device of [facilitator, phone])
				await expect.poll(() => noteTexts(device), { timeout: 30_000 }).toEqual([...words].sort());
			expect(phone.errors).toEqual([]);

			// Whatever crossed the server for this room, none of it is readable, even decoded.
			const everything = listener.frames.join('\n');
			if (transport === 'relay') expect(listener.frames.length).toBeGreaterThan(5);
			const decoded = [...everything.matchAll(/[A-Za-z0-9+/_-]{24,}={0,2}/g)]
				.map((m) => Buffer.from(m[0], 'base64').toString('latin1'))
				.join('\n');
			for (const word of [...words, 'Puhelin-Nimimerkki', 'Gallery LAN workshop']) {
				expect(everything).not.toContain(word);
				expect(decoded).not.toContain(word);
			}
			listener.close();
		});
	}

	test('the join page says in one calm line that the phone cannot work offline', async ({ devices }) => {
		const facilitator = await devices.open();
		const phone = await devices.open({ viewport: { width: 390, height: 800 } });
		const id = await planSession(facilitator.page, lan.url, { title: 'Calm line', methods: ['Dot voting'] });
		await startRun(facilitator.page, lan.url, id);
		await facilitator.page.getByLabel('Wi-Fi network participants join (optional)').fill('Museo-Vieras');
		await facilitator.page.getByLabel('Wi-Fi network participants join (optional)').blur();
		// The code is drawn again for the new link; a camera reads whatever is on screen now.
		const wifiOf = (link: string) => new URLSearchParams(new URL(link).hash.slice(1)).get('w');
		await expect.poll(async () => wifiOf(await scanQr(facilitator.page))).toBe('Museo-Vieras');
		const link = await scanQr(facilitator.page);
		await phone.page.goto(link);
		await expect(phone.page.getByTestId('insecure-line')).toHaveText(
			'This phone stays connected to the workshop; it cannot work offline.'
		);
		await expect(phone.page.getByText('Wi-Fi network: Museo-Vieras')).toBeVisible();
		await expect(phone.page.getByRole('alert')).toHaveCount(0);
	});
});

test('a phone that cannot reach the workshop says which Wi-Fi to stay on, and recovers by itself', async ({
	devices
}) => {
	test.setTimeout(180_000);
	const port = await freePort();
	const own = await startServer(['--participant-url', `http://workshop.test:${port}/`], { port });
	try {
		const facilitator = await devices.open();
		// Relay only: when the server is gone, nothing else carries the workshop.
		const phone = await devices.open({ viewport: { width: 390, height: 800 }, webRtc: false });
		const id = await planSession(facilitator.page, own.url, { title: 'Hotspot workshop', methods: ['Dot voting'] });
		await startRun(facilitator.page, own.url, id);
		const wifi = facilitator.page.getByLabel('Wi-Fi network participants join (optional)');
		await wifi.fill('Kohtaamo-hotspot');
		await wifi.blur();
		await expect.poll(async () => (await scanQr(facilitator.page)).includes('w=Kohtaamo-hotspot')).toBe(true);
		await join(phone, await scanQr(facilitator.page), 'Pia');
		await expectConnected(phone.page, 1);
		const help = phone.page.locator('.network-help');
		await expect(help).toHaveText('');

		await own.stop();
		await expect(help).toHaveText(
			'Your phone cannot reach the workshop. Stay on the Wi-Fi network Kohtaamo-hotspot. Your phone may have switched to mobile data. It reconnects by itself.',
			{ timeout: 30_000 }
		);
		await own.restart();
		await expectConnected(phone.page, 1);
		await expect(help).toHaveText('', { timeout: 30_000 });
	} finally {
		await own.stop();
	}
});
