/**
 * Support for the board benchmarks: a workshop whose first activity holds `notes` notes spread over
 * its two zones, as a backup file the app restores, and a facilitator device in Chromium that has
 * restored it — the same path a museum takes with a real backup.
 */
import * as Y from 'yjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addNote, moveNote } from '../../src/lib/board/commands.ts';
import { activity, actor, createTestBoard } from '../../src/lib/board/test-board.ts';
import { serializeBackup } from '../../src/lib/export/backup.ts';
import { newSessionPlan } from '../../src/lib/session/plan.ts';
import type { AgendaItem, SessionSummary } from '../../src/lib/session/types.ts';
import { COLUMNS_BOARD } from '../../src/lib/board/test-board.ts';

export { CHROMIUM_ARGS } from './chromium.ts';

const WORDS = 'museo näyttely kävijä yhteisö penkki opastus perhe seniori kahvila kokoelma tarina muisto ilta'.split(
	' '
);

/**
 * A backup of one workshop whose first of `activities` activities holds `notes` notes. With
 * `signed` (or `BOARD_SIGNED_NOTES=1`), each note is signed by its writer's device, as notes from
 * participants' devices are in a workshop with signed control: every device then verifies each
 * note's signature when it opens the board (`board/note-guard.ts`).
 */
export function bigBoardBackup(
	notes: number,
	activities = 1,
	signed = process.env.BOARD_SIGNED_NOTES === '1'
): { text: string; sessionId: string } {
	const ids = Array.from({ length: activities }, (_, i) => `a${i + 1}`);
	const { doc } = createTestBoard(ids.map((id) => activity(id)));
	const people = Array.from({ length: 30 }, (_, i) => {
		const person = actor(`p${i}`, 'participant', `Osallistuja ${i}`);
		if (signed) person.secrets = { device: crypto.getRandomValues(new Uint8Array(32)) };
		return person;
	});
	const columns = Math.ceil(Math.sqrt(notes * 2));
	for (let i = 0; i < notes; i++) {
		const who = people[i % people.length];
		const text = Array.from({ length: 4 + (i % 9) }, (_, k) => WORDS[(i * 5 + k * 3) % WORDS.length]).join(' ');
		const added = addNote(
			doc,
			who,
			{ activityId: 'a1', text, color: 'yellow', zone: i % 2 ? 'hopes' : 'concerns' },
			false
		);
		if (added.ok) moveNote(doc, who, added.value, { x: 20 + (i % columns) * 40, y: 20 + Math.floor(i / columns) * 30 });
	}
	const sessionId = crypto.randomUUID();
	const session: SessionSummary = {
		...newSessionPlan('en', `Bench board ${notes}`),
		id: sessionId,
		role: 'facilitator',
		room: { name: `YmVuY2gtYm9hcmQtcm9vbS0${notes}`, secret: 'YmVuY2gtYm9hcmQtc2VjcmV0LTAwMDAx' },
		participantId: 'facilitatorxx',
		createdAt: Date.UTC(2026, 10, 1),
		updatedAt: Date.UTC(2026, 10, 1)
	};
	const agenda: AgendaItem[] = ids.map((id, i) => ({
		id,
		sessionId,
		position: i + 1,
		kind: 'method',
		title: `Activity ${id}`,
		minutes: 15,
		prompt: 'What do you hope for?',
		board: COLUMNS_BOARD
	}));
	const update = Y.encodeStateAsUpdate(doc);
	return { text: serializeBackup({ session, agenda, ownNotes: [], update }, '0.0.0-bench', Date.now()), sessionId };
}

/** A facilitator device that restored the backup; returns its page. */
export async function restoredDevice(
	browser: Browser,
	serverUrl: string,
	backup: { text: string },
	viewport = { width: 1280, height: 800 }
): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ locale: 'en-GB', viewport });
	const page = await context.newPage();
	await page.goto(serverUrl);
	await page
		.getByLabel('Backup file (.json)')
		.setInputFiles({ name: 'bench.json', mimeType: 'application/json', buffer: Buffer.from(backup.text) });
	await page.getByText(/was restored on this device/).waitFor({ timeout: 120_000 });
	return { context, page };
}

/** Records the interval between animation frames in the page until `stop` is called. */
export async function recordFrames(page: Page): Promise<() => Promise<number[]>> {
	// A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
	await page.evaluate(`(() => {
		window.__frames = [];
		window.__recording = true;
		let last = performance.now();
		const tick = (now) => {
			if (!window.__recording) return;
			window.__frames.push(now - last);
			last = now;
			requestAnimationFrame(tick);
		};
		requestAnimationFrame((now) => {
			last = now;
			requestAnimationFrame(tick);
		});
	})()`);
	return () => page.evaluate(`(() => { window.__recording = false; return window.__frames; })()`) as Promise<number[]>;
}

export const percentile = (values: number[], p: number): number => {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
