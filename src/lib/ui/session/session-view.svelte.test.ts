import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, editNote } from '$lib/board/commands';
import { sessionMaps } from '$lib/board/doc';
import { setLocked, setPhase, writeSessionMeta } from '$lib/board/facilitation';
import { resetTimer } from '$lib/board/timer';
import { activity, actor, createTestBoard, FREE_BOARD } from '$lib/board/test-board';
import { SessionView } from './session-view.svelte';

const note = (text: string, activityId = 'a1') => ({ activityId, text, color: 'yellow' as const, zone: null });

function added(doc: Y.Doc, who: ReturnType<typeof actor>, text: string, activityId = 'a1'): string {
	const result = addNote(doc, who, note(text, activityId), false);
	if (!result.ok) throw new Error(result.reason);
	return result.value;
}

describe('SessionView', () => {
	it('mirrors what the document holds when it is made', () => {
		const { doc, facilitator } = createTestBoard([activity('a1'), activity('a2', FREE_BOARD)]);
		writeSessionMeta(doc, { title: 'Kumppanuuspäivä', language: 'fi', anonymous: false });
		const id = added(doc, facilitator, 'Ensimmäinen');
		const view = new SessionView(doc);
		expect(view.meta).toMatchObject({ title: 'Kumppanuuspäivä', language: 'fi', anonymous: false });
		expect(view.activities.map((a) => a.id)).toEqual(['a1', 'a2']);
		expect(view.activity('a2')?.board.layout.template).toBe('free');
		expect(view.activity(null)).toBeUndefined();
		expect([...view.notes.keys()]).toEqual([id]);
		view.destroy();
	});

	it('replaces only the snapshot that changed, and only the note that changed', () => {
		const { doc, facilitator } = createTestBoard();
		const first = added(doc, facilitator, 'Yksi');
		const second = added(doc, facilitator, 'Kaksi');
		const view = new SessionView(doc);
		const [activities, run, before] = [view.activities, view.run, view.notes];
		const untouched = view.notes.get(second);

		editNote(doc, facilitator, first, 'Yksi, muokattu');
		expect(view.notes).not.toBe(before);
		expect(view.notes.get(first)?.text).toBe('Yksi, muokattu');
		expect(view.notes.get(second)).toBe(untouched);
		expect(view.activities).toBe(activities);
		expect(view.run).toBe(run);

		setLocked(doc, facilitator, true);
		expect(view.run.locked).toBe(true);
		resetTimer(doc, facilitator, 3);
		expect(view.run.timer).toEqual({ status: 'idle', durationMs: 180_000 });
		setPhase(doc, facilitator, 'a1', 'vote');
		expect(view.activity('a1')?.phase).toBe('vote');
		view.destroy();
	});

	it('follows changes from another device, and leaves out notes it cannot read', () => {
		const { doc } = createTestBoard();
		const view = new SessionView(doc);
		const remote = new Y.Doc();
		Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
		const id = added(remote, actor('p1', 'participant', 'Aino'), 'Toiselta laitteelta');
		remote.transact(() => sessionMaps(remote).notes.set('broken', new Y.Map([['text', 42]])));
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)));
		expect([...view.notes.keys()]).toEqual([id]);
		expect(view.notes.get(id)).toMatchObject({ author: 'Aino', text: 'Toiselta laitteelta' });

		sessionMaps(doc).notes.delete(id);
		expect(view.notes.size).toBe(0);
		view.destroy();
	});

	it('lists an activity’s notes oldest first', () => {
		const { doc, facilitator } = createTestBoard([activity('a1'), activity('a2')]);
		const ids = ['c', 'a', 'b'].map((text) => added(doc, facilitator, text));
		added(doc, facilitator, 'other', 'a2');
		const notes = sessionMaps(doc).notes;
		doc.transact(() => ids.forEach((id, i) => (notes.get(id) as Y.Map<unknown>).set('createdAt', 100 - i)));
		const view = new SessionView(doc);
		expect(view.notesOf('a1').map((n) => n.text)).toEqual(['b', 'a', 'c']);
		view.destroy();
	});

	it('re-runs effects that read it when the document changes, and stops after destroy', () => {
		const { doc, facilitator } = createTestBoard();
		const view = new SessionView(doc);
		const seen: number[] = [];
		const stop = $effect.root(() => {
			$effect(() => void seen.push(view.notes.size));
		});
		flushSync();
		added(doc, facilitator, 'Yksi');
		flushSync();
		added(doc, facilitator, 'Kaksi');
		flushSync();
		view.destroy();
		added(doc, facilitator, 'Kolme');
		flushSync();
		expect(seen).toEqual([0, 1, 2]);
		stop();
	});
});
