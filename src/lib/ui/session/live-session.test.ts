/**
 * LiveSession as a whole, in Node: opened from (fake) IndexedDB, its parts wired together, and
 * joined to a room on the real workshop server through the relay, with a plain sync device as the
 * other side.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import * as Y from 'yjs';
import { sessionMaps } from '$lib/board/doc';
import { activity } from '$lib/board/test-board';
import { newSessionPlan } from '$lib/session/plan';
import { db } from '$lib/storage/db';
import { openSessionDoc } from '$lib/storage/session-doc';
import { createSession, joinSession } from '$lib/storage/sessions';
import { SessionRegistry, SessionSync } from '$lib/sync';
import { Devices, FAST_TUNING, randomRoom } from '$lib/sync/testing/devices';
import { waitFor } from '$lib/sync/testing/wait';
import { startServer, type RunningServer } from '$lib/sync/testing/workshop-server';
import { LiveSession } from './live-session.svelte';
import { authorityOf } from '$lib/board/authority';
import { readRoomMove } from '$lib/board/room-move';
import { generateSigningKey, toBase64Url } from '$lib/session/keys/signing';

const opened: LiveSession[] = [];
async function open(id: string, options?: Parameters<typeof LiveSession.open>[1]): Promise<LiveSession> {
	const live = await LiveSession.open(id, options ?? { connect: false });
	if (!live) throw new Error('no such session');
	opened.push(live);
	return live;
}

beforeEach(async () => {
	await Promise.all(db().tables.map((table) => table.clear()));
});
afterEach(async () => {
	for (const live of opened.splice(0)) live.destroy();
	await Promise.all(db().tables.map((table) => table.clear()));
});

/** A facilitator's session; `room` moves it into a room of the test's own. */
async function createFacilitatorSession(title: string, room?: { room: string; secret: string }) {
	const summary = await createSession(newSessionPlan('fi', title));
	await db().sessions.update(summary.id, {
		nickname: 'Maija',
		...(room ? { room: { name: room.room, secret: room.secret } } : {})
	});
	return summary;
}

async function facilitatorSession() {
	const summary = await createFacilitatorSession('Kumppanuuspäivä');
	const live = await open(summary.id);
	expect(live.publishActivities([activity('a1')]).ok).toBe(true);
	// Other devices learn the agenda from the signed record, which is made asynchronously.
	await live.authority.settled();
	return live;
}

const note = (activityId: string, text: string) => ({ activityId, text, color: 'yellow' as const, zone: null });

describe('LiveSession', () => {
	it('is null for a session this device does not have', async () => {
		expect(await LiveSession.open('nowhere', { connect: false })).toBeNull();
	});

	it('checks in, and mirrors the document it opened', async () => {
		const live = await facilitatorSession();
		expect(live.isFacilitator).toBe(true);
		expect(sessionMaps(live.doc).participants.get(live.summary.participantId)).toMatchObject({ role: 'facilitator' });
		expect(live.view.activities.map((a) => a.id)).toEqual(['a1']);
		expect(live.present.map((p) => [p.role, p.self])).toEqual([['facilitator', true]]);
		expect(live.sync.signaling).toBe('offline');
	});

	it('remembers its own notes across a reopen', async () => {
		const live = await facilitatorSession();
		const added = live.addNote(note('a1', 'Enemmän penkkejä'));
		if (!added.ok) throw new Error(added.reason);
		expect(live.owns(added.value)).toBe(true);
		const id = live.summary.id;
		// Written in the background; IndexedDB runs the reopen's read after that write.
		live.destroy();
		const again = await open(id);
		await waitFor(() => again.view.notes.has(added.value), 'the note is back');
		expect(again.owns(added.value)).toBe(true);
		expect(again.owns('someone-else')).toBe(false);
	});

	it('undoes and redoes its own notes, and a participant not under the lock', async () => {
		const live = await facilitatorSession();
		expect(live.canUndo).toBe(false);
		const added = live.addNote(note('a1', 'Kahvila auki pidempään'));
		if (!added.ok) throw new Error(added.reason);
		expect(live.canUndo).toBe(true);
		live.undo();
		expect(live.view.notes.has(added.value)).toBe(false);
		expect(live.canRedo).toBe(true);
		live.redo();
		expect(live.view.notes.has(added.value)).toBe(true);

		// A participant's copy of the same document (as if synced), under the facilitator's lock.
		const update = Y.encodeStateAsUpdate(live.doc);
		const invite = { ...live.summary, sessionId: 'participant-copy', room: 'r', secret: 's', groups: [] };
		await joinSession(invite, 'Aino');
		const copy = (await openSessionDoc('participant-copy'))!;
		Y.applyUpdate(copy.doc, update);
		copy.release();
		const participant = await open('participant-copy');
		const own = participant.addNote(note('a1', 'Oma lappu'));
		expect(own.ok).toBe(true);
		expect(participant.canUndo).toBe(true);
		live.setLocked(true);
		// The lock reaches other devices in the facilitator's signed record, made asynchronously.
		await live.authority.settled();
		Y.applyUpdate(participant.doc, Y.encodeStateAsUpdate(live.doc, Y.encodeStateVector(participant.doc)));
		expect(participant.view.run.locked).toBe(true);
		expect(participant.canUndo).toBe(false);
		participant.undo();
		expect(participant.view.notes.size).toBe(2);
	});

	it('runs the facilitator’s timer on its own clock', async () => {
		const live = await facilitatorSession();
		live.resetTimer(5);
		const before = Date.now();
		live.startTimer();
		const timer = live.view.run.timer;
		expect(timer.status).toBe('running');
		if (timer.status !== 'running') return;
		expect(timer.endsAt).toBeGreaterThanOrEqual(before + 5 * 60_000);
		expect(timer.endsAt).toBeLessThanOrEqual(Date.now() + 5 * 60_000);
	});
});

describe('LiveSession in its room', () => {
	let server: RunningServer;
	const devices = new Devices();
	beforeEach(async () => {
		server = await startServer();
	});
	afterEach(async () => {
		for (const live of opened.splice(0)) live.destroy();
		devices.destroyAll();
		await server.server.close();
	});

	it('syncs with the room, leaves it when the page is hidden and joins again when it comes back', async () => {
		const room = randomRoom();
		const summary = await createFacilitatorSession('Huone', room);
		const page = new EventTarget();
		const live = await open(summary.id, {
			connect: {
				page,
				settings: () => ({ url: server.url, iceServers: [] }),
				createSync: (options) =>
					new SessionSync({
						...options,
						WebSocket: NodeWebSocket,
						RTCPeerConnection: null,
						tuning: FAST_TUNING,
						registry: new SessionRegistry()
					}),
				console: { warn: () => {} }
			}
		});
		live.publishActivities([activity('a1')]);
		const other = devices.create({ url: server.url, ...room });
		other.awareness.setLocalState({ participantId: 'aino', role: 'participant', name: 'Aino' });
		await waitFor(() => live.sync.synced && live.present.length === 2, 'linked, presence both ways');
		await waitFor(() => sessionMaps(other.doc).activities.has('a1'), 'the board reached the other device');
		expect(live.present.map((p) => p.name)).toEqual(['Maija', 'Aino']);

		page.dispatchEvent(new Event('pagehide'));
		expect(live.sync.signaling).toBe('offline');
		await waitFor(() => !other.awareness.getStates().has(live.awareness.clientID), 'left at once');

		const back = new Event('pageshow');
		Object.defineProperty(back, 'persisted', { value: true });
		page.dispatchEvent(back);
		await waitFor(() => live.sync.synced && other.awareness.getStates().has(live.awareness.clientID), 'back');
		expect(live.syncLog.filter((e) => e.type === 'dropped' || e.type === 'error')).toEqual([]);
		expect(live.syncLog.some((e) => e.type === 'peer' && e.event === 'joined')).toBe(true);
	});

	it('closes the room to new devices: moves with every device seen, keeps a signpost in the old room, and reopens', async () => {
		const room = randomRoom();
		const summary = await createFacilitatorSession('Ovi', room);
		const connect = {
			page: new EventTarget(),
			settings: () => ({ url: server.url, iceServers: [] }),
			createSync: (options: ConstructorParameters<typeof SessionSync>[0]) =>
				new SessionSync({
					...options,
					WebSocket: NodeWebSocket,
					RTCPeerConnection: null,
					tuning: FAST_TUNING,
					registry: new SessionRegistry()
				}),
			console: { warn: () => {} }
		};
		const live = await open(summary.id, { connect });
		live.publishActivities([activity('a1')]);
		const aino = toBase64Url((await generateSigningKey()).publicKey);
		const other = devices.create({ url: server.url, ...room });
		other.awareness.setLocalState({ participantId: 'aino', role: 'participant', key: aino });
		await waitFor(() => live.present.length === 2, 'Aino is here');
		// Aino's device goes to sleep before the close: it is still among the devices kept.
		other.sync.destroy();
		await waitFor(() => live.present.length === 1, 'Aino is gone');

		expect(live.closeRoom().ok).toBe(true);
		expect(live.room.closed).toBe(true);
		await live.authority.settled();
		expect(Object.keys(readRoomMove(authorityOf(live.doc)!.best!.state)!.wraps).sort()).toEqual(
			[aino, live.summary.signingKey!.publicKey].sort()
		);
		await waitFor(() => live.room.current.name !== room.room, 'moved to the closed room', 10_000);
		expect(live.signposts).toEqual([room.room]);
		const stored = await db().sessions.get(summary.id);
		expect(stored?.room).toEqual(live.room.current);
		expect(stored?.previousRooms).toEqual([{ name: room.room, secret: room.secret }]);

		const closedRoom = live.room.current;
		expect(live.reopenRoom().ok).toBe(true);
		await live.authority.settled();
		expect([live.room.closed, live.room.current]).toEqual([false, closedRoom]);

		// Opened again on this device, the session puts its signpost back up.
		live.destroy();
		const again = await open(summary.id, { connect });
		await waitFor(() => again.signposts.length === 1, 'the signpost is back');
		expect(again.room.current).toEqual(closedRoom);
	});
});
