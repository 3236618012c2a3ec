/**
 * Visitor comment stations and their notes, on the station's own device.
 *
 * Why IndexedDB and one row per note: a station collects notes for days or weeks on a tablet that
 * may lose power at any moment; each note is written the moment the visitor sends it, as its own
 * row, so nothing already sent is lost with a crash or an empty battery. Notes stay after they are
 * merged into a session (merging is idempotent, by note id), so the station's file always holds
 * everything the station collected.
 */
import { db } from './db';
import type { StationNoteRow, StationRow } from './station-rows';

export type { StationNoteRow, StationRow };

export async function saveStation(row: StationRow): Promise<void> {
	await db().stations.put(row);
}

export async function getStation(id: string): Promise<StationRow | undefined> {
	return db().stations.get(id);
}

/** The stations on this device that send their notes to a session's board. */
export async function stationsOfSession(sessionId: string): Promise<StationRow[]> {
	return db().stations.where('sessionId').equals(sessionId).toArray();
}

export async function addStationNote(row: StationNoteRow): Promise<void> {
	await db().stationNotes.add(row);
}

/** A station's notes, oldest first. */
export async function stationNotes(stationId: string): Promise<StationNoteRow[]> {
	const rows = await db().stationNotes.where('stationId').equals(stationId).toArray();
	return rows.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export async function countStationNotes(stationId: string): Promise<number> {
	return db().stationNotes.where('stationId').equals(stationId).count();
}

/** Deletes a station and all its notes (the facilitator took them in and closes it). */
export async function deleteStation(id: string): Promise<void> {
	await db().transaction('rw', db().stations, db().stationNotes, async () => {
		await db().stationNotes.where('stationId').equals(id).delete();
		await db().stations.delete(id);
	});
}
