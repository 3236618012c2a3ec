import { chromium } from 'playwright-core';
import { chromiumPath } from '../../tests/browser/support/chromium.ts';
import { startServer } from '../../tests/browser/support/server.ts';
import { bigBoardBackup, CHROMIUM_ARGS, restoredDevice } from '../support/big-board.ts';
const notes = Number(process.argv[2] ?? 200);
const server = await startServer();
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
	const backup = bigBoardBackup(notes);
	const { page } = await restoredDevice(browser, server.url, backup);
	await page.goto(`${server.url}/sessions/${backup.sessionId}/run`);
	await page.waitForFunction(
		(n) =>
			Number(document.querySelector('.canvas')?.getAttribute('data-notes-total')) >= n &&
			document.querySelector('.canvas [data-note-id]') !== null,
		notes,
		{ timeout: 300_000 }
	);
	await page.waitForTimeout(1000);
	await page.screenshot({ path: '/tmp/perfdbg/shot.png' });
	console.log(
		await page.evaluate(() => {
			const c = document.querySelector('.canvas')!.getBoundingClientRect();
			const first = [...document.querySelectorAll('.canvas [data-note-id]')].slice(0, 3).map((e) => {
				const r = e.getBoundingClientRect();
				const p = { x: r.x + r.width / 2, y: r.y + r.height / 2 };
				return { r: [r.x, r.y, r.width, r.height], hit: document.elementFromPoint(p.x, p.y)?.outerHTML.slice(0, 120) };
			});
			return JSON.stringify({
				canvas: [c.x, c.y, c.width, c.height],
				inner: [innerWidth, innerHeight],
				scrollY,
				first,
				n: document.querySelectorAll('.canvas [data-note-id]').length
			});
		})
	);
} finally {
	await browser.close();
	await server.stop();
}
