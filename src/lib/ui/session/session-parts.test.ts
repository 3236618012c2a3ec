/**
 * The parts a LiveSession is made of, each on its own: own notes, history, commands, connection.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { sessionMaps } from '$lib/board/doc';
import { actor, createTestBoard, FREE_BOARD, activity } from '$lib/board/test-board';
import { SessionRegistry, SessionSync } from '$lib/sync';
import { Devices, FAST_TUNING, randomRoom } from '$lib/sync/testing/devices';
import { waitFor } from '$lib/sync/testing/wait';
import { startServer, type RunningServer } from '$lib/sync/testing/workshop-server';
import { OwnNotes } from './own-notes.svelte';
import { SessionCommands } from './session-commands';
import { SessionConnection } from './session-connection.svelte';
import { SessionHistory } from './session-history.svelte';
import { SessionView } from './session-view.svelte';

const note = (text: string, activityId = 'a1') => ({ activityId, text, color: 'yellow' as const, zone: null });

function commandsFor(doc: Y.Doc, who: ReturnType<typeof actor>, options: { anonymous?: boolean; now?: number } = {}) {
	const remembered: string[] = [];
	const own = new OwnNotes([], async (id) => void remembered.push(id));
	const view = new SessionView(doc);
	const history = new SessionHistory(doc, who, () => void view.run);
	const withOwn = { ...who, owns: (id: string) => own.has(id) };
	const commands = new SessionCommands({
		doc,
		actor: withOwn,
		view,
		own,
		history,
		anonymous: () => options.anonymous ?? false,
		facilitatorNow: () => options.now ?? 1_000_000
	});
	return { commands, own, view, history, remembered };
}

describe('OwnNotes', () => {
	it('knows the notes it started with and the ones added, and stores each new one once', async () => {
		const stored: string[] = [];
		const own = new OwnNotes(['n1'], async (id) => void stored.push(id));
		own.add('n2');
		own.add('n2');
		own.add('n1');
		expect([own.has('n1'), own.has('n2'), own.has('n3')]).toEqual([true, true, false]);
		expect(stored).toEqual(['n2']);
	});
});

describe('SessionCommands', () => {
	it('adds a note as this device’s own, with the author unless anonymous', () => {
		const { doc } = createTestBoard([activity('a1', FREE_BOARD)]);
		const named = commandsFor(doc, actor('p1', 'participant', 'Aino'));
		const added = named.commands.addNote(note('Penkkejä'));
		if (!added.ok) throw new Error(added.reason);
		expect(named.own.has(added.value)).toBe(true);
		expect(named.remembered).toEqual([added.value]);
		expect(named.view.notes.get(added.value)?.author).toBe('Aino');

		const anonymous = commandsFor(doc, actor('p2', 'participant', 'Bo'), { anonymous: true });
		const hidden = anonymous.commands.addNote(note('Kahvila'));
		if (!hidden.ok) throw new Error(hidden.reason);
		expect(anonymous.view.notes.get(hidden.value)?.author).toBeUndefined();
	});

	it('makes one undo step of a drag that ends', () => {
		const { doc } = createTestBoard([activity('a1', FREE_BOARD)]);
		const { commands, history, view } = commandsFor(doc, actor('p1'));
		const added = commands.addNote(note('Liikuteltava'));
		if (!added.ok) throw new Error(added.reason);
		history.endStep();
		commands.moveNote(added.value, { x: 100, y: 100 });
		commands.moveNote(added.value, { x: 300, y: 200 });
		history.undo();
		expect(view.notes.get(added.value)?.position).toEqual({ x: 100, y: 100 });
	});

	it('refuses facilitation to a participant and runs the timer on the facilitator’s clock', () => {
		const { doc } = createTestBoard();
		const participant = commandsFor(doc, actor('p1'));
		expect(participant.commands.setLocked(true)).toEqual({ ok: false, reason: 'not-allowed' });
		expect(participant.commands.startTimer()).toEqual({ ok: false, reason: 'not-allowed' });
		const facilitator = commandsFor(doc, actor('f', 'facilitator'), { now: 5_000 });
		facilitator.commands.resetTimer(1);
		facilitator.commands.startTimer();
		expect(facilitator.view.run.timer).toEqual({ status: 'running', durationMs: 60_000, endsAt: 65_000 });
		expect(facilitator.commands.setPhase('a1', 'vote').ok).toBe(true);
		expect(facilitator.view.activity('a1')?.phase).toBe('vote');
	});

	it('counts this device’s dots, following the ballots', () => {
		const { doc, facilitator } = createTestBoard();
		const f = commandsFor(doc, facilitator);
		const added = f.commands.addNote(note('Äänestettävä'));
		if (!added.ok) throw new Error(added.reason);
		f.commands.setPhase('a1', 'vote');
		const p = commandsFor(doc, actor('p1'));
		expect(p.commands.castVote(added.value).ok).toBe(true);
		expect(p.commands.castVote(added.value).ok).toBe(true);
		expect(p.commands.myDots('a1')).toEqual([added.value, added.value]);
		p.commands.retractVote(added.value);
		expect(p.commands.myDots('a1')).toEqual([added.value]);
	});
});

describe('SessionCommands for moderation and comment stations', () => {
	it('moderates through the board’s commands: the writer sees a waiting note, the facilitator approves or declines it', () => {
		const { doc } = createTestBoard();
		const f = commandsFor(doc, actor('f', 'facilitator'));
		const p = commandsFor(doc, actor('p1'));
		expect(p.commands.setModerated('a1', true)).toEqual({ ok: false, reason: 'not-allowed' });
		expect(f.commands.setModerated('a1', true).ok).toBe(true);
		expect(f.view.activity('a1')?.moderated).toBe(true);
		const kept = p.commands.addNote(note('Odottava'));
		const gone = p.commands.addNote(note('Poistuva'));
		if (!kept.ok || !gone.ok) throw new Error('not added');
		expect(p.own.has(kept.value)).toBe(true);
		expect(f.view.notes.get(kept.value)?.waiting).toBe(true);
		expect(p.commands.approveNotes([kept.value])).toEqual({ ok: false, reason: 'not-allowed' });
		expect(f.commands.approveNotes([kept.value], new Map([[kept.value, 'Muokattu']]))).toEqual({ ok: true, value: 1 });
		expect(f.view.notes.get(kept.value)).toMatchObject({ text: 'Muokattu' });
		expect(f.view.notes.get(kept.value)?.waiting).toBeUndefined();
		expect(f.commands.declineNotes([gone.value], 'Ei aiheeseen')).toEqual({ ok: true, value: 1 });
		expect(f.view.notes.has(gone.value)).toBe(false);
	});

	it('merges a station’s notes as the facilitator, once', () => {
		const { doc } = createTestBoard();
		const f = commandsFor(doc, actor('f', 'facilitator'));
		const visitors = [{ id: 'visitor-000001', text: 'Kaunis sali', createdAt: 1 }];
		expect(commandsFor(doc, actor('p1')).commands.mergeStationNotes('a1', null, visitors).ok).toBe(false);
		expect(f.commands.mergeStationNotes('a1', null, visitors)).toEqual({ ok: true, value: 1 });
		expect(f.commands.mergeStationNotes('a1', null, visitors)).toEqual({ ok: true, value: 0 });
		expect(f.view.notes.get('visitor-000001')?.text).toBe('Kaunis sali');
	});
});

describe('SessionHistory', () => {
	it('undoes only this device’s changes, never what came from a peer', () => {
		const { doc } = createTestBoard([activity('a1', FREE_BOARD)]);
		const peerDoc = new Y.Doc();
		Y.applyUpdate(peerDoc, Y.encodeStateAsUpdate(doc));
		const mine = commandsFor(doc, actor('p1'));
		const theirs = commandsFor(peerDoc, actor('p2'));
		const a = mine.commands.addNote(note('Minun'));
		const b = theirs.commands.addNote(note('Heidän'));
		if (!a.ok || !b.ok) throw new Error('not added');
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(peerDoc, Y.encodeStateVector(doc)), 'peer');
		expect(mine.history.undo()).toEqual({ ok: true, value: true });
		expect([...mine.view.notes.keys()]).toEqual([b.value]);
		expect(mine.history.undo()).toEqual({ ok: true, value: false });
	});

	it('refuses undo and redo while the board is closed to this device', () => {
		const { doc, facilitator } = createTestBoard([activity('a1', FREE_BOARD)]);
		const p = commandsFor(doc, actor('p1'));
		p.commands.addNote(note('Ennen lukitusta'));
		commandsFor(doc, facilitator).commands.setLocked(true);
		expect(p.history.canUndo).toBe(false);
		expect(p.history.undo()).toEqual({ ok: false, reason: 'locked' });
		expect(p.view.notes.size).toBe(1);
		commandsFor(doc, facilitator).commands.setLocked(false);
		expect(p.history.canUndo).toBe(true);
		expect(p.history.undo()).toEqual({ ok: true, value: true });
		expect(p.view.notes.size).toBe(0);
		expect(p.history.canRedo).toBe(true);
		expect(p.history.redo()).toEqual({ ok: true, value: true });
		expect(p.view.notes.size).toBe(1);
	});

	it('does not undo the facilitator’s phase changes', () => {
		const { doc, facilitator } = createTestBoard();
		const f = commandsFor(doc, facilitator);
		f.commands.setPhase('a1', 'vote');
		expect(f.history.canUndo).toBe(false);
		expect(sessionMaps(doc).activities.size).toBe(1);
	});
});

describe('SessionConnection', () => {
	let server: RunningServer;
	const devices = new Devices();
	beforeEach(async () => {
		server = await startServer();
	});
	afterEach(async () => {
		devices.destroyAll();
		await server.server.close();
	});

	function connection(room: { room: string; secret: string }, warn: unknown[][] = []) {
		const doc = new Y.Doc();
		const awareness = new Awareness(doc);
		const page = new EventTarget();
		const conn = new SessionConnection({
			doc,
			awareness,
			...room,
			settings: () => ({ url: server.url, iceServers: [] }),
			page,
			createSync: (options) =>
				new SessionSync({
					...options,
					WebSocket: NodeWebSocket,
					RTCPeerConnection: null,
					tuning: FAST_TUNING,
					registry: new SessionRegistry()
				}),
			console: { warn: (...args: unknown[]) => void warn.push(args) }
		});
		return { doc, awareness, page, conn };
	}

	it('joins on connect, leaves on pagehide, and only a page back from the cache joins again', async () => {
		const room = randomRoom();
		const { doc, page, conn } = connection(room);
		const other = devices.create({ url: server.url, ...room });
		expect(conn.connected).toBe(false);
		conn.connect();
		conn.connect();
		await waitFor(() => conn.state.synced && other.sync.peers().length === 1, 'linked');
		doc.getMap('notes').set('n', 'hello');
		await waitFor(() => other.notes.get('n') === 'hello', 'synced');

		page.dispatchEvent(new Event('pagehide'));
		expect(conn.connected).toBe(false);
		expect(conn.state.signaling).toBe('offline');
		await waitFor(() => other.sync.peers().length === 0, 'left');
		page.dispatchEvent(new Event('pageshow'));
		expect(conn.connected).toBe(false);
		const fromCache = new Event('pageshow');
		Object.defineProperty(fromCache, 'persisted', { value: true });
		page.dispatchEvent(fromCache);
		await waitFor(() => conn.state.synced && other.sync.peers().length === 1, 'back');

		conn.destroy();
		page.dispatchEvent(fromCache);
		expect(conn.connected).toBe(false);
		expect(conn.log.some((e) => e.type === 'peer' && e.event === 'joined')).toBe(true);
		doc.destroy();
	});

	it('moves to another room: leaves the old one’s devices and syncs with the new one’s', async () => {
		const oldRoom = randomRoom();
		const newRoom = randomRoom();
		const { doc, conn } = connection(oldRoom);
		const left = devices.create({ url: server.url, ...oldRoom });
		const there = devices.create({ url: server.url, ...newRoom });
		conn.connect();
		await waitFor(() => conn.state.synced && left.sync.peers().length === 1, 'linked in the old room');
		conn.moveTo(newRoom.room, newRoom.secret);
		await waitFor(() => conn.state.synced && there.sync.peers().length === 1, 'linked in the new room');
		await waitFor(() => left.sync.peers().length === 0, 'gone from the old room');
		doc.getMap('notes').set('n', 'uusi');
		await waitFor(() => there.notes.get('n') === 'uusi', 'synced in the new room');
		expect(left.notes.get('n')).toBeUndefined();
		conn.destroy();
		doc.destroy();
	});

	it('keeps the recent log, and puts each kind of drop on the console at most every ten seconds', async () => {
		const room = randomRoom();
		const warnings: unknown[][] = [];
		const { doc, conn } = connection(room, warnings);
		const raw = new NodeWebSocket(server.url);
		await new Promise((resolve) => raw.once('open', resolve));
		conn.connect();
		await waitFor(() => conn.state.signaling === 'connected', 'online');
		raw.send(JSON.stringify({ type: 'subscribe', topics: [room.room] }));
		for (let i = 0; i < 3; i++) {
			raw.send(
				JSON.stringify({
					type: 'publish',
					topic: room.room,
					data: { v: 1, from: 'x'.repeat(24), c: 'bm90IGNpcGhlcnRleHQ=' }
				})
			);
		}
		await waitFor(() => conn.log.filter((e) => e.type === 'dropped').length >= 3, 'drops logged');
		expect(warnings).toHaveLength(1);
		expect(warnings[0][0]).toBe('sync');
		raw.terminate();
		conn.destroy();
		doc.destroy();
	});
});
