import * as Y from 'yjs';
import { serializeBackup } from '../../src/lib/export/backup.ts';
import { COLUMNS_BOARD, largeSession } from '../../src/lib/board/test-board.ts';
import { newSessionPlan } from '../../src/lib/session/plan.ts';
import type { AgendaItem, SessionSummary } from '../../src/lib/session/types.ts';
import { expect, test } from './support/fixtures.ts';
import { expectConnected, join, listView } from './support/workshop.ts';

const NOTES = 5000;

/** A workshop of 5,000 notes over four boards, each note moved twice, as a backup file: its
 * encoded state is well over 1 MiB — four times what one WebRTC message may carry. */
function largeBackup(): { text: string; stateBytes: number; sessionId: string } {
	const doc = largeSession(NOTES, 2);
	const update = Y.encodeStateAsUpdate(doc);
	const sessionId = crypto.randomUUID();
	const session: SessionSummary = {
		...newSessionPlan('en', 'A very large workshop'),
		id: sessionId,
		role: 'facilitator',
		room: { name: 'bGFyZ2Utc2Vzc2lvbi1yb29t', secret: 'bGFyZ2Utc2Vzc2lvbi1zZWNyZXQtMDAwMDE' },
		participantId: 'facilitatorxx',
		createdAt: Date.UTC(2026, 10, 1),
		updatedAt: Date.UTC(2026, 10, 1)
	};
	const agenda: AgendaItem[] = ['a1', 'a2', 'a3', 'a4'].map((id, i) => ({
		id,
		sessionId,
		position: i + 1,
		kind: 'method',
		title: `Activity ${id}`,
		minutes: 15,
		prompt: 'What do you hope for?',
		board: COLUMNS_BOARD
	}));
	return {
		text: serializeBackup({ session, agenda, ownNotes: [], update }, '0.0.0-test', Date.now()),
		stateBytes: update.byteLength,
		sessionId
	};
}

test('a late joiner receives a session of more than 1 MiB of encoded state, complete — directly and through the relay', async ({
	devices,
	server
}) => {
	test.setTimeout(300_000);
	const backup = largeBackup();
	expect(backup.stateBytes).toBeGreaterThan(1024 * 1024);

	const facilitator = await devices.open();
	const direct = await devices.open({ viewport: { width: 1024, height: 800 } });
	const relayed = await devices.open({ viewport: { width: 1024, height: 800 }, webRtc: false });
	const all = [facilitator, direct, relayed];
	const { page } = facilitator;
	await page.goto(server.url);
	await page
		.getByLabel('Backup file (.json)')
		.setInputFiles({ name: 'large.json', mimeType: 'application/json', buffer: Buffer.from(backup.text) });
	await expect(page.getByText('The workshop “A very large workshop” was restored on this device.')).toBeVisible({
		timeout: 60_000
	});
	await page.goto(`${server.url}/sessions/${backup.sessionId}/run`);
	const link = await page.getByLabel('Join link').inputValue();

	// The two devices join late, after every note was written.
	await join(direct, link, 'Late');
	await join(relayed, link, 'Later');
	for (const device of [direct, relayed]) await expectConnected(device.page, 1);
	await expect(relayed.page.locator('[data-connection]')).toContainText('through the server');

	for (const [index, activity] of ['a1', 'a2', 'a3', 'a4'].entries()) {
		if (index > 0) await page.getByRole('button', { name: 'Next activity →' }).click();
		for (const device of [direct, relayed]) {
			await expect(device.page.getByRole('heading', { level: 1 })).toHaveText(`Activity ${activity}`, {
				timeout: 60_000
			});
			await listView(device.page);
			await expect(device.page.locator('.note-item')).toHaveCount(NOTES / 4, { timeout: 120_000 });
		}
	}
	for (const device of all) expect(device.errors).toEqual([]);
});
