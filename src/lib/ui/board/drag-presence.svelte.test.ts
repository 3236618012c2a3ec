import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { DragPresence } from './drag-presence.svelte';

/** Two devices whose awareness updates reach each other at once, and a count of what was sent. */
function pair() {
	const a = new Awareness(new Y.Doc());
	const b = new Awareness(new Y.Doc());
	a.setLocalState({ participantId: 'pa', role: 'participant', name: 'Aino' });
	b.setLocalState({ participantId: 'pb', role: 'participant' });
	const sent: unknown[] = [];
	a.on('update', ({ added, updated, removed }: Record<string, number[]>) => {
		sent.push(a.getLocalState()?.drag);
		applyAwarenessUpdate(b, encodeAwarenessUpdate(a, [...added, ...updated, ...removed]), 'a');
	});
	applyAwarenessUpdate(a, encodeAwarenessUpdate(b, [b.clientID]), 'b');
	applyAwarenessUpdate(b, encodeAwarenessUpdate(a, [a.clientID]), 'a');
	return { a, b, sent };
}

describe('DragPresence', () => {
	let clock = 0;
	beforeEach(() => {
		vi.useFakeTimers();
		clock = 1000;
	});
	afterEach(() => vi.useRealTimers());

	it('shows a drag on the other device while it lasts, and clears it at the drop', () => {
		const { a, b } = pair();
		const mine = new DragPresence(a, { now: () => clock });
		const theirs = new DragPresence(b, { now: () => clock });
		mine.move('n1', 200.4, 300.6);
		expect(theirs.remote).toEqual([{ clientId: a.clientID, noteId: 'n1', x: 200, y: 301, name: 'Aino' }]);
		expect(mine.remote).toEqual([]); // its own drag is not a remote one
		mine.end();
		expect(theirs.remote).toEqual([]);
		mine.destroy();
		theirs.destroy();
	});

	it('sends at most one position per interval, always the last one of a burst', () => {
		const { a, sent } = pair();
		const mine = new DragPresence(a, { now: () => clock, intervalMs: 100 });
		sent.length = 0;
		// 60 pointer moves over one second, one every ~16 ms.
		for (let i = 0; i < 60; i++) {
			mine.move('n1', i, i);
			clock += 16;
			vi.advanceTimersByTime(16);
		}
		vi.advanceTimersByTime(200);
		expect(sent.length).toBeLessThanOrEqual(11);
		expect(sent.length).toBeGreaterThanOrEqual(8);
		expect(sent.at(-1)).toEqual({ noteId: 'n1', x: 59, y: 59 });
		mine.destroy();
	});

	it('sends nothing while nothing is dragged, and nothing after a cancelled drag', () => {
		const { a, sent } = pair();
		const mine = new DragPresence(a, { now: () => clock });
		sent.length = 0;
		mine.end();
		expect(sent).toEqual([]);
		mine.move('n1', 1, 1);
		clock += 10;
		mine.move('n1', 5, 5); // waits for the interval
		mine.end(); // cancelled before it went
		vi.advanceTimersByTime(500);
		expect(sent).toEqual([{ noteId: 'n1', x: 1, y: 1 }, null]);
		mine.destroy();
	});

	it('ignores a malformed drag from a peer', () => {
		const { a, b } = pair();
		const theirs = new DragPresence(b, { now: () => clock });
		a.setLocalStateField('drag', { noteId: 'n1', x: 'left', y: 2 });
		expect(theirs.remote).toEqual([]);
		a.setLocalStateField('drag', { noteId: 'n1', x: 3, y: 2 });
		expect(theirs.remote).toHaveLength(1);
		theirs.destroy();
	});
});
