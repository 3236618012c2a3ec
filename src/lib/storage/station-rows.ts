import type { StationNote } from '../board/station';
import type { StationPin } from '../session/station-pin';

/** A visitor comment station set up on this device. */
export interface StationRow {
	id: string;
	/** The one question the station asks, in the facilitator's words. */
	question: string;
	/** The language the question is written in. */
	language: string;
	pin: StationPin;
	/** Offer the one-tap age group and language choices. */
	askAge: boolean;
	askLanguage: boolean;
	/** The session and activity whose board the notes go to, when set up from a running session. */
	sessionId?: string;
	activityId?: string;
	createdAt: number;
}

/** A visitor's note, kept on the station until a facilitator's device takes it in (and after). */
export interface StationNoteRow extends StationNote {
	stationId: string;
}
