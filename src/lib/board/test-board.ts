/**
 * Test helpers for the board model: a session document with activities of every template, and
 * actors. Used by unit tests only.
 */
import * as Y from 'yjs';
import type { BoardSpec } from '../methods/types';
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
