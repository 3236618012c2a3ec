import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { canonicalJson, generateSigningKey, signSync, toBase64Url } from '../session/keys/signing';
import { sealSync } from '../session/keys/sealing';
import { FacilitatorAuthority } from './authority';
import { publishActivities } from './facilitation';
import {
	isRemoved,
	isRoomClosed,
	moveRoom,
	noticeVerdict,
	openMoveRoom,
	readRoomMove,
	readRoomNotice,
	roomFor,
	roomNotice,
	unwrapRoom,
	wrapRoom,
	type RoomNotice
} from './room-move';
import { activity, actor, syncDocs } from './test-board';

const settle = async (authorities: FacilitatorAuthority[], docs: Y.Doc[]) => {
	for (let i = 0; i < 4; i++) {
		await Promise.all(authorities.map((a) => a.settled()));
		syncDocs(...docs);
		await new Promise((resolve) => setTimeout(resolve, 0));
	}
};

async function room() {
	const fKeys = await generateSigningKey();
	const devices = await Promise.all([0, 1].map(() => generateSigningKey()));
	const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
	const signers = [fKeys, ...devices];
	const authorities = docs.map(
		(doc, i) => new FacilitatorAuthority({ doc, facilitatorKey: fKeys.publicKey, signer: signers[i] })
	);
	const facilitator = actor('f', 'facilitator');
	facilitator.secrets = { device: fKeys.privateKey, facilitator: fKeys.privateKey };
	publishActivities(docs[0], facilitator, [activity('a1')]);
	await settle(authorities, docs);
	const keys = signers.map((s) => toBase64Url(s.publicKey));
	return { docs, authorities, facilitator, keys, devices };
}

const NEW_ROOM = { name: 'uusi-huone-1234', secret: 'salainen-avain-5678' };

describe('moving the room away from a removed device', () => {
	it('wraps the new room to every remaining join key and to nobody else', async () => {
		const { docs, authorities, facilitator, keys } = await room();
		const [fDoc, keptDoc, removedDoc] = docs;
		expect(moveRoom(fDoc, facilitator, NEW_ROOM, [keys[0], keys[1], keys[2]], [keys[2]]).ok).toBe(true);
		await settle(authorities, docs);
		expect(roomFor(keptDoc)).toEqual({ ...NEW_ROOM, seq: 1 });
		expect(roomFor(fDoc)).toEqual({ ...NEW_ROOM, seq: 1 });
		expect(roomFor(removedDoc)).toBeNull();
		expect(isRemoved(removedDoc)).toBe(true);
		expect(isRemoved(keptDoc)).toBe(false);
		// The new secret is nowhere in the removed device's document.
		expect(Buffer.from(Y.encodeStateAsUpdate(removedDoc)).includes(NEW_ROOM.secret)).toBe(false);
	});

	it('refuses a participant: only a device that may control moves the room', async () => {
		const { docs, authorities, keys } = await room();
		const participant = actor('p');
		expect(moveRoom(docs[1], participant, NEW_ROOM, keys)).toEqual({ ok: false, reason: 'not-allowed' });
		await settle(authorities, docs);
		expect(roomFor(docs[1])).toBeNull();
	});

	it('counts moves, each wrap bound to its own', async () => {
		const { docs, authorities, facilitator, keys } = await room();
		moveRoom(docs[0], facilitator, NEW_ROOM, keys);
		await settle(authorities, docs);
		const second = { name: 'toinen-huone-99', secret: 'toinen-salaisuus-99' };
		moveRoom(docs[0], facilitator, second, keys.slice(0, 2), [keys[2]]);
		await settle(authorities, docs);
		expect(roomFor(docs[1])).toEqual({ ...second, seq: 2 });
		expect(roomFor(docs[2])).toBeNull();
	});
});

describe('room wraps', () => {
	it('opens only with the join key’s private half and the same move', async () => {
		const join = await generateSigningKey();
		const other = await generateSigningKey();
		const wrap = wrapRoom(NEW_ROOM, toBase64Url(join.publicKey), 3);
		expect(unwrapRoom(wrap, join.privateKey, 3)).toEqual(NEW_ROOM);
		expect(unwrapRoom(wrap, other.privateKey, 3)).toBeNull();
		expect(unwrapRoom(wrap, join.privateKey, 4)).toBeNull();
	});

	it('ignores each malformed kind of entry', async () => {
		const join = await generateSigningKey();
		const key = toBase64Url(join.publicKey);
		const sealedJson = (value: unknown, seq = 1) =>
			toBase64Url(
				sealSync(join.publicKey, new TextEncoder().encode(JSON.stringify(value)), {
					context: new TextEncoder().encode(`kohtaamo/room-move/v1/${seq}`)
				})
			);
		const malformed: Record<string, string> = {
			'not base64': '***',
			empty: '',
			'not JSON': toBase64Url(
				sealSync(join.publicKey, new TextEncoder().encode('{'), {
					context: new TextEncoder().encode('kohtaamo/room-move/v1/1')
				})
			),
			'missing secret': sealedJson({ name: NEW_ROOM.name }),
			'short secret': sealedJson({ name: NEW_ROOM.name, secret: 'x' }),
			'odd characters': sealedJson({ name: 'a b c d e f g h', secret: NEW_ROOM.secret }),
			'another move': sealedJson(NEW_ROOM, 2)
		};
		for (const [kind, wrap] of Object.entries(malformed)) expect(unwrapRoom(wrap, join.privateKey, 1), kind).toBeNull();
		const state = (roomMove: unknown) => ({ roomMove }) as never;
		expect(readRoomMove(state(null))).toBeNull();
		expect(readRoomMove(state({ seq: 0, wraps: {} }))).toBeNull();
		expect(readRoomMove(state({ seq: 1.5, wraps: {} }))).toBeNull();
		expect(readRoomMove(state({ seq: 1, wraps: [] }))).toBeNull();
		expect(readRoomMove(state({ seq: 1, wraps: { notakey: 'x', [key]: 5 } }))).toEqual({
			seq: 1,
			wraps: {},
			removed: [],
			closed: false
		});
		expect(readRoomMove(state({ body: '{', by: key, sig: 'x' }))).toBeNull();
		expect(readRoomMove(state({ body: JSON.stringify({ seq: 0, wraps: {} }), by: key, sig: 'x' }))).toBeNull();
	});
});

describe('closing the room to new devices', () => {
	it('moves every device to a new room, says it is closed, and reopens the same room', async () => {
		const { docs, authorities, facilitator, keys } = await room();
		expect(isRoomClosed(docs[1])).toBe(false);
		expect(moveRoom(docs[0], facilitator, NEW_ROOM, keys, [], { closed: true }).ok).toBe(true);
		// The facilitator's own view shows it at once (pending), the others once it is signed.
		expect(isRoomClosed(docs[0])).toBe(true);
		await settle(authorities, docs);
		for (const doc of docs) {
			expect(isRoomClosed(doc)).toBe(true);
			expect(roomFor(doc)).toEqual({ ...NEW_ROOM, seq: 1 });
			expect(isRemoved(doc)).toBe(false);
		}
		// Reopening keeps the room the close moved to (also right after closing, before signing).
		expect(openMoveRoom(docs[0])).toEqual(NEW_ROOM);
		expect(moveRoom(docs[0], facilitator, openMoveRoom(docs[0])!, keys, [], { closed: false }).ok).toBe(true);
		await settle(authorities, docs);
		for (const doc of docs) {
			expect(isRoomClosed(doc)).toBe(false);
			expect(roomFor(doc)).toEqual({ ...NEW_ROOM, seq: 2 });
		}
	});

	it('stays closed when a device is removed while it is closed', async () => {
		const { docs, authorities, facilitator, keys } = await room();
		moveRoom(docs[0], facilitator, NEW_ROOM, keys, [], { closed: true });
		await settle(authorities, docs);
		const next = { name: 'kolmas-huone-33', secret: 'kolmas-salaisuus-33' };
		moveRoom(docs[0], facilitator, next, keys, [keys[2]]);
		await settle(authorities, docs);
		expect(isRoomClosed(docs[1])).toBe(true);
		expect(roomFor(docs[1])).toEqual({ ...next, seq: 2 });
		expect(isRemoved(docs[2])).toBe(true);
	});
});

describe('the move notice a signpost hands on', () => {
	async function moved(closed = false) {
		const setup = await room();
		const { docs, authorities, facilitator, keys } = setup;
		moveRoom(docs[0], facilitator, NEW_ROOM, keys.slice(0, 2), [keys[2]], { closed });
		await settle(authorities, docs);
		return { ...setup, notice: roomNotice(docs[0])! };
	}

	it('is accepted only under the session’s own facilitator key', async () => {
		const { notice } = await moved();
		const elsewhere = await generateSigningKey();
		expect(readRoomNotice(notice, elsewhere.publicKey)).toBeNull();
	});

	it('opens for the session’s own facilitator key: a wrap for the sleeper, "removed" for the removed', async () => {
		const { notice, keys, devices, authorities } = await moved();
		const move = readRoomNotice(notice, authorities[1].facilitatorKey)!;
		expect(move.seq).toBe(1);
		expect(noticeVerdict(move, keys[1], devices[0].privateKey)).toEqual({ kind: 'move', room: NEW_ROOM, seq: 1 });
		expect(noticeVerdict(move, keys[2], devices[1].privateKey)).toEqual({ kind: 'removed' });
		// A new device (no wrap, not removed) is turned away: the room moved without it.
		const stranger = await generateSigningKey();
		expect(noticeVerdict(move, toBase64Url(stranger.publicKey), stranger.privateKey)).toEqual({
			kind: 'turned-away',
			closed: false
		});
	});

	it('says "closed" to a new device when the room is closed', async () => {
		const { notice, authorities } = await moved(true);
		const move = readRoomNotice(notice, authorities[1].facilitatorKey)!;
		const stranger = await generateSigningKey();
		expect(noticeVerdict(move, toBase64Url(stranger.publicKey), stranger.privateKey)).toEqual({
			kind: 'turned-away',
			closed: true
		});
	});

	it('carries nothing of the session but the move: no state, titles or keys', async () => {
		const { notice } = await moved();
		expect(Object.keys(notice).sort()).toEqual(['delegation', 'move']);
		expect(Object.keys(JSON.parse(notice.move.body) as object).sort()).toEqual(['closed', 'removed', 'seq', 'wraps']);
		expect(JSON.stringify(notice)).not.toContain('Activity a1');
		expect(JSON.stringify(notice)).not.toContain('What do you hope for');
	});

	it('refuses a forged, altered or wrongly delegated notice', async () => {
		const { notice, authorities, keys, devices } = await moved();
		const fKey = authorities[1].facilitatorKey;
		const body = JSON.parse(notice.move.body) as Record<string, unknown>;
		const altered: RoomNotice = {
			...notice,
			move: { ...notice.move, body: canonicalJson({ ...body, removed: [], closed: true }) }
		};
		expect(readRoomNotice(altered, fKey)).toBeNull();
		// Signed by a participant's key: valid signature, no authority.
		const forgedBody = canonicalJson({ seq: 9, wraps: {}, removed: [keys[1]], closed: true });
		const forged: RoomNotice = {
			move: {
				body: forgedBody,
				by: keys[1],
				sig: toBase64Url(signSync(devices[0].privateKey, new TextEncoder().encode(forgedBody)))
			},
			delegation: null
		};
		expect(readRoomNotice(forged, fKey)).toBeNull();
		const junkBody = (body: string) => ({ move: { ...notice.move, body }, delegation: null });
		for (const bad of [
			null,
			5,
			{},
			{ move: 'x' },
			{ move: { body: 1, by: keys[0], sig: 'x' } },
			junkBody('not json'),
			junkBody('{"seq":1e999}'),
			junkBody('x'.repeat(400_001))
		])
			expect(readRoomNotice(bad, fKey)).toBeNull();
	});

	it('accepts a co-facilitator’s notice only with a delegation at least as recent as this device knows', async () => {
		const { docs, authorities, keys, devices } = await room();
		authorities[0].setDelegate(keys[1], true);
		await settle(authorities, docs);
		const delegate = actor('p1');
		delegate.secrets = { device: devices[0].privateKey };
		expect(moveRoom(docs[1], delegate, NEW_ROOM, keys.slice(0, 2), [keys[2]]).ok).toBe(true);
		await settle(authorities, docs);
		const notice = roomNotice(docs[1])!;
		expect(notice.move.by).toBe(keys[1]);
		const fKey = authorities[2].facilitatorKey;
		const seq = authorities[2].best!.delegation.seq;
		expect(readRoomNotice(notice, fKey, seq)?.removed).toEqual([keys[2]]);
		// Without the delegation, or with one older than what this device knows (revoked since): refused.
		expect(readRoomNotice({ ...notice, delegation: null }, fKey)).toBeNull();
		expect(readRoomNotice(notice, fKey, seq + 1)).toBeNull();
	});
});
