/**
 * The workshop flow as the browser tests drive it (tests/browser/support/workshop.ts), with
 * timeouts for a loaded machine: outside Playwright's test runner its `expect` waits only 5 s,
 * too little for twenty devices joining on two cores. Same steps, same accessible names.
 */
import type { Page } from 'playwright-core';

const TIMEOUT = 60_000;

/** Creates a session with the given library methods (by their English names) and returns its id. */
export async function planSession(page: Page, baseUrl: string, title: string, methods: string[]): Promise<string> {
	await page.goto(baseUrl, { timeout: TIMEOUT });
	await page.getByRole('button', { name: '+ New workshop' }).first().click({ timeout: TIMEOUT });
	await page.waitForURL(/\/sessions\/[0-9a-f-]+$/, { timeout: TIMEOUT });
	await page.getByLabel('Workshop title').fill(title, { timeout: TIMEOUT });
	for (const method of methods) {
		await page.getByRole('button', { name: '+ Add a method' }).click({ timeout: TIMEOUT });
		await page.getByLabel('Search for a method').fill(method, { timeout: TIMEOUT });
		await page
			.getByRole('dialog')
			.getByRole('button', { name: `Add “${method}”`, exact: true })
			.click({ timeout: TIMEOUT });
	}
	await page
		.locator('.agenda li[data-item]')
		.nth(methods.length - 1)
		.waitFor({ timeout: TIMEOUT });
	return page.url().split('/').pop()!;
}

/** Opens run mode and returns the join link shown to participants. */
export async function startRun(page: Page, baseUrl: string, sessionId: string): Promise<string> {
	await page.goto(`${baseUrl}/sessions/${sessionId}/run`, { timeout: TIMEOUT });
	await page.getByRole('heading', { level: 2, name: /./ }).first().waitFor({ timeout: TIMEOUT });
	const link = await page.getByLabel('Join link').inputValue({ timeout: TIMEOUT });
	if (!link.includes('/join#')) throw new Error(`not a join link: ${link}`);
	return link;
}

/** Joins from the link, as a participant who types a nickname and taps Join. */
export async function join(page: Page, link: string, nickname: string): Promise<void> {
	await page.goto(link, { timeout: TIMEOUT });
	const joinButton = page.getByRole('button', { name: /^(Join|Liity|Anslut)$/ });
	await joinButton.waitFor({ timeout: TIMEOUT });
	const nicknameField = page.getByLabel(/Nickname|Nimimerkki|Smeknamn/);
	if ((await nicknameField.count()) > 0) await nicknameField.fill(nickname);
	await joinButton.click({ timeout: TIMEOUT });
	await page.waitForURL(/\/participate\//, { timeout: TIMEOUT });
}

/** Waits until the page shows a connection to at least `count` other devices; returns the text. */
export async function connected(page: Page, count: number, timeout = TIMEOUT): Promise<string> {
	const status = page.locator('[data-connection]').first();
	const deadline = Date.now() + timeout;
	for (;;) {
		const text = (await status.count()) > 0 ? await status.innerText() : '';
		if (Number(/(\d+)/.exec(text)?.[1] ?? 0) >= count) return text;
		if (Date.now() > deadline)
			throw new Error(`not connected to ${count} devices within ${timeout / 1000} s: “${text}”`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}
