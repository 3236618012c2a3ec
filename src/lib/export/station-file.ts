/**
 * The comment station's file: every note a station collected, for a facilitator's device that
 * never meets the station on the network. The station saves it (behind the facilitator's PIN);
 * the run view reads it and merges the notes into an activity (`mergeStationNotes`), which adds
 * each note once, by its id, however often the same file is read.
 *
 * A file comes from outside the app, so it is validated here, at the edge, into `StationFile`.
 */
import * as v from 'valibot';
import { MAX_NOTE_LENGTH } from '../board/types';
import type { StationNote } from '../board/station';

export const STATION_FORMAT = 'kohtaamo-station-notes';
const VERSION = 1;
/** Weeks of visitors at a busy exhibition; far more would be a damaged or foreign file. */
export const MAX_STATION_NOTES = 20_000;

const NoteSchema = v.object({
	id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/)),
	text: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_NOTE_LENGTH)),
	ageGroup: v.optional(v.pipe(v.string(), v.maxLength(20))),
	language: v.optional(v.pipe(v.string(), v.maxLength(10))),
	createdAt: v.pipe(v.number(), v.finite())
});

const FileSchema = v.object({
	format: v.literal(STATION_FORMAT),
	version: v.literal(VERSION),
	stationId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
	question: v.pipe(v.string(), v.maxLength(2000)),
	notes: v.pipe(v.array(NoteSchema), v.maxLength(MAX_STATION_NOTES))
});

export type StationFile = v.InferOutput<typeof FileSchema>;

export function serializeStationFile(station: { id: string; question: string }, notes: StationNote[]): string {
	const file: StationFile = {
		format: STATION_FORMAT,
		version: VERSION,
		stationId: station.id,
		question: station.question,
		notes: notes.map(({ id, text, ageGroup, language, createdAt }) => ({
			id,
			text,
			...(ageGroup ? { ageGroup } : {}),
			...(language ? { language } : {}),
			createdAt
		}))
	};
	return JSON.stringify(file, null, 1);
}

/** The file's notes, or null when it is not a station file this app can read. */
export function parseStationFile(text: string): StationFile | null {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return null;
	}
	const result = v.safeParse(FileSchema, data);
	return result.success ? result.output : null;
}

export const stationFileName = (date = new Date()) => `kohtaamo-station-${date.toISOString().slice(0, 10)}.json`;
