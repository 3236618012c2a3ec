import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { generateSigningKey } from '../session/keys/signing';
import { FacilitatorAuthority } from './authority';
import { addNote, deleteNote, editNote } from './commands';
import { sessionMaps } from './doc';
import { publishActivities } from './facilitation';
import { DELETE_GRACE_MS, NoteGuard, reconcileOwnNotes } from './note-guard';
import { noteTextValid, signNoteText } from './note-owner';
import type { Actor } from './types';
import { readNote, readNotes } from './read';
import { activity, actor } from './test-board';

function connect(...docs: Y.Doc[]) {
	for (const from of docs)
		from.on('update', (update: Uint8Array, origin: unknown) => {
			for (const to of docs) if (to !== from && origin !== 'remote') Y.applyUpdate(to, update, 'remote');
		});
	for (const a of docs) for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'remote');
}

const settle = async (authorities: FacilitatorAuthority[]) => {
	for (let i = 0; i < 3; i++) {
		await Promise.all(authorities.map((a) => a.settled()));
		await new Promise((resolve) => setTimeout(resolve, 0));
	}
};

async function room() {
	const fKeys = await generateSigningKey();
	const devices = await Promise.all(['f', 'aino', 'curious'].map(() => generateSigningKey()));
	const docs = devices.map(() => new Y.Doc());
	const authorities = docs.map(
		(doc, i) => new FacilitatorAuthority({ doc, facilitatorKey: fKeys.publicKey, signer: i === 0 ? fKeys : devices[i] })
	);
	const guards = docs.map((doc) => new NoteGuard(doc, fKeys.publicKey));
	const facilitator = actor('f', 'facilitator');
	facilitator.secrets = { device: fKeys.privateKey, facilitator: fKeys.privateKey };
	const aino = actor('aino');
	aino.secrets = { device: devices[1].privateKey };
	const curious = actor('curious');
	curious.secrets = { device: devices[2].privateKey };
	connect(...docs);
	publishActivities(docs[0], facilitator, [activity('a1')]);
	await settle(authorities);
	const [fDoc, ainoDoc, curiousDoc] = docs;
	return { docs, fDoc, ainoDoc, curiousDoc, authorities, guards, facilitator, aino, curious };
}

function write(doc: Y.Doc, who: ReturnType<typeof actor>, text: string): string {
	const result = addNote(doc, who, { activityId: 'a1', text, color: 'yellow', zone: 'hopes' }, true);
	if (!result.ok) throw new Error(result.reason);
	who.mine.add(result.value);
	return result.value;
}

const texts = (doc: Y.Doc) => readNotes(sessionMaps(doc)).map((n) => n.text);

describe('notes owned by a per-note key', () => {
	it('gives each note its own owner key, unrelated to the writer’s other notes', async () => {
		const { ainoDoc, aino } = await room();
		const a = write(ainoDoc, aino, 'Yksi');
		const b = write(ainoDoc, aino, 'Kaksi');
		const notes = sessionMaps(ainoDoc).notes;
		expect(notes.get(a)?.get('owner')).toMatch(/^[A-Za-z0-9_-]{87}$/);
		expect(notes.get(a)?.get('owner')).not.toBe(notes.get(b)?.get('owner'));
	});

	it('puts back a note someone else deleted, on every device including theirs', async () => {
		const { docs, ainoDoc, curiousDoc, aino, authorities } = await room();
		const id = write(ainoDoc, aino, 'Ainon lappu');
		await settle(authorities);
		sessionMaps(curiousDoc).notes.delete(id);
		// Put back once the delete has waited its grace for a signed tombstone that never comes.
		await new Promise((resolve) => setTimeout(resolve, DELETE_GRACE_MS + 50));
		await settle(authorities);
		for (const doc of docs) expect(texts(doc)).toEqual(['Ainon lappu']);
	});

	it('honours a writer’s delete whose signed tombstone comes in a later message, as after an undo', async () => {
		const { docs, ainoDoc, aino, authorities } = await room();
		const id = write(ainoDoc, aino, 'Peruttu');
		await settle(authorities);
		sessionMaps(ainoDoc).notes.delete(id);
		await new Promise((resolve) => setTimeout(resolve, 100));
		reconcileOwnNotes(ainoDoc, aino, [id]);
		await new Promise((resolve) => setTimeout(resolve, DELETE_GRACE_MS + 50));
		await settle(authorities);
		for (const doc of docs) expect(texts(doc)).toEqual([]);
	});

	it('accepts deletes by the writer and by the facilitator', async () => {
		const { docs, ainoDoc, fDoc, aino, facilitator, authorities } = await room();
		const mine = write(ainoDoc, aino, 'Poistan itse');
		const theirs = write(ainoDoc, aino, 'Ohjaaja poistaa');
		await settle(authorities);
		expect(deleteNote(ainoDoc, aino, mine).ok).toBe(true);
		expect(deleteNote(fDoc, facilitator, theirs).ok).toBe(true);
		await settle(authorities);
		for (const doc of docs) expect(texts(doc)).toEqual([]);
	});

	it('restores the text when someone else rewrites it, and accepts the writer’s own edit', async () => {
		const { docs, ainoDoc, curiousDoc, aino, authorities } = await room();
		const id = write(ainoDoc, aino, 'Alkuperäinen');
		await settle(authorities);
		sessionMaps(curiousDoc).notes.get(id)?.set('text', 'Väärennetty');
		// Never shown, even before it is put back.
		expect(readNote(id, sessionMaps(curiousDoc).notes.get(id))).toBeNull();
		await settle(authorities);
		for (const doc of docs) expect(texts(doc)).toEqual(['Alkuperäinen']);
		// Removing the owner key to pass as an old note is put back too.
		sessionMaps(curiousDoc).notes.get(id)?.delete('owner');
		await settle(authorities);
		for (const doc of docs) expect(sessionMaps(doc).notes.get(id)?.get('owner')).toMatch(/^[A-Za-z0-9_-]{87}$/);
		expect(editNote(ainoDoc, aino, id, 'Muokattu').ok).toBe(true);
		await settle(authorities);
		for (const doc of docs) expect(texts(doc)).toEqual(['Muokattu']);
	});

	it('signs a tombstone when the writer undoes a note, so no device brings it back', async () => {
		const { docs, ainoDoc, aino, authorities } = await room();
		const id = write(ainoDoc, aino, 'Kumottava');
		await settle(authorities);
		ainoDoc.transact(() => sessionMaps(ainoDoc).notes.delete(id));
		reconcileOwnNotes(ainoDoc, aino, aino.mine);
		await settle(authorities);
		for (const doc of docs) expect(texts(doc)).toEqual([]);
	});
});

describe('malformed and unsigned entries are ignored everywhere', () => {
	const valid = (doc: Y.Doc, author: ReturnType<typeof actor>) => write(doc, author, 'Kelvollinen');

	it.each<[string, (map: Y.Map<unknown>) => void]>([
		['oversized text', (m) => m.set('text', 'x'.repeat(501))],
		['text of the wrong type', (m) => m.set('text', 42)],
		['an unknown colour', (m) => m.set('color', 'ultraviolet')],
		['a position out of range', (m) => m.set('place', { x: 1e9, y: 0, zone: null })],
		['a cluster of the wrong type', (m) => m.set('cluster', { id: 1 })],
		['an author name too long', (m) => m.set('author', 'n'.repeat(41))],
		['a missing activity', (m) => m.delete('activityId')],
		['a forged owner key', (m) => m.set('owner', 'A'.repeat(87))],
		[
			'a forged text signature',
			(m) => {
				if (m.get('owner') === undefined) m.set('owner', `BA${'A'.repeat(85)}`);
				m.set('textSig', 'A'.repeat(86));
			}
		]
	])('a note with %s is not read, and a signed note spoilt that way is put back', async (_kind, spoil) => {
		const { docs, ainoDoc, curiousDoc, aino, authorities } = await room();
		// A new entry written that way by the curious device is never read anywhere.
		const junk = 'junk-note';
		curiousDoc.transact(() => {
			const map = new Y.Map<unknown>();
			sessionMaps(curiousDoc).notes.set(junk, map);
			map.set('activityId', 'a1');
			map.set('text', 'Roskaa');
			map.set('color', 'yellow');
			map.set('place', { x: 10, y: 10, zone: null });
			map.set('cluster', null);
			map.set('private', false);
			map.set('createdAt', 1);
			spoil(map);
		});
		const good = valid(ainoDoc, aino);
		await settle(authorities);
		for (const doc of docs) expect(readNote(junk, sessionMaps(doc).notes.get(junk))).toBeNull();
		// A signed note spoilt the same way is put back on every device.
		spoil(sessionMaps(curiousDoc).notes.get(good)!);
		await settle(authorities);
		for (const doc of docs) expect(readNote(good, sessionMaps(doc).notes.get(good))?.text).toBe('Kelvollinen');
	});
});

describe('noteTextValid remembers answers per note, never across a change', () => {
	it('checks a note again once any signed field or the signature changes', async () => {
		const { privateKey } = await generateSigningKey('javascript');
		const facilitator = await generateSigningKey('javascript');
		const owner: Actor = { ...actor('p1', 'participant'), secrets: { device: privateKey } };
		const doc = new Y.Doc();
		const map = new Y.Map<unknown>();
		doc.getMap('notes').set('n1', map);
		doc.transact(() => {
			map.set('activityId', 'a1');
			map.set('text', 'Alkuperäinen');
			signNoteText(owner, 'n1', map);
		});
		expect(noteTextValid('n1', map, facilitator.publicKey)).toBe(true);
		expect(noteTextValid('n1', map, facilitator.publicKey)).toBe(true);
		map.set('text', 'Muutettu');
		expect(noteTextValid('n1', map, facilitator.publicKey)).toBe(false);
		map.set('text', 'Alkuperäinen');
		expect(noteTextValid('n1', map, facilitator.publicKey)).toBe(true);
		map.set('activityId', 'a2');
		expect(noteTextValid('n1', map, facilitator.publicKey)).toBe(false);
		map.set('activityId', 'a1');
		map.set('textSig', map.get('textSig') === 'x' ? 'y' : 'x');
		expect(noteTextValid('n1', map, facilitator.publicKey)).toBe(false);
	});
});
