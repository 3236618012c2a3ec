/**
 * The presence state each device publishes in awareness (who is here, the facilitator's clock
 * reading, and the note this device is dragging right now), as one valibot schema: the writer builds its state as a `PresenceState`, and
 * every reader parses peers' states — untrusted input from the network — with `readPresenceState`.
 * A state is kept when it names a participant; a field that is wrong (a name too long, a clock
 * that is no number) is left out rather than hiding the device from the presence list.
 */
import * as v from 'valibot';
import { BOARD_HEIGHT, BOARD_WIDTH } from './geometry';
import { MAX_NICKNAME_LENGTH } from './types';

export const MAX_PARTICIPANT_ID_LENGTH = 64;
export const MAX_NOTE_ID_LENGTH = 64;

/** A coordinate on the board (a dragged note may hang a little over its edge). */
const coordinate = (max: number) => v.pipe(v.number(), v.finite(), v.minValue(-max), v.maxValue(2 * max));

/**
 * A note being dragged: where it is now, in board coordinates. Live drags travel through presence,
 * never the document (which is written once, at the drop): a drag is a passing state, only the
 * result is shared work. The dragging device publishes it at most ~10 times a second while the
 * pointer moves and clears it at the drop or when the drag is cancelled.
 */
const DragSchema = v.object({
	noteId: v.pipe(v.string(), v.nonEmpty(), v.maxLength(MAX_NOTE_ID_LENGTH)),
	x: coordinate(BOARD_WIDTH),
	y: coordinate(BOARD_HEIGHT)
});
export type PresenceDrag = v.InferOutput<typeof DragSchema>;

const PresenceStateSchema = v.object({
	participantId: v.pipe(v.string(), v.maxLength(MAX_PARTICIPANT_ID_LENGTH)),
	/** Anything but the facilitator or a display is a participant (a peer cannot raise itself by a
	 * typo). A `presenter` is a display (the projector's screen): not a person, never counted. */
	role: v.fallback(v.picklist(['facilitator', 'participant', 'presenter']), 'participant'),
	/** The nickname, trimmed; absent in anonymous sessions. */
	name: v.fallback(v.optional(v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(MAX_NICKNAME_LENGTH))), undefined),
	/** The facilitator's `Date.now()` when it published the state (the shared clock); only the
	 * facilitator publishes one, and a participant's is ignored. */
	clock: v.fallback(v.optional(v.pipe(v.number(), v.finite())), undefined),
	/** The device's public signing key (base64url), so the facilitator can make it a
	 * co-facilitator. Per session and device, never on notes. */
	key: v.fallback(v.optional(v.pipe(v.string(), v.length(87), v.regex(/^[A-Za-z0-9_-]+$/))), undefined)
});

/** The note this device is dragging; a malformed drag is left out (the note simply does not move).
 * Parsed on its own, and only when there is one: most states carry none, and presence is read on
 * every awareness change of every device in the room. */
export type PresenceState = v.InferOutput<typeof PresenceStateSchema> & { drag?: PresenceDrag };

/** A peer's awareness state as a `PresenceState`, without absent fields; null when it names no
 * participant. Built once, read on every awareness change. */
export function readPresenceState(state: unknown): PresenceState | null {
	const parsed = v.safeParse(PresenceStateSchema, state);
	if (!parsed.success) return null;
	const { participantId, role, name, clock, key } = parsed.output;
	const out: PresenceState = { participantId, role };
	if (name !== undefined) out.name = name;
	if (key !== undefined) out.key = key;
	// Only the facilitator's clock drives the shared timer; a participant's reading is noise.
	if (clock !== undefined && role === 'facilitator') out.clock = clock;
	const raw = (state as { drag?: unknown }).drag;
	if (raw !== undefined && raw !== null) {
		const drag = v.safeParse(DragSchema, raw);
		if (drag.success) out.drag = { noteId: drag.output.noteId, x: drag.output.x, y: drag.output.y };
	}
	return out;
}
