/**
 * Undo and redo, one history per device and session document.
 *
 * The policy: only this device's own changes (`LOCAL_ORIGIN`) are undoable; updates from peers and
 * from storage never are. Changes within 300 ms merge into one step, and a drag writes its
 * position once, at its end, so one gesture is one step. The facilitator's phase and activity
 * changes are not in the board's history: undoing a note must never rewind the workshop; votes are
 * taken back by tapping the dot again, not by undo, so that undo cannot change a vote after results.
 */
import * as Y from 'yjs';
import { LOCAL_ORIGIN, sessionMaps } from './doc';

export function createBoardHistory(doc: Y.Doc): Y.UndoManager {
	const maps = sessionMaps(doc);
	return new Y.UndoManager([maps.notes, maps.clusters], {
		trackedOrigins: new Set([LOCAL_ORIGIN]),
		captureTimeout: 300
	});
}
