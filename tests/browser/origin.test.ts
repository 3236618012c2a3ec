/**
 * Nothing leaves the workshop server's origin during a full workshop: a facilitator plans, runs,
 * takes notes with a participant on a phone and exports the PDF summary, and every request either
 * device makes (pages, scripts, fonts, the service worker's, WebSockets) goes to the origin that
 * device loaded the app from. Every HTML page carries the server's CSP header, whose connect-src
 * keeps connections on that origin.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { addNote, expectConnected, join, noteTexts, planSession, startRun } from './support/workshop.ts';

interface Traffic {
	/** Every URL requested, WebSockets included. */
	urls: string[];
	/** Each HTML response's URL and CSP header. */
	pages: { url: string; csp: string | undefined }[];
}

function record(context: BrowserContext, page: Page): Traffic {
	const traffic: Traffic = { urls: [], pages: [] };
	context.on('request', (request) => traffic.urls.push(request.url()));
	page.on('websocket', (socket) => traffic.urls.push(socket.url()));
	context.on('response', async (response) => {
		const headers = await response.allHeaders().catch(() => ({}) as Record<string, string>);
		if ((headers['content-type'] ?? '').startsWith('text/html'))
			traffic.pages.push({ url: response.url(), csp: headers['content-security-policy'] });
	});
	return traffic;
}

/** URLs that are not on `origin` (ws:/wss: on its host count as its own; data: and blob: stay in the page). */
function elsewhere(urls: string[], origin: string): string[] {
	const { host } = new URL(origin);
	return urls.filter((url) => {
		if (url.startsWith('data:') || url.startsWith('blob:')) return false;
		const parsed = new URL(url);
		if (parsed.protocol === 'ws:' || parsed.protocol === 'wss:') return parsed.host !== host;
		return parsed.origin !== new URL(origin).origin;
	});
}

test.describe('origin', () => {
	test.describe.configure({ timeout: 300_000 });

	test('no request leaves the app’s origin during a full workshop, and every HTML page has the CSP header', async ({
		devices,
		server
	}) => {
		const facilitator = await devices.open();
		const phone = await devices.open({ viewport: { width: 390, height: 844 } });
		const tablet = record(facilitator.context, facilitator.page);
		const mobile = record(phone.context, phone.page);

		const id = await planSession(facilitator.page, server.url, {
			title: 'Origin check',
			methods: ['Dot voting']
		});
		const link = await startRun(facilitator.page, server.url, id);
		await join(phone, link, 'Phone');
		await expectConnected(facilitator.page, 1);
		await addNote(facilitator.page, 'Kahvila aulaan');
		await addNote(phone.page, '博物馆 🎨 Lapsille oma nurkka');
		for (const device of [facilitator, phone])
			await expect
				.poll(() => noteTexts(device), { timeout: 60_000 })
				.toEqual(['Kahvila aulaan', '博物馆 🎨 Lapsille oma nurkka'].sort());
		// The summary needs the CJK and emoji fonts: fetched then, from the same origin.
		const [download] = await Promise.all([
			facilitator.page.waitForEvent('download'),
			facilitator.page.getByRole('button', { name: 'PDF summary' }).click()
		]);
		expect(await download.failure()).toBeNull();
		await facilitator.page.getByRole('link', { name: 'Settings' }).first().click();
		await expect(facilitator.page.getByRole('heading', { level: 1 })).toHaveText('Settings on this device');

		expect(tablet.urls.some((url) => url.includes('/signal'))).toBe(true);
		expect(tablet.urls.some((url) => /\.ttf|font/i.test(url))).toBe(true);
		expect(elsewhere(tablet.urls, server.url)).toEqual([]);
		expect(elsewhere(mobile.urls, link)).toEqual([]);
		for (const traffic of [tablet, mobile]) {
			expect(traffic.pages.length).toBeGreaterThan(0);
			for (const page of traffic.pages) expect(page.csp, page.url).toMatch(/(^|; )connect-src 'self' data: blob:(;|$)/);
		}
	});
});
