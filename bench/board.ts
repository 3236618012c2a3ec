/**
 * The session document at workshop scale: how big a large session's state is, and how fast a
 * late joiner's device applies it and reads its notes.
 */
import * as Y from 'yjs';
import { addNote, moveNote } from '../src/lib/board/commands.ts';
import { sessionMaps } from '../src/lib/board/doc.ts';
import { readNotes } from '../src/lib/board/read.ts';
import { activity, actor, createTestBoard } from '../src/lib/board/test-board.ts';
import type { Figure } from './run.ts';

const WORDS =
	'museo näyttely kävijä yhteisö kumppani penkki opastus lapsi perhe seniori esteetön kahvila kokoelma tarina muisto kesä ilta ilmainen kirjasto koulu'.split(
		' '
	);

function sentence(i: number): string {
	const n = 6 + (i % 14);
	return Array.from({ length: n }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]).join(' ');
}

const ms = (start: number) => performance.now() - start;

/** A session of `notes` notes across four boards, each note moved `moves` times. */
export function largeSession(notes: number, moves: number): Y.Doc {
	const { doc } = createTestBoard(['a1', 'a2', 'a3', 'a4'].map((id) => activity(id)));
	const people = Array.from({ length: 30 }, (_, i) => actor(`p${i}`, 'participant', `Osallistuja ${i}`));
	const ids: string[] = [];
	for (let i = 0; i < notes; i++) {
		const result = addNote(
			doc,
			people[i % people.length],
			{ activityId: `a${(i % 4) + 1}`, text: sentence(i), color: 'yellow', zone: i % 2 ? 'hopes' : 'concerns' },
			false
		);
		if (result.ok) ids.push(result.value);
	}
	for (let m = 0; m < moves; m++) {
		for (let i = 0; i < ids.length; i++)
			moveNote(doc, people[i % people.length], ids[i], { x: (i * 37 + m * 101) % 1400, y: (i * 53 + m * 67) % 880 });
	}
	return doc;
}

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
