import { describe, expect, it } from 'vitest';
import { parseStationFile, serializeStationFile, STATION_FORMAT } from './station-file';

const notes = [
	{ id: 'visitor-0001', text: 'Kaunis sali', ageGroup: 'child', createdAt: 1 },
	{ id: 'visitor-0002', text: 'Lisää penkkejä', language: 'fi', createdAt: 2 }
];

describe('the comment station file', () => {
	it('reads back what the station saved', () => {
		const text = serializeStationFile({ id: 'station-1', question: 'Mitä ajattelit?' }, notes);
		expect(parseStationFile(text)).toEqual({
			format: STATION_FORMAT,
			version: 1,
			stationId: 'station-1',
			question: 'Mitä ajattelit?',
			notes
		});
	});

	it.each([
		['not JSON', '{'],
		['another format', JSON.stringify({ format: 'kohtaamo-backup', version: 1 })],
		['a newer version', serializeStationFile({ id: 's', question: '' }, notes).replace('"version": 1', '"version": 2')],
		['a bad note id', serializeStationFile({ id: 's', question: '' }, [{ ...notes[0], id: 'a b' }])],
		['an empty note', serializeStationFile({ id: 's', question: '' }, [{ ...notes[0], text: '' }])],
		['an overlong note', serializeStationFile({ id: 's', question: '' }, [{ ...notes[0], text: 'x'.repeat(10_000) }])]
	])('refuses %s', (_, text) => {
		expect(parseStationFile(text)).toBeNull();
	});
});
