import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote } from '$lib/board/commands';
import { declineNotes, setModerated } from '$lib/board/moderation';
import { actor, createTestBoard, syncDocs } from '$lib/board/test-board';
import { DeclinedReasons } from './declined-reasons.svelte';

function moderated() {
	const board = createTestBoard();
	setModerated(board.doc, board.facilitator, 'a1', true);
	return board;
}

function write(doc: Y.Doc, who: ReturnType<typeof actor>, text: string): string {
	const result = addNote(doc, who, { activityId: 'a1', text, color: 'yellow', zone: 'hopes' }, true);
	if (!result.ok) throw new Error(result.reason);
	who.mine.add(result.value);
	return result.value;
}

describe('DeclinedReasons', () => {
	it('shows the writer the reason for their own declined note, and nobody else’s', () => {
		const { doc, facilitator } = moderated();
		const phone = new Y.Doc();
		const aino = actor('p1');
		const mine = write(doc, aino, 'Oma');
		const theirs = write(doc, actor('p2'), 'Toisen');
		syncDocs(doc, phone);
		const reasons = new DeclinedReasons(phone, aino.owns);
		expect(reasons.mine('a1')).toEqual([]);
		declineNotes(doc, facilitator, [mine, theirs], 'Ei tähän tehtävään');
		syncDocs(doc, phone);
		expect(reasons.mine('a1').map((d) => [d.noteId, d.reason])).toEqual([[mine, 'Ei tähän tehtävään']]);
		expect(reasons.mine('other')).toEqual([]);
		reasons.destroy();
	});

	it('puts a read reason away on this device only', () => {
		const { doc, facilitator } = moderated();
		const aino = actor('p1');
		const id = write(doc, aino, 'Oma');
		declineNotes(doc, facilitator, [id], '');
		const reasons = new DeclinedReasons(doc, aino.owns);
		const again = new DeclinedReasons(doc, aino.owns);
		reasons.dismiss(id);
		expect(reasons.mine('a1')).toEqual([]);
		expect(again.mine('a1')).toHaveLength(1);
		reasons.destroy();
		again.destroy();
	});
});
