import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { generateSigningKey, toBase64Url } from '../session/keys/signing';
import { sealSync } from '../session/keys/sealing';
import { FacilitatorAuthority } from './authority';
import { publishActivities } from './facilitation';
import { isRemoved, moveRoom, readRoomMove, roomFor, unwrapRoom, wrapRoom } from './room-move';
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
		expect(readRoomMove(state({ seq: 1, wraps: { notakey: 'x', [key]: 5 } }))).toEqual({ seq: 1, wraps: {} });
	});
});
