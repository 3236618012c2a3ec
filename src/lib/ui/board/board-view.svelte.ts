/**
 * What one activity's board shows on this device, derived from the live session: the notes this
 * device may see and their reading order, the zones by name, vote totals once shown, this
 * device's dots, and the words a screen reader hears for each note. The board components read it;
 * every change still goes through the session's commands.
 */
import { boardGeometry } from '$lib/board/geometry';
import { visibleNotes, voteTotals } from '$lib/board/results';
import type { Cluster, Note } from '$lib/board/types';
import { i18n } from '$lib/ui/i18n.svelte';
import type { LiveSession } from '$lib/ui/session/live-session.svelte';

export interface ZoneOption {
	id: string;
	label: string;
}

/** What a board view reads of the live session (a `LiveSession` in the app). */
export type BoardSession = Pick<LiveSession, 'view' | 'isFacilitator' | 'owns' | 'myDots'>;

export class BoardView {
	readonly #source: () => { session: BoardSession; activityId: string };

	/** `source` is read reactively: the view follows a change of session or activity. */
	constructor(source: () => { session: BoardSession; activityId: string }) {
		this.#source = source;
	}

	// Getters, not fields: the derived fields below are read lazily, after the constructor ran.
	get session(): BoardSession {
		return this.#source().session;
	}
	get activityId(): string {
		return this.#source().activityId;
	}

	readonly activity = $derived(this.session.view.activity(this.activityId));
	/** The activity whose notes this board continues on, or undefined (see continuation.ts). */
	readonly sourceActivity = $derived(
		this.activity?.source ? this.session.view.activity(this.activity.source) : undefined
	);
	/** A board continuing an earlier one's notes keeps that board's zones, so the notes stay put. */
	readonly #home = $derived.by(() => {
		const chain = this.activity ? this.session.view.boardChain(this.activity.id) : [];
		return this.session.view.activity(chain[chain.length - 1] ?? null) ?? this.activity;
	});
	readonly layout = $derived(this.#home?.board.layout ?? { template: 'free' as const });
	readonly geometry = $derived(boardGeometry(this.layout));
	readonly facilitator = $derived(this.session.isFacilitator);
	readonly readOnly = $derived(this.session.view.run.locked && !this.facilitator);

	readonly #allNotes = $derived(this.activity ? this.session.view.notesOf(this.activity.id) : []);
	readonly notes = $derived(
		this.activity
			? visibleNotes(
					this.#allNotes,
					this.activity,
					(id) => this.session.owns(id),
					(id) => this.session.view.activity(id)?.revealed === true
				)
			: []
	);
	/** Others' private notes, not yet revealed: counted for the hint, never shown. */
	readonly hiddenCount = $derived(this.#allNotes.length - this.notes.length);
	readonly clusters = $derived(this.session.view.clustersOf(this.activityId));

	readonly voting = $derived(this.activity?.phase === 'vote' && (this.activity?.dotsPerPerson ?? 0) > 0);
	readonly totals = $derived(
		this.activity?.resultsShown
			? voteTotals(
					this.session.view.ballots.filter((b) => b.activityId === this.activityId),
					this.#allNotes
				)
			: null
	);
	readonly #myDots = $derived(this.activity ? this.session.myDots(this.activity.id) : []);
	readonly dotsLeft = $derived(Math.max(0, (this.activity?.dotsPerPerson ?? 0) - this.#myDots.length));

	readonly zoneOptions: ZoneOption[] = $derived(
		this.geometry.zones.map((z) => ({ id: z.id, label: z.parts.map((p) => p[i18n.locale]).join(' · ') }))
	);
	/** The zones with "outside any zone" last: what the list view and "move to" offer. */
	readonly listZones = $derived([
		...this.zoneOptions.map((z) => ({ id: z.id as string | null, label: z.label })),
		{ id: null, label: i18n.t('board.noZone') }
	]);

	readonly #zoneOrder = $derived(new Map(this.geometry.zones.map((z, i) => [z.id, i])));
	/** Reading order for keyboard users: by zone, then top to bottom, left to right. */
	readonly ordered = $derived(
		[...this.notes].sort(
			(a, b) =>
				(this.#zoneOrder.get(a.zone ?? '') ?? 999) - (this.#zoneOrder.get(b.zone ?? '') ?? 999) ||
				a.position.y - b.position.y ||
				a.position.x - b.position.x
		)
	);

	zoneLabel(zone: string | null): string {
		return this.zoneOptions.find((z) => z.id === zone)?.label ?? i18n.t('board.noZone');
	}

	clusterName(cluster: Cluster): string {
		return cluster.name || i18n.t('board.unnamedGroup');
	}

	note(id: string): Note | undefined {
		return this.notes.find((n) => n.id === id);
	}

	canEdit(note: Note): boolean {
		return !this.readOnly && (this.facilitator || this.session.owns(note.id));
	}

	myDotsOn(noteId: string): number {
		return this.#myDots.filter((id) => id === noteId).length;
	}

	/** The language a note is written in: its own, or (notes from before #21) the session's. */
	noteLanguage(note: Note): string {
		return note.language ?? (this.session.view.meta.language || i18n.locale);
	}

	/** A note's accessible description: where it is, its group, author and votes. */
	describe(note: Note): string {
		const parts = [i18n.t('board.noteIn', { zone: this.zoneLabel(note.zone) })];
		if (note.waiting) parts.unshift(i18n.t('moderation.waitingNote'));
		const cluster = this.clusters.find((c) => c.id === note.cluster);
		if (cluster) parts.push(i18n.t('board.groupOf', { name: this.clusterName(cluster) }));
		if (note.author) parts.push(i18n.t('board.noteBy', { author: note.author }));
		if (this.totals) parts.push(i18n.t('board.votes', { count: this.totals.get(note.id) ?? 0 }));
		else if (this.myDotsOn(note.id) > 0) parts.push(i18n.t('board.myDots', { count: this.myDotsOn(note.id) }));
		return parts.join('. ');
	}

	/** The line under a note's text: author and votes, or this device's dots while voting. */
	footer(note: Note): string {
		const parts: string[] = [];
		if (note.waiting) parts.push(i18n.t('moderation.waitingMark'));
		if (note.author) parts.push(note.author);
		if (this.totals) parts.push(`● ${this.totals.get(note.id) ?? 0}`);
		else if (this.myDotsOn(note.id) > 0) parts.push('●'.repeat(this.myDotsOn(note.id)));
		return parts.join(' · ');
	}
}
