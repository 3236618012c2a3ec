/**
 * The session document at workshop scale: how big a large session's state is, and how fast a
 * late joiner's device applies it and reads its notes.
 */
import * as Y from 'yjs';
import { sessionMaps } from '../src/lib/board/doc.ts';
import { readNotes } from '../src/lib/board/read.ts';
import { largeSession } from '../src/lib/board/test-board.ts';
import type { Figure } from './run.ts';

const ms = (start: number) => performance.now() - start;

export async function benchLargeSession(): Promise<Figure[]> {
	let start = performance.now();
	const doc = largeSession(5000, 2);
	const buildMs = ms(start);
	start = performance.now();
	const update = Y.encodeStateAsUpdate(doc);
	const encodeMs = ms(start);
	start = performance.now();
	const joiner = new Y.Doc();
	Y.applyUpdate(joiner, update);
	const applyMs = ms(start);
	start = performance.now();
	const notes = readNotes(sessionMaps(joiner));
	const readMs = ms(start);
	return [
		{
			name: '5,000 notes (moved twice): encoded state',
			value: update.byteLength / 1024,
			unit: 'KiB',
			notes: 'above the 256 KiB a single WebRTC message may carry; the sync layer chunks it'
		},
		{ name: '5,000 notes: building the session (add + 2 moves each)', value: buildMs, unit: 'ms' },
		{ name: '5,000 notes: encoding the state', value: encodeMs, unit: 'ms' },
		{ name: '5,000 notes: a late joiner applies the state', value: applyMs, unit: 'ms', target: { max: 1000 } },
		{
			name: `5,000 notes: validating and reading all notes (${notes.length})`,
			value: readMs,
			unit: 'ms',
			target: { max: 200 }
		}
	];
}
