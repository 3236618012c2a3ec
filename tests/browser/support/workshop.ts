/**
 * Browser-test helpers that drive the real UI: a facilitator plans a session and runs it,
 * participants join it in their own browser contexts (separate contexts, so devices talk over
 * WebRTC or the relay, never BroadcastChannel).
 */
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

export interface Device {
	context: BrowserContext;
	page: Page;
	/** Page errors and console errors seen so far. */
	errors: string[];
}

export interface DeviceOptions {
	locale?: string;
	viewport?: { width: number; height: number };
	/** How far this device's clock is ahead (positive) or behind (negative), in milliseconds. */
	clockOffsetMs?: number;
	/** Whether the browser has WebRTC (default true). Without it the device can only sync through the server. */
	webRtc?: boolean;
	/** A touch screen, as on a tablet or phone (default false). */
	touch?: boolean;
}

export async function openDevice(browser: Browser, options: DeviceOptions = {}): Promise<Device> {
	const context = await browser.newContext({
		locale: options.locale ?? 'en-GB',
		viewport: options.viewport ?? { width: 1280, height: 900 },
		hasTouch: options.touch ?? false
	});
	if (options.webRtc === false) {
		// A browser with no WebRTC at all, or one on an isolated guest Wi-Fi where peers cannot reach
		// each other directly: the device can only sync through the server's relay.
		await context.addInitScript(() => {
			for (const name of ['RTCPeerConnection', 'webkitRTCPeerConnection', 'RTCDataChannel']) {
				Object.defineProperty(window, name, { value: undefined, configurable: true, writable: true });
			}
		});
	}
	if (options.clockOffsetMs) {
		// A device whose clock is wrong by a fixed amount: Date and Date.now run ahead or behind.
		await context.addInitScript((offset: number) => {
			const RealDate = Date;
			const realNow = RealDate.now.bind(RealDate);
			class ShiftedDate extends RealDate {
				constructor(...args: ConstructorParameters<typeof Date> | []) {
					if (args.length === 0) super(realNow() + offset);
					else super(...(args as ConstructorParameters<typeof Date>));
				}
				static now() {
					return realNow() + offset;
				}
			}
			globalThis.Date = ShiftedDate as DateConstructor;
		}, options.clockOffsetMs);
	}
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	page.on('dialog', (dialog) => void dialog.accept());
	return { context, page, errors };
}

/** Creates a session with the given library methods (by their English names) and returns its id. */
export async function planSession(
	page: Page,
	baseUrl: string,
	options: { title: string; methods: string[]; anonymous?: boolean }
): Promise<string> {
	await page.goto(baseUrl);
	await page.getByRole('button', { name: '+ New workshop' }).first().click();
	await page.waitForURL(/\/sessions\/[0-9a-f-]+$/);
	await page.getByLabel('Workshop title').fill(options.title);
	if (options.anonymous) await page.getByLabel('Notes without names (anonymous workshop)').check();
	for (const method of options.methods) {
		await page.getByRole('button', { name: '+ Add a method' }).click();
		await page.getByLabel('Search for a method').fill(method);
		await page
			.getByRole('dialog')
			.getByRole('button', { name: `Add “${method}”`, exact: true })
			.click();
	}
	await expect(page.locator('.agenda li[data-item]')).toHaveCount(options.methods.length);
	return page.url().split('/').pop()!;
}

/** Opens run mode and returns the join link shown to participants. */
export async function startRun(page: Page, baseUrl: string, sessionId: string): Promise<string> {
	await page.goto(`${baseUrl}/sessions/${sessionId}/run`);
	await expect(page.getByRole('heading', { level: 2, name: /./ }).first()).toBeVisible();
	const link = await page.getByLabel('Join link').inputValue();
	expect(link).toContain('/join#');
	return link;
}

/** Reads the join link from the QR code on the facilitator's screen, as a phone camera would. */
export async function scanQr(page: Page): Promise<string> {
	const qr = page.locator('img.join-qr');
	await expect(qr).toBeVisible();
	const png = PNG.sync.read(await qr.screenshot());
	const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
	if (!code) throw new Error('no QR code found on the facilitator’s screen');
	return code.data;
}

export async function join(device: Device, link: string, nickname?: string): Promise<void> {
	const { page } = device;
	await page.goto(link);
	const joinButton = page.getByRole('button', { name: /^(Join|Liity|Anslut)$/ });
	await expect(joinButton).toBeVisible();
	const nicknameField = page.getByLabel(/Nickname|Nimimerkki|Smeknamn/);
	if (nickname !== undefined && (await nicknameField.count()) > 0) await nicknameField.fill(nickname);
	await joinButton.click();
	await page.waitForURL(/\/participate\//);
}

/** Waits until the page shows a connection to at least `count` other devices. */
export async function expectConnected(page: Page, count = 1): Promise<void> {
	await expect
		.poll(async () => Number((await page.locator('[data-connection]').first().innerText()).match(/(\d+)/)?.[1] ?? 0), {
			timeout: 30_000
		})
		.toBeGreaterThanOrEqual(count);
}

/** Switches the board to its list view. */
export async function listView(page: Page): Promise<void> {
	const button = page.getByRole('button', { name: /^(List|Lista)$/ });
	if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
}

/** The texts of every note on the device's current board, read from the list view, sorted. */
export async function noteTexts(device: Device): Promise<string[]> {
	await listView(device.page);
	return (await device.page.locator('.note-item .text').allInnerTexts()).sort();
}

/** Adds a note through the note dialog. */
export async function addNote(page: Page, text: string, zone?: string): Promise<void> {
	await page.getByRole('button', { name: /^\+ (Add note|Lisää lappu|Lägg till lapp)$/ }).click();
	const dialog = page.getByRole('dialog');
	await dialog.getByLabel(/^(Text|Teksti)$/).fill(text);
	if (zone) await dialog.getByLabel(/^(Zone|Alue|Fält)$/).selectOption({ label: zone });
	await dialog.getByRole('button', { name: /^(Save note|Tallenna lappu|Spara lappen)$/ }).click();
	await expect(dialog).toBeHidden();
}

/** The list view's content as text per zone: what a screen reader would read. */
export async function boardText(page: Page): Promise<string[]> {
	await listView(page);
	return page.locator('.board-list section').evaluateAll((sections) =>
		sections.map((s) => {
			const heading = s.querySelector('h3')?.textContent?.trim() ?? '';
			const groups = [...s.querySelectorAll('.cluster')].map(
				(c) =>
					`${c.querySelector('h4')?.textContent?.trim()}: ${[...c.querySelectorAll('.note-item .text')]
						.map((n) => n.textContent)
						.sort()
						.join(' | ')}`
			);
			const loose = [...s.querySelectorAll(':scope > ul > .note-item .text')].map((n) => n.textContent).sort();
			return `${heading} — ${[...groups, ...loose].join(' ; ')}`;
		})
	);
}
