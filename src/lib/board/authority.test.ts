import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { canonicalJson, generateSigningKey, sign, toBase64Url } from '../session/keys/signing';
import { EMPTY_STATE, FacilitatorAuthority, recordOrder, verifyRecord, type ControlState } from './authority';
import { sessionMaps } from './doc';
import { endSession, publishActivities, setCurrentActivity, setLocked, setPhase } from './facilitation';
import { readActivities, readRun } from './read';
import { activity, actor } from './test-board';
import { startTimer } from './timer';

const encoder = new TextEncoder();

/** Connects docs both ways, like a room where every update reaches every device at once. */
function connect(...docs: Y.Doc[]) {
	for (const from of docs)
		from.on('update', (update: Uint8Array, origin: unknown) => {
			for (const to of docs) if (to !== from && origin !== 'remote') Y.applyUpdate(to, update, 'remote');
		});
	for (const a of docs) for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'remote');
}

/** Lets queued heals (microtasks) and signatures run. */
const settle = async (...authorities: FacilitatorAuthority[]) => {
	for (let i = 0; i < 3; i++) {
		await Promise.all(authorities.map((a) => a.settled()));
		await new Promise((resolve) => setTimeout(resolve, 0));
	}
};

async function room() {
	const facilitatorKeys = await generateSigningKey();
	const coKeys = await generateSigningKey();
	const docs = { facilitator: new Y.Doc(), participant: new Y.Doc(), co: new Y.Doc() };
	const authorities = {
		facilitator: new FacilitatorAuthority({
			doc: docs.facilitator,
			facilitatorKey: facilitatorKeys.publicKey,
			signer: facilitatorKeys
		}),
		participant: new FacilitatorAuthority({
			doc: docs.participant,
			facilitatorKey: facilitatorKeys.publicKey,
			signer: await generateSigningKey()
		}),
		co: new FacilitatorAuthority({ doc: docs.co, facilitatorKey: facilitatorKeys.publicKey, signer: coKeys })
	};
	const actors = {
		facilitator: actor('f', 'facilitator'),
		participant: actor('p', 'participant'),
		co: actor('c', 'participant')
	};
	return { facilitatorKeys, coKeys, docs, authorities, actors };
}

async function signedRecord(privateKey: Uint8Array, by: Uint8Array, seq: number, state: ControlState) {
	const body = canonicalJson({ seq, state });
	return { body, by: toBase64Url(by), sig: toBase64Url(await sign(privateKey, encoder.encode(body))) };
}

describe('signed facilitator control', () => {
	it('carries the facilitator’s commands to every device through the signed record', async () => {
		const { docs, authorities, actors } = await room();
		connect(docs.facilitator, docs.participant, docs.co);
		expect(publishActivities(docs.facilitator, actors.facilitator, [activity('a1'), activity('a2')]).ok).toBe(true);
		expect(setCurrentActivity(docs.facilitator, actors.facilitator, 'a1', 1000).ok).toBe(true);
		expect(setPhase(docs.facilitator, actors.facilitator, 'a1', 'vote').ok).toBe(true);
		// Shown on the facilitator's own device at once, before the signature is made.
		expect(readActivities(sessionMaps(docs.facilitator))[0].phase).toBe('vote');
		await settle(...Object.values(authorities));
		for (const doc of Object.values(docs)) {
			const maps = sessionMaps(doc);
			expect(readRun(maps).activityId).toBe('a1');
			expect(readActivities(maps).map((a) => [a.id, a.phase, a.revealed])).toEqual([
				['a1', 'vote', true],
				['a2', 'write', false]
			]);
		}
		expect(authorities.participant.best?.seq).toBe(3);
	});

	it('refuses a participant’s facilitator commands and ignores its plain writes', async () => {
		const { docs, authorities, actors } = await room();
		connect(docs.facilitator, docs.participant);
		publishActivities(docs.facilitator, actors.facilitator, [activity('a1')]);
		await settle(authorities.facilitator, authorities.participant);
		// A participant pretending to be the facilitator in its own app is still refused…
		const pretender = actor('p', 'facilitator');
		expect(setLocked(docs.participant, pretender, true)).toEqual({ ok: false, reason: 'not-allowed' });
		// …and writing the plain fields directly (developer tools) changes nothing anywhere.
		docs.participant.transact(() => {
			const maps = sessionMaps(docs.participant);
			maps.run.set('locked', true);
			maps.run.set('endedAt', 5);
			maps.activities.get('a1')?.set('phase', 'results');
			maps.activities.get('a1')?.set('revealed', true);
			maps.activities.get('a1')?.set('resultsShown', true);
		});
		await settle(authorities.facilitator, authorities.participant);
		for (const doc of [docs.facilitator, docs.participant]) {
			const maps = sessionMaps(doc);
			expect(readRun(maps)).toMatchObject({ locked: false, endedAt: null });
			expect(readActivities(maps)[0]).toMatchObject({ phase: 'write', revealed: false, resultsShown: false });
		}
	});

	it('overwrites a forged record everywhere, also on the device that wrote it', async () => {
		const { docs, authorities, actors, facilitatorKeys } = await room();
		connect(docs.facilitator, docs.participant);
		publishActivities(docs.facilitator, actors.facilitator, [activity('a1')]);
		await settle(authorities.facilitator, authorities.participant);
		const good = authorities.participant.best!;
		const forger = await generateSigningKey();
		const ended: ControlState = { ...good.state, endedAt: 99 };
		// Signed by a key of its own, claiming to be the facilitator's record with a huge seq.
		const forged = await signedRecord(forger.privateKey, facilitatorKeys.publicKey, 1_000_000, ended);
		const selfSigned = await signedRecord(forger.privateKey, forger.publicKey, 1_000_000, ended);
		for (const value of [forged, selfSigned, { body: 'x' }, 'garbage']) {
			docs.participant.getMap('control').set('record', value);
			await settle(authorities.facilitator, authorities.participant);
			for (const doc of [docs.facilitator, docs.participant]) {
				expect(doc.getMap('control').get('record')).toEqual(good.stored);
				expect(readRun(sessionMaps(doc)).endedAt).toBeNull();
			}
		}
		expect(authorities.participant.ignoredRecords).toBeGreaterThanOrEqual(4);
	});

	it('puts back a newer record when an older valid one is replayed', async () => {
		const { docs, authorities, actors } = await room();
		connect(docs.facilitator, docs.participant);
		publishActivities(docs.facilitator, actors.facilitator, [activity('a1')]);
		await settle(authorities.facilitator, authorities.participant);
		const old = authorities.participant.best!.stored;
		endSession(docs.facilitator, actors.facilitator, false, 500);
		await settle(authorities.facilitator, authorities.participant);
		docs.participant.getMap('control').set('record', old);
		await settle(authorities.facilitator, authorities.participant);
		for (const doc of [docs.facilitator, docs.participant]) expect(readRun(sessionMaps(doc)).endedAt).toBe(500);
	});

	it('settles on the highest seq when devices write concurrently, in either order', async () => {
		const { facilitatorKeys } = await room();
		const key = facilitatorKeys.publicKey;
		const records = await Promise.all(
			[3, 7, 5].map((seq) =>
				signedRecord(facilitatorKeys.privateKey, key, seq, {
					...EMPTY_STATE,
					timer: { status: 'idle', durationMs: seq }
				})
			)
		);
		for (const order of [
			[0, 1, 2],
			[2, 1, 0],
			[1, 0, 2]
		]) {
			const docs = order.map(() => new Y.Doc());
			const authorities = docs.map((doc) => new FacilitatorAuthority({ doc, facilitatorKey: key }));
			// Each device writes one record while apart; then they meet.
			order.forEach((i, d) => docs[d].getMap('control').set('record', records[i]));
			connect(...docs);
			await settle(...authorities);
			for (const doc of docs) {
				expect(readRun(sessionMaps(doc)).timer.durationMs).toBe(7);
				expect(doc.getMap('control').get('record')).toEqual(records[1]);
			}
		}
		// Two valid records with the same seq: every device picks the same one.
		const a = verifyRecord(records[0], key)!;
		const b = verifyRecord({ ...(await signedRecord(facilitatorKeys.privateKey, key, 3, EMPTY_STATE)) }, key)!;
		expect(Math.sign(recordOrder(a, b))).toBe(-Math.sign(recordOrder(b, a)));
		expect(recordOrder(a, b)).not.toBe(0);
	});
});

describe('co-facilitator', () => {
	it('moves the workshop on once delegated, including after the facilitator has gone', async () => {
		const { docs, authorities, actors, coKeys } = await room();
		connect(docs.facilitator, docs.participant, docs.co);
		publishActivities(docs.facilitator, actors.facilitator, [activity('a1')]);
		setCurrentActivity(docs.facilitator, actors.facilitator, 'a1', 1);
		await settle(...Object.values(authorities));
		expect(setPhase(docs.co, actors.co, 'a1', 'reveal')).toEqual({ ok: false, reason: 'not-allowed' });

		expect(authorities.facilitator.setDelegate(toBase64Url(coKeys.publicKey), true)).toBe(true);
		await settle(...Object.values(authorities));
		expect(authorities.co.canControl).toBe(true);
		expect(authorities.participant.canControl).toBe(false);

		// The facilitator's tablet dies.
		authorities.facilitator.destroy();
		docs.facilitator.destroy();
		expect(setPhase(docs.co, actors.co, 'a1', 'reveal').ok).toBe(true);
		expect(startTimer(docs.co, actors.co, 10).ok).toBe(true);
		await settle(authorities.co, authorities.participant);
		const maps = sessionMaps(docs.participant);
		expect(readActivities(maps)[0].phase).toBe('reveal');
		expect(readRun(maps).timer.status).toBe('running');
	});

	it('loses its rights on revocation, and nothing it signs under the old delegation wins', async () => {
		const { docs, authorities, actors, coKeys } = await room();
		connect(docs.facilitator, docs.participant);
		publishActivities(docs.facilitator, actors.facilitator, [activity('a1')]);
		authorities.facilitator.setDelegate(toBase64Url(coKeys.publicKey), true);
		await settle(authorities.facilitator, authorities.participant);
		const delegated = authorities.participant.best!.state;

		authorities.facilitator.setDelegate(toBase64Url(coKeys.publicKey), false);
		await settle(authorities.facilitator, authorities.participant);
		expect(authorities.participant.delegates).toEqual([]);

		// The revoked device, offline, signs a record with a huge seq under the delegation it had.
		const late = await signedRecord(coKeys.privateKey, coKeys.publicKey, 10_000, { ...delegated, locked: true });
		expect(verifyRecord(late, authorities.participant.facilitatorKey)).not.toBeNull();
		docs.participant.getMap('control').set('record', late);
		await settle(authorities.facilitator, authorities.participant);
		expect(readRun(sessionMaps(docs.participant)).locked).toBe(false);
		expect(readRun(sessionMaps(docs.facilitator)).locked).toBe(false);
	});
});

describe('malformed control records', () => {
	/** A record signed by the facilitator's own key over a body spoilt one way: a valid signature
	 * does not make a malformed record count. */
	async function signedBody(privateKey: Uint8Array, by: Uint8Array, body: string) {
		return { body, by: toBase64Url(by), sig: toBase64Url(await sign(privateKey, encoder.encode(body))) };
	}

	it.each<[string, (state: Record<string, unknown>) => unknown]>([
		['a negative seq', (state) => ({ seq: -1, state })],
		['a fractional seq', (state) => ({ seq: 1.5, state })],
		['no state', () => ({ seq: 1 })],
		['an activity id too long', (state) => ({ seq: 1, state: { ...state, activityId: 'a'.repeat(101) } })],
		['a lock that is not true or false', (state) => ({ seq: 1, state: { ...state, locked: 'yes' } })],
		['an end that is no number', (state) => ({ seq: 1, state: { ...state, endedAt: 'now' } })],
		['activities that are a list', (state) => ({ seq: 1, state: { ...state, activities: [] } })],
		['an activity that is no object', (state) => ({ seq: 1, state: { ...state, activities: { a1: 5 } } })],
		['a removed list that is no list', (state) => ({ seq: 1, state: { ...state, removed: 'all' } })],
		['an unsigned delegation', (state) => ({ seq: 1, state: { ...state, delegation: { body: '{}', sig: 'x' } } })]
	])('ignores a record with %s, even signed by the facilitator', async (_kind, spoil) => {
		const { facilitatorKeys } = await room();
		const body = canonicalJson(spoil({ ...EMPTY_STATE } as unknown as Record<string, unknown>));
		const record = await signedBody(facilitatorKeys.privateKey, facilitatorKeys.publicKey, body);
		expect(verifyRecord(record, facilitatorKeys.publicKey)).toBeNull();
	});

	it('ignores a body that is not canonical, holds a number too large to sign, is oversized, or is signed by a key that is not one', async () => {
		const { facilitatorKeys } = await room();
		const fine = await signedRecord(facilitatorKeys.privateKey, facilitatorKeys.publicKey, 1, EMPTY_STATE);
		expect(verifyRecord(fine, facilitatorKeys.publicKey)).not.toBeNull();
		const spaced = await signedBody(
			facilitatorKeys.privateKey,
			facilitatorKeys.publicKey,
			JSON.stringify({ state: EMPTY_STATE, seq: 1 }, null, 1)
		);
		expect(verifyRecord(spaced, facilitatorKeys.publicKey)).toBeNull();
		const huge = await signedRecord(facilitatorKeys.privateKey, facilitatorKeys.publicKey, 1, {
			...EMPTY_STATE,
			activities: { a1: { title: 'x'.repeat(1_000_001) } }
		});
		expect(verifyRecord(huge, facilitatorKeys.publicKey)).toBeNull();
		const infinite = await signedBody(
			facilitatorKeys.privateKey,
			facilitatorKeys.publicKey,
			'{"seq":1,"state":{"activityId":null,"x":1e999}}'
		);
		expect(verifyRecord(infinite, facilitatorKeys.publicKey)).toBeNull();
		expect(verifyRecord({ ...fine, by: 'not-a-key' }, facilitatorKeys.publicKey)).toBeNull();
		expect(verifyRecord({ ...fine, sig: 5 }, facilitatorKeys.publicKey)).toBeNull();
		expect(verifyRecord(null, facilitatorKeys.publicKey)).toBeNull();
	});
});
