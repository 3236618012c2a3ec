/**
 * What a device shows of a board: which notes are visible to whom, vote totals and rankings.
 * Pure functions of the document's contents and the viewer.
 */
import type { Activity, Ballot, Cluster, Note } from './types';

/** Private notes of others stay hidden until the activity is revealed; waiting notes (moderated
 * boards) show only to their writer until the facilitator approves them — the facilitator sees
 * them in the inbox (`waitingNotes`), not on the board. On a board that continues earlier
 * activities (continuation.ts), a private note written in an earlier one shows once that activity
 * was revealed (`revealedIn`): the reveal happened, the next activity does not hide it again. */
export function visibleNotes(
	notes: Note[],
	activity: Activity,
	owns: (noteId: string) => boolean,
	revealedIn: (activityId: string) => boolean = () => false
): Note[] {
	return notes.filter(
		(note) =>
			(!note.waiting || owns(note.id)) &&
			(!note.sealed || owns(note.id)) &&
			(activity.revealed || !note.private || owns(note.id) || revealedIn(note.activityId))
	);
}

/** Dots per note, counting only dots on notes that still exist in the activity. */
export function voteTotals(ballots: Ballot[], notes: Note[]): Map<string, number> {
	const existing = new Set(notes.map((n) => n.id));
	const totals = new Map<string, number>();
	for (const ballot of ballots) {
		for (const id of ballot.noteIds) if (existing.has(id)) totals.set(id, (totals.get(id) ?? 0) + 1);
	}
	return totals;
}

export interface RankedNote {
	note: Note;
	votes: number;
	rank: number;
}

/** Notes by votes, most first; equal votes share a rank (1, 2, 2, 4). Ties keep writing order. */
export function rankNotes(notes: Note[], totals: Map<string, number>): RankedNote[] {
	const sorted = [...notes].sort(
		(a, b) => (totals.get(b.id) ?? 0) - (totals.get(a.id) ?? 0) || a.createdAt - b.createdAt || a.id.localeCompare(b.id)
	);
	let rank = 0;
	let previous = -1;
	return sorted.map((note, i) => {
		const votes = totals.get(note.id) ?? 0;
		if (votes !== previous) {
			rank = i + 1;
			previous = votes;
		}
		return { note, votes, rank };
	});
}

export interface ClusterTotal {
	cluster: Cluster;
	votes: number;
	notes: Note[];
}

export function clusterTotals(clusters: Cluster[], notes: Note[], totals: Map<string, number>): ClusterTotal[] {
	return clusters
		.map((cluster) => {
			const members = notes.filter((n) => n.cluster === cluster.id);
			return { cluster, notes: members, votes: members.reduce((sum, n) => sum + (totals.get(n.id) ?? 0), 0) };
		})
		.filter((c) => c.notes.length > 0)
		.sort((a, b) => b.votes - a.votes || a.cluster.createdAt - b.cluster.createdAt);
}
