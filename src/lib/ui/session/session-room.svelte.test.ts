import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { FacilitatorAuthority } from '$lib/board/authority';
import { publishActivities } from '$lib/board/facilitation';
import { moveRoom, type RoomKey } from '$lib/board/room-move';
import { activity, actor, syncDocs } from '$lib/board/test-board';
import { generateSigningKey, toBase64Url } from '$lib/session/keys/signing';
import { SessionRoom } from './session-room.svelte';

const OLD = { name: 'vanha-huone-0001', secret: 'vanha-salaisuus-0001' };
const NEW = { name: 'uusi-huone-0002', secret: 'uusi-salaisuus-0002' };

const settle = async (authorities: FacilitatorAuthority[], docs: Y.Doc[]) => {
	for (let i = 0; i < 4; i++) {
		await Promise.all(authorities.map((a) => a.settled()));
		syncDocs(...docs);
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
};

describe('SessionRoom', () => {
	it('moves the remaining devices to the new room and tells the removed one it has left', async () => {
		const fKeys = await generateSigningKey();
		const others = await Promise.all([0, 1].map(() => generateSigningKey()));
		const signers = [fKeys, ...others];
		const docs = signers.map(() => new Y.Doc());
		const authorities = docs.map(
			(doc, i) => new FacilitatorAuthority({ doc, facilitatorKey: fKeys.publicKey, signer: signers[i] })
		);
		const moves: RoomKey[][] = docs.map(() => []);
		const left = docs.map(() => 0);
		const rooms = docs.map(
			(doc, i) =>
				new SessionRoom({
					doc,
					room: OLD,
					move: (room) => moves[i].push(room),
					leave: () => left[i]++,
					delayMs: 0
				})
		);
		const facilitator = actor('f', 'facilitator');
		facilitator.secrets = { device: fKeys.privateKey, facilitator: fKeys.privateKey };
		publishActivities(docs[0], facilitator, [activity('a1')]);
		await settle(authorities, docs);
		const keys = signers.map((s) => toBase64Url(s.publicKey));
		expect(moveRoom(docs[0], facilitator, NEW, keys, [keys[2]]).ok).toBe(true);
		// Not before the record is signed: the facilitator stays in the old room until then.
		expect(moves[0]).toEqual([]);
		await settle(authorities, docs);
		expect(moves.map((m) => m.map((r) => r.name))).toEqual([[NEW.name], [NEW.name], []]);
		expect(rooms.map((r) => [r.current.name, r.removed])).toEqual([
			[NEW.name, false],
			[NEW.name, false],
			[OLD.name, true]
		]);
		expect(left).toEqual([0, 0, 1]);
	});

	it('says the room is closed while the record says so, and follows the close to its new room', async () => {
		const fKeys = await generateSigningKey();
		const other = await generateSigningKey();
		const signers = [fKeys, other];
		const docs = signers.map(() => new Y.Doc());
		const authorities = docs.map(
			(doc, i) => new FacilitatorAuthority({ doc, facilitatorKey: fKeys.publicKey, signer: signers[i] })
		);
		const moves: RoomKey[][] = docs.map(() => []);
		const rooms = docs.map(
			(doc, i) => new SessionRoom({ doc, room: OLD, move: (room) => moves[i].push(room), leave: () => {}, delayMs: 0 })
		);
		const facilitator = actor('f', 'facilitator');
		facilitator.secrets = { device: fKeys.privateKey, facilitator: fKeys.privateKey };
		publishActivities(docs[0], facilitator, [activity('a1')]);
		await settle(authorities, docs);
		const keys = signers.map((s) => toBase64Url(s.publicKey));
		moveRoom(docs[0], facilitator, NEW, keys, [], { closed: true });
		// The facilitator's panel hides the invitation at once.
		expect(rooms[0].closed).toBe(true);
		await settle(authorities, docs);
		expect(rooms.map((r) => [r.closed, r.current.name, r.removed])).toEqual([
			[true, NEW.name, false],
			[true, NEW.name, false]
		]);
		expect(rooms[1].previous).toEqual([OLD]);
		moveRoom(docs[0], facilitator, NEW, keys, [], { closed: false });
		await settle(authorities, docs);
		expect(rooms.map((r) => r.closed)).toEqual([false, false]);
		// Reopening moves nobody: the same room, signed again.
		expect(moves.map((m) => m.length)).toEqual([1, 1]);
		for (const r of rooms) r.destroy();
	});

	it('stays in its room in a session without signed control', () => {
		const room = new SessionRoom({ doc: new Y.Doc(), room: OLD, move: () => {}, leave: () => {} });
		expect([room.current, room.removed]).toEqual([OLD, false]);
		room.destroy();
	});
});
