/**
 * Continuing an activity on an earlier one's notes ("write → group → vote" across agenda items).
 *
 * An activity may name a `source` activity. It then works on the same notes and groups — no copy:
 * its board shows the notes and clusters of its source (and of the source's source, and so on),
 * laid out in the source's zones, and a note written in it belongs to the first activity of the
 * chain, so the earlier board sees it too. What is the activity's own is its run state: phase,
 * reveal, dots and ballots. Because the notes are the same entries, their writers keep their right
 * to edit them (that right is remembered on the writer's device, by note id) and anonymity is as
 * it was.
 *
 * Older apps do not know `source`: they show the continuing activity's board as empty (and notes
 * they write there stay on it, since a board also shows notes filed under its own id). Nothing is
 * misread or damaged, so the schema version is not raised (see README.md, "Versions").
 */
import type { SessionMaps } from './doc';
import { findActivity } from './read';

/** A chain longer than this is cut: a hostile or buggy peer cannot make readers loop or crawl. */
export const MAX_CHAIN = 8;

/** Read through `findActivity`, so that with signed control only the facilitator's record says
 * what an activity continues on (a participant writing `source` into the plain map changes nothing). */
const sourceOf = (maps: SessionMaps, activityId: string): string | null => {
	const source = findActivity(maps, activityId)?.source;
	return source !== undefined && findActivity(maps, source) ? source : null;
};

/**
 * The activities whose notes an activity's board shows: itself first, then its source, its
 * source's source… A cycle or an unknown source ends the chain.
 */
export function boardChain(maps: SessionMaps, activityId: string): string[] {
	const chain = [activityId];
	for (let next = sourceOf(maps, activityId); next && chain.length < MAX_CHAIN; next = sourceOf(maps, next)) {
		if (chain.includes(next)) break;
		chain.push(next);
	}
	return chain;
}

/** The activity a note written on this activity's board is filed under: the first of its chain. */
export function boardHome(maps: SessionMaps, activityId: string): string {
	const chain = boardChain(maps, activityId);
	return chain[chain.length - 1]!;
}

/** Whether a note or cluster filed under `itemActivityId` is on the board of `activityId`. */
export function isOnBoardOf(maps: SessionMaps, activityId: string, itemActivityId: string): boolean {
	return boardChain(maps, activityId).includes(itemActivityId);
}

/** The chain computed from already-read activities (for views that hold them as plain data). */
export function chainOf(activities: readonly { id: string; source?: string }[], activityId: string): string[] {
	const byId = new Map(activities.map((a) => [a.id, a]));
	const chain = [activityId];
	for (let next = byId.get(activityId)?.source; next && chain.length < MAX_CHAIN; next = byId.get(next)?.source) {
		if (chain.includes(next) || !byId.has(next)) break;
		chain.push(next);
	}
	return chain;
}
