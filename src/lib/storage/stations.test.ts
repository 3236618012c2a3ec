import { describe, expect, it } from 'vitest';
import {
	addStationNote,
	countStationNotes,
	deleteStation,
	getStation,
	saveStation,
	stationNotes,
	stationsOfSession
} from './stations';

const station = (id: string, sessionId?: string) => ({
	id,
	question: 'What did this room make you think of?',
	language: 'en',
	pin: { salt: 's', hash: 'h', iterations: 1 },
	askAge: true,
	askLanguage: false,
	...(sessionId ? { sessionId, activityId: 'a1' } : {}),
	createdAt: 1
});

describe('comment stations in storage', () => {
	it('keeps a station and its notes, oldest first, apart from other stations', async () => {
		await saveStation(station('st-1', 'session-1'));
		await saveStation(station('st-2'));
		await addStationNote({ id: 'note-bbbbbb', stationId: 'st-1', text: 'Second', createdAt: 20 });
		await addStationNote({ id: 'note-aaaaaa', stationId: 'st-1', text: 'First', createdAt: 10, ageGroup: 'child' });
		await addStationNote({ id: 'note-cccccc', stationId: 'st-2', text: 'Elsewhere', createdAt: 5 });
		expect((await stationNotes('st-1')).map((n) => n.text)).toEqual(['First', 'Second']);
		expect(await countStationNotes('st-2')).toBe(1);
		expect((await getStation('st-1'))?.question).toBe('What did this room make you think of?');
		expect((await stationsOfSession('session-1')).map((s) => s.id)).toEqual(['st-1']);
	});

	it('refuses a second note under the same id, and deletes a station with its notes', async () => {
		await saveStation(station('st-3'));
		await addStationNote({ id: 'note-dddddd', stationId: 'st-3', text: 'Once', createdAt: 1 });
		await expect(
			addStationNote({ id: 'note-dddddd', stationId: 'st-3', text: 'Twice', createdAt: 2 })
		).rejects.toThrow();
		await deleteStation('st-3');
		expect(await getStation('st-3')).toBeUndefined();
		expect(await stationNotes('st-3')).toEqual([]);
	});
});
