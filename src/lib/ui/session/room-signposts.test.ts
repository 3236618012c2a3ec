/**
 * Signposts against the real workshop server: a device that slept through a room move wakes in the
 * old room and follows the facilitator's signed notice there, a removed device learns only that it
 * has left, a new device from an old poster is turned away — and the signpost hands on no board.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import * as Y from 'yjs';
import { FacilitatorAuthority } from '$lib/board/authority';
import { publishActivities } from '$lib/board/facilitation';
import { moveRoom, roomNotice, type RoomKey } from '$lib/board/room-move';
import { activity, actor, syncDocs } from '$lib/board/test-board';
import { generateSigningKey, toBase64Url, type SigningKeyPair } from '$lib/session/keys/signing';
import { SessionRegistry, SessionSync } from '$lib/sync';
import { Devices, FAST_TUNING, randomRoom } from '$lib/sync/testing/devices';
import { waitFor } from '$lib/sync/testing/wait';
import { startServer, type RunningServer } from '$lib/sync/testing/workshop-server';
import { RoomSignposts } from './room-signposts';
import { SessionRoom } from './session-room.svelte';

const NEW: RoomKey = { name: 'uusi-huone-0002', secret: 'uusi-salaisuus-0002' };

describe('RoomSignposts', () => {
	let server: RunningServer;
	const devices = new Devices();
	const cleanup: (() => void)[] = [];
	beforeEach(async () => {
		server = await startServer();
	});
	afterEach(async () => {
		for (const fn of cleanup.splice(0)) fn();
		devices.destroyAll();
		await server.server.close();
	});

	function signposts() {
		const posts = new RoomSignposts({
			settings: () => ({ url: server.url, iceServers: [] }),
			createSync: (options) =>
				new SessionSync({ ...options, WebSocket: NodeWebSocket, tuning: FAST_TUNING, registry: new SessionRegistry() })
		});
		cleanup.push(() => posts.destroy());
		return posts;
	}

	/** A device waking in the old room with what it had before the move. */
	function wakeUp(old: { room: string; secret: string }, before: Uint8Array, fKey: Uint8Array, keys: SigningKeyPair) {
		const device = devices.create({ url: server.url, ...old, prepare: (doc) => Y.applyUpdate(doc, before) });
		const authority = new FacilitatorAuthority({ doc: device.doc, facilitatorKey: fKey, signer: keys });
		const moves: RoomKey[] = [];
		let left = 0;
		const room = new SessionRoom({
			doc: device.doc,
			room: { name: old.room, secret: old.secret },
			awareness: device.awareness,
			move: (next) => moves.push(next),
			leave: () => left++
		});
		cleanup.push(() => {
			room.destroy();
			authority.destroy();
		});
		return { device, room, moves, left: () => left };
	}

	it('leads a device that slept through the move to the new room, and tells the removed and the new ones', async () => {
		const fKeys = await generateSigningKey();
		const [sleeperKeys, removedKeys, strangerKeys] = await Promise.all([0, 1, 2].map(() => generateSigningKey()));
		const fDoc = new Y.Doc();
		const before = new Y.Doc();
		const fAuthority = new FacilitatorAuthority({ doc: fDoc, facilitatorKey: fKeys.publicKey, signer: fKeys });
		cleanup.push(() => fAuthority.destroy());
		const facilitator = actor('f', 'facilitator');
		facilitator.secrets = { device: fKeys.privateKey, facilitator: fKeys.privateKey };
		publishActivities(fDoc, facilitator, [activity('a1')]);
		await fAuthority.settled();
		syncDocs(fDoc, before);
		const snapshot = Y.encodeStateAsUpdate(before);

		const [fKey, sleeper, removed] = [fKeys, sleeperKeys, removedKeys].map((k) => toBase64Url(k.publicKey));
		expect(moveRoom(fDoc, facilitator, NEW, [fKey, sleeper], [removed]).ok).toBe(true);
		await fAuthority.settled();

		const old = randomRoom();
		const posts = signposts();
		posts.update([{ name: old.room, secret: old.secret }], roomNotice(fDoc));
		expect(posts.rooms).toEqual([old.room]);

		const sleeping = wakeUp(old, snapshot, fKeys.publicKey, sleeperKeys);
		await waitFor(() => sleeping.moves.length === 1, 'the sleeper follows the notice');
		expect(sleeping.moves[0]).toEqual(NEW);
		expect(sleeping.room.current).toEqual(NEW);
		expect(sleeping.room.previous).toEqual([{ name: old.room, secret: old.secret }]);

		const gone = wakeUp(old, snapshot, fKeys.publicKey, removedKeys);
		await waitFor(() => gone.room.removed, 'the removed device learns it has left');
		expect([gone.moves, gone.left()]).toEqual([[], 1]);
		// Only that: the notice did not put the new record (or anything) into its document.
		expect(Buffer.from(Y.encodeStateAsUpdate(gone.device.doc)).includes(NEW.secret)).toBe(false);

		sleeping.device.sync.destroy();
		gone.device.sync.destroy();
		const stranger = wakeUp(old, new Uint8Array([0, 0]), fKeys.publicKey, strangerKeys);
		await waitFor(() => stranger.room.turnedAway === 'moved', 'a new device is told the invitation is old');
		await waitFor(() => stranger.device.sync.state.synced, 'synced with the signpost');
		// The signpost took in nothing the sleeper and the removed device sent, and handed on nothing.
		expect(stranger.device.doc.getMap('activities').size).toBe(0);
		expect(stranger.device.doc.getMap('control').size).toBe(0);
		expect(stranger.room.current.name).toBe(old.room);
	});

	it('says "not taking new participants" while closed, and takes signposts down when there is no notice', async () => {
		const fKeys = await generateSigningKey();
		const strangerKeys = await generateSigningKey();
		const fDoc = new Y.Doc();
		const fAuthority = new FacilitatorAuthority({ doc: fDoc, facilitatorKey: fKeys.publicKey, signer: fKeys });
		cleanup.push(() => fAuthority.destroy());
		const facilitator = actor('f', 'facilitator');
		facilitator.secrets = { device: fKeys.privateKey, facilitator: fKeys.privateKey };
		publishActivities(fDoc, facilitator, [activity('a1')]);
		moveRoom(fDoc, facilitator, NEW, [toBase64Url(fKeys.publicKey)], [], { closed: true });
		await fAuthority.settled();
		const old = randomRoom();
		const posts = signposts();
		posts.update([{ name: old.room, secret: old.secret }], roomNotice(fDoc));
		const stranger = wakeUp(old, new Uint8Array([0, 0]), fKeys.publicKey, strangerKeys);
		await waitFor(() => stranger.room.turnedAway === 'closed', 'turned away: closed');
		posts.update([{ name: old.room, secret: old.secret }], null);
		expect(posts.rooms).toEqual([]);
	});
});
