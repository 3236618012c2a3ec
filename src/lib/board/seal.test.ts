import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { generateSigningKey } from '../session/keys/signing';
import { sealSync } from '../session/keys/sealing';
import { FacilitatorAuthority } from './authority';
import { addNote, castVote, editNote, myDots } from './commands';
import { sessionMaps } from './doc';
import { publishActivities, setPhase } from './facilitation';
import { approveNotes, setModerated, waitingNotes } from './moderation';
import { readBallots, readNote, readNotes } from './read';
import { visibleNotes, voteTotals } from './results';
import { openText, sealingKeyPair, sealingRoot, sealingRoots, unsealAll } from './seal';
import { openSync } from '../session/keys/sealing';
import { fromBase64Url } from '../session/keys/signing';
import { activity, actor, PRIVATE_BOARD } from './test-board';

/** Devices linked in memory; `cut` takes one out of the room (its page closed). */
function network(docs: Y.Doc[]) {
	const out = new Set<Y.Doc>();
	for (const from of docs)
		from.on('update', (update: Uint8Array, origin: unknown) => {
			if (out.has(from) || origin === 'remote') return;
			for (const to of docs) if (to !== from && !out.has(to)) Y.applyUpdate(to, update, 'remote');
		});
	for (const a of docs) for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'remote');
	return { cut: (doc: Y.Doc) => out.add(doc) };
}

const settle = async (authorities: FacilitatorAuthority[]) => {
	for (let i = 0; i < 4; i++) {
		await Promise.all(authorities.map((a) => a.settled()));
		await new Promise((resolve) => setTimeout(resolve, 0));
	}
};

const MARKER = 'SALAINEN-merkki-4711';
const stored = (doc: Y.Doc) => Buffer.from(Y.encodeStateAsUpdate(doc));

async function room(board = PRIVATE_BOARD) {
	const fKeys = await generateSigningKey();
	const devices = await Promise.all(['aino', 'curious'].map(() => generateSigningKey()));
	const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
	const authorities = docs.map(
		(doc, i) =>
			new FacilitatorAuthority({ doc, facilitatorKey: fKeys.publicKey, signer: i === 0 ? fKeys : devices[i - 1] })
	);
	const facilitator = actor('f', 'facilitator');
	facilitator.secrets = { device: fKeys.privateKey, facilitator: fKeys.privateKey };
	const aino = actor('aino');
	aino.secrets = { device: devices[0].privateKey };
	const curious = actor('curious');
	curious.secrets = { device: devices[1].privateKey };
	const net = network(docs);
	publishActivities(docs[0], facilitator, [activity('a1', board)]);
	await settle(authorities);
	const [fDoc, ainoDoc, curiousDoc] = docs;
	return { fKeys, docs, fDoc, ainoDoc, curiousDoc, authorities, facilitator, aino, curious, net };
}

function write(doc: Y.Doc, who: ReturnType<typeof actor>, text: string): string {
	const result = addNote(doc, who, { activityId: 'a1', text, color: 'yellow', zone: 'hopes' }, true);
	if (!result.ok) throw new Error(result.reason);
	who.mine.add(result.value);
	return result.value;
}

const textOn = (doc: Y.Doc, id: string) => readNote(id, sessionMaps(doc).notes.get(id))?.text;

describe('sealed private notes', () => {
	it('puts a reveal key per activity into the signed record, derived from the facilitator’s key', async () => {
		const { authorities, fKeys } = await room();
		const state = authorities[2].state as unknown as { sealKeys: Record<string, string> };
		expect(state.sealKeys['reveal:a1']).toBe(sealingKeyPair(sealingRoot(fKeys.privateKey), 'reveal:a1').publicKey);
		expect(state.sealKeys['results:a1']).toMatch(/^[A-Za-z0-9_-]{87}$/);
		expect(state.sealKeys.moderation).toMatch(/^[A-Za-z0-9_-]{87}$/);
	});

	it('keeps the text out of every device’s document before reveal; the writer and the facilitator read it', async () => {
		const { docs, fDoc, ainoDoc, curiousDoc, aino, curious, authorities } = await room();
		const id = write(ainoDoc, aino, `Palkka ${MARKER}`);
		await settle(authorities);
		for (const doc of docs) expect(stored(doc).includes(MARKER)).toBe(false);
		expect(sessionMaps(curiousDoc).notes.get(id)?.get('text')).toBeUndefined();
		expect(textOn(ainoDoc, id)).toBe(`Palkka ${MARKER}`);
		expect(textOn(fDoc, id)).toBe(`Palkka ${MARKER}`);
		// The curious participant's device holds the note (zone, colour, place), not its text.
		const seen = readNote(id, sessionMaps(curiousDoc).notes.get(id))!;
		expect(seen).toMatchObject({ sealed: true, text: '', zone: 'hopes', color: 'yellow', private: true });
		const a1 = { id: 'a1', revealed: false } as Parameters<typeof visibleNotes>[1];
		expect(visibleNotes([seen], a1, (n) => curious.owns(n))).toEqual([]);
	});

	it('opens on every device at reveal, also when the writer’s device is gone', async () => {
		const { fDoc, ainoDoc, curiousDoc, aino, facilitator, authorities, net } = await room();
		const id = write(ainoDoc, aino, `Aamut ${MARKER}`);
		await settle(authorities);
		net.cut(ainoDoc);
		authorities[1].destroy();
		expect(setPhase(fDoc, facilitator, 'a1', 'reveal').ok).toBe(true);
		await settle(authorities);
		expect(textOn(curiousDoc, id)).toBe(`Aamut ${MARKER}`);
		expect(readNote(id, sessionMaps(curiousDoc).notes.get(id))?.sealed).toBeUndefined();
	});

	it('lets a co-facilitator reveal when the facilitator’s device is gone', async () => {
		const { fDoc, ainoDoc, curiousDoc, aino, authorities, net } = await room();
		// Aino's device becomes a co-facilitator (its device key is delegated).
		authorities[0].setDelegate(authorities[1].signerKey!, true);
		await settle(authorities);
		expect(authorities[1].sealingRoot).not.toBeNull();
		expect(authorities[2].sealingRoot).toBeNull();
		const curious = actor('c2');
		curious.secrets = { device: authorities[2].signerPrivateKey! };
		const id = write(curiousDoc, curious, `Kuiskaus ${MARKER}`);
		await settle(authorities);
		net.cut(fDoc);
		authorities[0].destroy();
		expect(stored(ainoDoc).includes(MARKER)).toBe(false);
		expect(setPhase(ainoDoc, aino, 'a1', 'reveal').ok).toBe(true);
		await settle(authorities.slice(1));
		expect(textOn(ainoDoc, id)).toBe(`Kuiskaus ${MARKER}`);
	});

	it('keeps an edit sealed before reveal and writes it plain after', async () => {
		const { fDoc, ainoDoc, curiousDoc, aino, facilitator, authorities } = await room();
		const id = write(ainoDoc, aino, 'Eka');
		await settle(authorities);
		expect(editNote(ainoDoc, aino, id, `Toka ${MARKER}`).ok).toBe(true);
		await settle(authorities);
		expect(stored(curiousDoc).includes(MARKER)).toBe(false);
		expect(textOn(ainoDoc, id)).toBe(`Toka ${MARKER}`);
		setPhase(fDoc, facilitator, 'a1', 'reveal');
		await settle(authorities);
		expect(editNote(ainoDoc, aino, id, 'Kolmas').ok).toBe(true);
		await settle(authorities);
		expect(sessionMaps(curiousDoc).notes.get(id)?.get('text')).toBe('Kolmas');
		expect(textOn(curiousDoc, id)).toBe('Kolmas');
	});

	it('reveals after a restore: a new device with the facilitator’s key opens every note', async () => {
		const { fKeys, ainoDoc, aino, authorities } = await room();
		const id = write(ainoDoc, aino, 'Palautettu');
		await settle(authorities);
		const restored = new Y.Doc();
		Y.applyUpdate(restored, Y.encodeStateAsUpdate(ainoDoc));
		const authority = new FacilitatorAuthority({ doc: restored, facilitatorKey: fKeys.publicKey, signer: fKeys });
		expect(textOn(restored, id)).toBe('Palautettu');
		const restoredFacilitator = actor('f2', 'facilitator');
		restoredFacilitator.secrets = { device: fKeys.privateKey, facilitator: fKeys.privateKey };
		setPhase(restored, restoredFacilitator, 'a1', 'reveal');
		await settle([authority]);
		expect((authority.state as unknown as { openKeys: Record<string, string> }).openKeys['reveal:a1']).toBeTruthy();
	});

	it('writes plain text in a session without sealing keys (before signed control)', () => {
		const doc = new Y.Doc();
		const facilitator = actor('f', 'facilitator');
		publishActivities(doc, facilitator, [activity('a1', PRIVATE_BOARD)]);
		const aino = actor('aino');
		const id = write(doc, aino, 'Vanha tapa');
		expect(sessionMaps(doc).notes.get(id)?.get('text')).toBe('Vanha tapa');
	});
});

describe('a copy of the session under a new facilitator key', () => {
	it('gets every sealed text opened with the original key, as plain unowned entries', async () => {
		const { fKeys, fDoc, ainoDoc, aino, facilitator, authorities } = await room(activity('a1').board);
		const id = write(ainoDoc, aino, 'Kopioon');
		setPhase(fDoc, facilitator, 'a1', 'vote');
		await settle(authorities);
		castVote(ainoDoc, aino, id);
		await settle(authorities);
		const copy = new Y.Doc();
		Y.applyUpdate(copy, Y.encodeStateAsUpdate(ainoDoc));
		unsealAll(copy, sealingRoot(fKeys.privateKey), ['a1'], 'test');
		const ballot = sessionMaps(copy).votes.get('a1/aino') as Record<string, unknown>;
		expect(ballot.noteIds).toEqual([id]);
		expect(ballot.sealed).toBeUndefined();
		// A private note (sealed) on another board opens the same way.
		const { ainoDoc: other, aino: writer, fKeys: otherKeys } = await room();
		const privateId = write(other, writer, 'Yksityinen');
		const copied = new Y.Doc();
		Y.applyUpdate(copied, Y.encodeStateAsUpdate(other));
		unsealAll(copied, sealingRoot(otherKeys.privateKey), ['a1'], 'test');
		const map = sessionMaps(copied).notes.get(privateId)!;
		expect([map.get('text'), map.get('sealedText'), map.get('owner')]).toEqual(['Yksityinen', undefined, undefined]);
	});
});

describe('sealed waiting notes', () => {
	it('seals a waiting note to the facilitator; approval publishes the text', async () => {
		const { docs, fDoc, ainoDoc, curiousDoc, aino, facilitator, authorities } = await room();
		setModerated(fDoc, facilitator, 'a1', true);
		await settle(authorities);
		const id = write(ainoDoc, aino, `Odottaa ${MARKER}`);
		await settle(authorities);
		for (const doc of docs) expect(stored(doc).includes(MARKER)).toBe(false);
		expect(textOn(ainoDoc, id)).toBe(`Odottaa ${MARKER}`);
		expect(waitingNotes(readNotes(sessionMaps(fDoc))).map((n) => n.text)).toEqual([`Odottaa ${MARKER}`]);
		expect(readNote(id, sessionMaps(curiousDoc).notes.get(id))).toMatchObject({ sealed: true, waiting: true });
		expect(approveNotes(fDoc, facilitator, [id])).toEqual({ ok: true, value: 1 });
		await settle(authorities);
		expect(textOn(curiousDoc, id)).toBe(`Odottaa ${MARKER}`);
	});
});

describe('sealed ballots', () => {
	it('hides others’ dots until results, then counts them everywhere', async () => {
		const { fDoc, ainoDoc, curiousDoc, aino, curious, facilitator, authorities } = await room(activity('a1').board);
		const id = write(ainoDoc, aino, 'Äänestä');
		await settle(authorities);
		setPhase(fDoc, facilitator, 'a1', 'vote');
		await settle(authorities);
		expect(castVote(ainoDoc, aino, id).ok).toBe(true);
		expect(castVote(ainoDoc, aino, id).ok).toBe(true);
		await settle(authorities);
		const ballot = sessionMaps(curiousDoc).votes.get('a1/aino') as Record<string, unknown>;
		expect(ballot.noteIds).toBeUndefined();
		expect(JSON.stringify(ballot)).not.toContain(id);
		expect(readBallots(sessionMaps(curiousDoc))).toEqual([]);
		expect(myDots(sessionMaps(ainoDoc), 'a1', 'aino')).toEqual([id, id]);
		expect(readBallots(sessionMaps(fDoc))).toHaveLength(1);
		expect(castVote(curiousDoc, curious, id).ok).toBe(true);
		setPhase(fDoc, facilitator, 'a1', 'results');
		await settle(authorities);
		const notes = readNotes(sessionMaps(curiousDoc));
		expect(voteTotals(readBallots(sessionMaps(curiousDoc)), notes).get(id)).toBe(3);
	});
});

describe('malformed and foreign sealed entries', () => {
	it('skips a malformed sealed text and reads an unopenable one as sealed', async () => {
		const { fKeys, curiousDoc, authorities } = await room();
		const notes = sessionMaps(curiousDoc).notes;
		const base = (sealedText: string) => {
			const map = new Y.Map<unknown>();
			for (const [k, v] of Object.entries({
				activityId: 'a1',
				color: 'yellow',
				place: { x: 1, y: 1, zone: null },
				cluster: null,
				private: true,
				createdAt: 1,
				sealedText
			}))
				map.set(k, v);
			return map;
		};
		const other = (await generateSigningKey()).publicKey;
		const recipient = sealingKeyPair(sealingRoot(fKeys.privateKey), 'reveal:a1').publicKey;
		const envelope = (to: Uint8Array, context: string) =>
			Buffer.from(sealSync(to, new TextEncoder().encode('x'), { context: new TextEncoder().encode(context) })).toString(
				'base64url'
			);
		const kinds: Record<string, string> = {
			'not sealed': 'no prefix',
			'too few parts': 's1.abc',
			'bad recipient': `s1.${'A'.repeat(87)}.salt.${envelope(other, 'k1')}`,
			oversized: `s1.${recipient}.salt.${'A'.repeat(200_000)}`
		};
		curiousDoc.transact(() => {
			for (const [kind, text] of Object.entries(kinds)) notes.set(kind.replace(/ /g, '-'), base(text));
			notes.set('wrong-key', base(`s1.${recipient}.AAAAAAAAAAAAAAAAAAAAAA.${envelope(other, 'wrong-key')}`));
		});
		await settle(authorities);
		for (const kind of Object.keys(kinds)) expect(readNote(kind, notes.get(kind.replace(/ /g, '-')))).toBeNull();
		expect(readNote('wrong-key', notes.get('wrong-key'))).toMatchObject({ sealed: true, text: '' });
		expect(openText(curiousDoc, 'x', 42)).toBeUndefined();
	});

	it('ignores a published private key that does not match its public key', async () => {
		const { fDoc, ainoDoc, curiousDoc, aino, authorities } = await room();
		const id = write(ainoDoc, aino, 'Ei auki');
		await settle(authorities);
		const bogus = await generateSigningKey();
		authorities[0].propose((state) => {
			(state as unknown as { openKeys: Record<string, string> }).openKeys['reveal:a1'] = Buffer.from(
				bogus.privateKey
			).toString('base64url');
		});
		await settle(authorities);
		expect(textOn(fDoc, id)).toBe('Ei auki');
		expect(readNote(id, sessionMaps(curiousDoc).notes.get(id))?.sealed).toBe(true);
	});
});

describe('revoking a co-facilitator rotates the sealing root', () => {
	/** Aino's device is a co-facilitator, then revoked; the curious participant writes. */
	async function revoked() {
		const setup = await room();
		const { authorities } = setup;
		authorities[0].setDelegate(authorities[1].signerKey!, true);
		await settle(authorities);
		const writer = actor('c2');
		writer.secrets = { device: authorities[2].signerPrivateKey! };
		return { ...setup, writer };
	}

	it('closes notes sealed after the revocation to the revoked device; earlier ones stay readable to it', async () => {
		const { fDoc, ainoDoc, curiousDoc, authorities, writer, facilitator } = await revoked();
		const before = write(curiousDoc, writer, `Ennen ${MARKER}`);
		await settle(authorities);
		expect(textOn(ainoDoc, before)).toBe(`Ennen ${MARKER}`);
		// What the revoked device had: the root of epoch 0 (a hostile one keeps it).
		const kept = authorities[1].sealingRoot!;
		authorities[0].setDelegate(authorities[1].signerKey!, false);
		await settle(authorities);
		expect(authorities[1].sealingRoots).toBeNull();
		expect(authorities[0].sealingRoots).toHaveLength(2);
		const after = write(curiousDoc, writer, `Jälkeen ${MARKER}`);
		await settle(authorities);
		expect(textOn(ainoDoc, after)).toBe('');
		// Not even with the root it kept: the new text is sealed to a key of the new epoch.
		const sealed = sessionMaps(ainoDoc).notes.get(after)!.get('sealedText') as string;
		const [, recipient, , body] = sealed.split('.');
		expect(recipient).not.toBe(sealingKeyPair(kept, 'reveal:a1').publicKey);
		expect(
			openSync(sealingKeyPair(kept, 'reveal:a1').privateKey, fromBase64Url(body), new TextEncoder().encode(after))
		).toBeNull();
		expect(stored(ainoDoc).includes(`Jälkeen ${MARKER}`)).toBe(false);
		// The facilitator reads both; at reveal every device does, the revoked one too.
		expect([textOn(fDoc, before), textOn(fDoc, after)]).toEqual([`Ennen ${MARKER}`, `Jälkeen ${MARKER}`]);
		setPhase(fDoc, facilitator, 'a1', 'reveal');
		await settle(authorities);
		for (const doc of [ainoDoc, curiousDoc]) {
			expect(textOn(doc, before)).toBe(`Ennen ${MARKER}`);
			expect(textOn(doc, after)).toBe(`Jälkeen ${MARKER}`);
		}
	});

	it('gives a remaining co-facilitator every epoch’s root, so it reveals notes of both', async () => {
		const { fDoc, ainoDoc, curiousDoc, authorities, writer, net } = await revoked();
		const before = write(curiousDoc, writer, 'Vanha aikakausi');
		await settle(authorities);
		// Another co-facilitator (the curious device) stays; Aino's device is revoked.
		authorities[0].setDelegate(authorities[2].signerKey!, true);
		await settle(authorities);
		authorities[0].setDelegate(authorities[1].signerKey!, false);
		await settle(authorities);
		expect(authorities[2].sealingRoots).toHaveLength(2);
		net.cut(fDoc);
		authorities[0].destroy();
		const co = actor('co');
		co.secrets = { device: authorities[2].signerPrivateKey! };
		expect(setPhase(curiousDoc, co, 'a1', 'reveal').ok).toBe(true);
		await settle(authorities.slice(1));
		expect(textOn(ainoDoc, before)).toBe('Vanha aikakausi');
	});

	it('opens a copy’s texts of every epoch with the original facilitator key', async () => {
		const { fKeys, authorities, curiousDoc, writer } = await revoked();
		authorities[0].setDelegate(authorities[1].signerKey!, false);
		await settle(authorities);
		const id = write(curiousDoc, writer, 'Kopioon');
		await settle(authorities);
		const copy = new Y.Doc();
		Y.applyUpdate(copy, Y.encodeStateAsUpdate(curiousDoc));
		unsealAll(copy, sealingRoots(fKeys.privateKey, 1), ['a1'], 'test');
		expect(sessionMaps(copy).notes.get(id)?.get('text')).toBe('Kopioon');
	});
});

describe('the facilitator editing a private note before reveal', () => {
	it('is refused, so the writer keeps reading their own note; after reveal the edit is allowed', async () => {
		const { fDoc, ainoDoc, aino, facilitator, authorities } = await room();
		const id = write(ainoDoc, aino, 'Oma teksti');
		await settle(authorities);
		expect(editNote(fDoc, facilitator, id, 'Ohjaajan korjaus')).toEqual({ ok: false, reason: 'sealed' });
		await settle(authorities);
		expect(textOn(ainoDoc, id)).toBe('Oma teksti');
		setPhase(fDoc, facilitator, 'a1', 'reveal');
		await settle(authorities);
		expect(editNote(fDoc, facilitator, id, 'Ohjaajan korjaus').ok).toBe(true);
		await settle(authorities);
		expect(textOn(ainoDoc, id)).toBe('Ohjaajan korjaus');
	});
});
