/**
 * Test helpers for the board model: a session document with activities of every template, and
 * actors. Used by unit tests only.
 */
import * as Y from 'yjs';
import type { BoardSpec } from '../methods/types';
import { addNote, moveNote } from './commands';
import { publishActivities, type ActivityInput } from './facilitation';
import type { Actor } from './types';

export const COLUMNS_BOARD: BoardSpec = {
	layout: {
		template: 'columns',
		lanes: [
			{ id: 'hopes', name: { fi: 'Toiveet', sv: 'Förhoppningar', en: 'Hopes' } },
			{ id: 'concerns', name: { fi: 'Huolet', sv: 'Farhågor', en: 'Concerns' } }
		]
	},
	privateWriting: false,
	dotsPerPerson: 3,
	timerMinutes: 5
};

export const PRIVATE_BOARD: BoardSpec = { ...COLUMNS_BOARD, privateWriting: true };
export const FREE_BOARD: BoardSpec = {
	layout: { template: 'free' },
	privateWriting: false,
	dotsPerPerson: 2,
	timerMinutes: 5
};

export function actor(
	participantId: string,
	role: Actor['role'] = 'participant',
	nickname?: string
): Actor & { mine: Set<string> } {
	const mine = new Set<string>();
	return { participantId, role, nickname, mine, owns: (id) => mine.has(id) };
}

export const activity = (id: string, board: BoardSpec = COLUMNS_BOARD): ActivityInput => ({
	id,
	kind: 'method',
	title: `Activity ${id}`,
	prompt: 'What do you hope for?',
	minutes: 15,
	board
});

/** A session document with the given activities published by a facilitator. */
export function createTestBoard(activities: ActivityInput[] = [activity('a1')]): {
	doc: Y.Doc;
	facilitator: ReturnType<typeof actor>;
} {
	const doc = new Y.Doc();
	const facilitator = actor('facilitator-1', 'facilitator', 'Fasilitaattori');
	const result = publishActivities(doc, facilitator, activities);
	if (!result.ok) throw new Error(`could not publish: ${result.reason}`);
	return { doc, facilitator };
}

/** Applies each document's missing updates to the other, both ways. */
export function syncDocs(...docs: Y.Doc[]): void {
	for (const a of docs)
		for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote');
}

const WORDS =
	'museo näyttely kävijä yhteisö kumppani penkki opastus lapsi perhe seniori esteetön kahvila kokoelma tarina muisto kesä ilta ilmainen kirjasto koulu'.split(
		' '
	);

function sentence(i: number): string {
	const n = 6 + (i % 14);
	return Array.from({ length: n }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]).join(' ');
}

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
