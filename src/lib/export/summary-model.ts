/**
 * What the PDF summary says, before any layout: the session's facts, the agenda as planned and as
 * run, and each activity's notes grouped by zone and cluster, ranked and numbered. Pure, so that
 * the content is tested apart from the typesetting, and every note is accounted for exactly once.
 *
 * The shared document is read only through the board's validated readers: a malformed entry from
 * a hostile or buggy peer is skipped here as everywhere else.
 */
import type * as Y from 'yjs';
import { chainOf } from '../board/continuation';
import { sessionMaps } from '../board/doc';
import { boardGeometry, type BoardGeometry } from '../board/geometry';
import { readActivities, readBallots, readClusters, readNotes, readParticipants } from '../board/read';
import { clusterTotals, rankNotes, voteTotals } from '../board/results';
import type { Activity, Note } from '../board/types';
import type { Locale } from '../i18n/locales';
import { AUDIENCES, QUADRANTS, type Audience, type BoardSpec, type QuadrantId } from '../methods/types';
import { freeBoard, schedule } from '../session/plan';
import type { AgendaItem, AgendaKind, SessionSummary } from '../session/types';

export interface SummaryInput {
	session: SessionSummary;
	/** The agenda as planned, in order. */
	agenda: AgendaItem[];
	/** The session's shared document: boards, notes, votes, real times, participants. */
	doc: Y.Doc;
	/** Method id → the method's name in the session language (built-in and own methods). */
	methodNames: Readonly<Record<string, string>>;
	/** Show participants' names and note authors (only ever in named sessions). */
	includeNames?: boolean;
}

export interface SummaryNote {
	/** Number in the activity's listing; the board drawing shows it on the note. */
	number: number;
	note: Note;
	votes: number;
	/** Rank by votes within the activity (1, 2, 2, 4). */
	rank: number;
	/** The writer's nickname, only when names are included. */
	author?: string;
}

export interface ClusterGroup {
	name: string;
	votes: number;
	notes: SummaryNote[];
}

export interface ZoneGroup {
	/** The zone id; null for notes outside every zone (or on a free board). */
	id: string | null;
	/** The zone's name parts, outer first (journey row and stage, ring and sector). */
	parts: string[];
	/** For 2×2 boards: which corner. */
	quadrant?: QuadrantId;
	clusters: ClusterGroup[];
	/** Notes in no cluster, ranked. */
	loose: SummaryNote[];
	count: number;
	votes: number;
}

export interface ActivitySummary {
	/** Position in the agenda (breaks count), so the agenda table and the sections agree. */
	number: number;
	id: string;
	title: string;
	prompt: string;
	kind: AgendaKind;
	methodName?: string;
	plannedMinutes: number;
	startedAt?: number;
	endedAt?: number;
	board: BoardSpec;
	/** The earlier activity whose notes and groups this one continued on. */
	sourceTitle?: string;
	geometry: BoardGeometry;
	zones: ZoneGroup[];
	/** Every note, in listing order (numbered 1…n). */
	notes: SummaryNote[];
	/** The most voted notes (rank 1–5 with at least one vote). */
	top: SummaryNote[];
	totalVotes: number;
	/** Whether the board's layout carries meaning worth drawing. */
	drawn: boolean;
}

export interface AgendaRow {
	number: number;
	id: string;
	title: string;
	kind: AgendaKind;
	minutes: number;
	/** Planned clock times, when the session has a start time. */
	plannedStart: string | null;
	plannedEnd: string | null;
	/** Minutes from the start, when it has none. */
	offset: number;
	startedAt?: number;
	endedAt?: number;
}

export interface SummaryModel {
	locale: Locale;
	title: string;
	organisation: string;
	/** ISO date, or empty. */
	date: string;
	startTime: string;
	plannedEnd: string | null;
	place: string;
	goal: string;
	participants: { total: number; groups: { group: Audience | null; count: number }[]; names: string[] };
	methods: string[];
	agenda: AgendaRow[];
	totalMinutes: number;
	availableMinutes: number;
	activities: ActivitySummary[];
	closingNotes: string;
	noteCount: number;
	voteCount: number;
	namesIncluded: boolean;
}

/** Layouts whose drawing says something a list cannot: position on them means something. */
const DRAWN_TEMPLATES = new Set(['rings', 'matrix', 'journey']);
/** Boards with this many zones or fewer list their empty zones too ("nothing here" is a finding). */
const LIST_EMPTY_ZONES_UP_TO = 6;
const TOP_RANKS = 5;

export function buildSummary(input: SummaryInput): SummaryModel {
	const { session } = input;
	const locale = session.language;
	const maps = sessionMaps(input.doc);
	const names = input.includeNames === true && !session.anonymous;
	const docActivities = new Map(readActivities(maps).map((a) => [a.id, a]));
	const notes = readNotes(maps);
	const clusters = readClusters(maps);
	const ballots = readBallots(maps);

	const planned = schedule(input.agenda, session.startTime, session.availableMinutes);
	const agenda: AgendaRow[] = planned.items.map(({ item, start, end, offset }, i) => {
		const run = docActivities.get(item.id);
		const row: AgendaRow = {
			number: i + 1,
			id: item.id,
			title: item.title,
			kind: item.kind,
			minutes: item.minutes,
			plannedStart: start,
			plannedEnd: end,
			offset
		};
		const startedAt = run?.startedAt ?? item.startedAt;
		const endedAt = run?.endedAt ?? item.endedAt;
		if (startedAt !== undefined) row.startedAt = startedAt;
		if (endedAt !== undefined) row.endedAt = endedAt;
		return row;
	});

	// Sections follow the agenda; activities the document has but the agenda lost come last, so
	// that no note written in the session is left out of its summary.
	const sources: { number: number; item?: AgendaItem; activity?: Activity }[] = input.agenda.map((item, i) => ({
		number: i + 1,
		item,
		activity: docActivities.get(item.id)
	}));
	const inAgenda = new Set(input.agenda.map((item) => item.id));
	for (const activity of docActivities.values()) {
		if (!inAgenda.has(activity.id)) sources.push({ number: sources.length + 1, activity });
	}

	const activities: ActivitySummary[] = [];
	for (const { number, item, activity } of sources) {
		const kind = activity?.kind ?? item?.kind ?? 'blank';
		// An activity that continues an earlier one works on that one's notes and groups, in its
		// zones (see board/continuation.ts): its section lists them, with its own votes.
		const chain = activity ? chainOf([...docActivities.values()], activity.id) : [item?.id];
		const home = docActivities.get(chain[chain.length - 1] ?? '');
		const own = notes.filter((n) => chain.includes(n.activityId));
		if (kind === 'break' && own.length === 0) continue;
		const board =
			(chain.length > 1 ? home?.board : undefined) ?? activity?.board ?? item?.board ?? freeBoard(item?.minutes ?? 0);
		const source = activity?.source ? docActivities.get(activity.source) : undefined;
		const methodId = activity?.methodId ?? item?.methodId;
		activities.push(
			summariseActivity({
				number,
				id: (activity?.id ?? item?.id)!,
				title: activity?.title ?? item?.title ?? '',
				prompt: activity?.prompt ?? item?.prompt ?? '',
				kind,
				methodName: methodId ? (input.methodNames[methodId] ?? undefined) : undefined,
				plannedMinutes: item?.minutes ?? activity?.minutes ?? 0,
				startedAt: activity?.startedAt ?? item?.startedAt,
				endedAt: activity?.endedAt ?? item?.endedAt,
				board,
				notes: own,
				clusters: clusters.filter((c) => chain.includes(c.activityId)),
				ballots: ballots.filter((b) => b.activityId === (activity?.id ?? item?.id)),
				locale,
				names,
				...(source ? { sourceTitle: source.title } : {})
			})
		);
	}

	const participants = readParticipants(maps).filter((p) => p.role === 'participant');
	const groups = [...AUDIENCES, null].map((group) => ({
		group,
		count: participants.filter((p) => p.group === group).length
	}));
	const methods: string[] = [];
	for (const item of input.agenda) {
		if (!item.methodId) continue;
		const name = input.methodNames[item.methodId] ?? item.title;
		if (!methods.includes(name)) methods.push(name);
	}

	return {
		locale,
		title: session.title,
		organisation: session.organisation,
		date: session.date,
		startTime: session.startTime,
		plannedEnd: planned.items.length > 0 ? planned.items[planned.items.length - 1].end : null,
		place: session.place,
		goal: session.goal,
		participants: {
			total: participants.length,
			groups: groups.filter((g) => g.count > 0),
			names: names
				? participants
						.map((p) => p.name)
						.filter((n): n is string => !!n)
						.sort((a, b) => a.localeCompare(b, locale))
				: []
		},
		methods,
		agenda,
		totalMinutes: planned.totalMinutes,
		availableMinutes: session.availableMinutes,
		activities,
		closingNotes: session.closingNotes?.trim() ?? '',
		noteCount: activities.reduce((sum, a) => sum + a.notes.length, 0),
		voteCount: activities.reduce((sum, a) => sum + a.totalVotes, 0),
		namesIncluded: names
	};
}

/** An activity's plan facts as the summary shows them, and the board data it is summarised from. */
interface ActivityParts extends Pick<
	ActivitySummary,
	| 'number'
	| 'id'
	| 'title'
	| 'prompt'
	| 'kind'
	| 'methodName'
	| 'plannedMinutes'
	| 'startedAt'
	| 'endedAt'
	| 'board'
	| 'sourceTitle'
> {
	notes: Note[];
	clusters: ReturnType<typeof readClusters>;
	ballots: ReturnType<typeof readBallots>;
	locale: Locale;
	names: boolean;
}

function summariseActivity(parts: ActivityParts): ActivitySummary {
	const geometry = boardGeometry(parts.board.layout);
	const totals = voteTotals(parts.ballots, parts.notes);
	const ranked = rankNotes(parts.notes, totals);
	const rankOf = new Map(ranked.map((r) => [r.note.id, r.rank]));
	const knownZones = new Set(geometry.zones.map((z) => z.id));
	const knownClusters = new Set(parts.clusters.map((c) => c.id));

	let counter = 0;
	const numbered: SummaryNote[] = [];
	const entry = (note: Note): SummaryNote => {
		const summary: SummaryNote = {
			number: ++counter,
			note,
			votes: totals.get(note.id) ?? 0,
			rank: rankOf.get(note.id) ?? ranked.length
		};
		if (parts.names && note.author) summary.author = note.author;
		numbered.push(summary);
		return summary;
	};

	const group = (id: string | null, zoneParts: string[], zoneNotes: Note[], quadrant?: QuadrantId): ZoneGroup => {
		const inClusters = clusterTotals(parts.clusters, zoneNotes, totals).map((c) => ({
			name: c.cluster.name,
			votes: c.votes,
			notes: rankNotes(c.notes, totals).map((r) => entry(r.note))
		}));
		const loose = rankNotes(
			zoneNotes.filter((n) => n.cluster === null || !knownClusters.has(n.cluster)),
			totals
		).map((r) => entry(r.note));
		const zone: ZoneGroup = {
			id,
			parts: zoneParts,
			clusters: inClusters,
			loose,
			count: zoneNotes.length,
			votes: zoneNotes.reduce((sum, n) => sum + (totals.get(n.id) ?? 0), 0)
		};
		if (quadrant) zone.quadrant = quadrant;
		return zone;
	};

	const zones: ZoneGroup[] = [];
	const listEmpty = geometry.zones.length <= LIST_EMPTY_ZONES_UP_TO;
	for (const zone of listingOrder(parts.board, geometry)) {
		const zoneNotes = parts.notes.filter((n) => n.zone === zone.id);
		if (zoneNotes.length === 0 && !listEmpty) continue;
		const quadrant = parts.board.layout.template === 'matrix' ? QUADRANTS.find((q) => q === zone.id) : undefined;
		zones.push(
			group(
				zone.id,
				zone.parts.map((p) => p[parts.locale]),
				zoneNotes,
				quadrant
			)
		);
	}
	const outside = parts.notes.filter((n) => n.zone === null || !knownZones.has(n.zone));
	if (outside.length > 0) zones.push(group(null, [], outside));

	const totalVotes = [...totals.values()].reduce((sum, v) => sum + v, 0);
	const byId = new Map(numbered.map((n) => [n.note.id, n]));
	const top =
		totalVotes === 0 ? [] : ranked.filter((r) => r.votes > 0 && r.rank <= TOP_RANKS).map((r) => byId.get(r.note.id)!);

	const summary: ActivitySummary = {
		number: parts.number,
		id: parts.id,
		title: parts.title,
		prompt: parts.prompt,
		kind: parts.kind,
		plannedMinutes: parts.plannedMinutes,
		board: parts.board,
		geometry,
		zones,
		notes: numbered,
		top,
		totalVotes,
		...(parts.sourceTitle ? { sourceTitle: parts.sourceTitle } : {}),
		drawn: DRAWN_TEMPLATES.has(parts.board.layout.template) && parts.notes.length > 0
	};
	if (parts.methodName) summary.methodName = parts.methodName;
	if (parts.startedAt !== undefined) summary.startedAt = parts.startedAt;
	if (parts.endedAt !== undefined) summary.endedAt = parts.endedAt;
	return summary;
}

/**
 * Zones in the order a reader follows them. A journey is read stage by stage, so its cells are
 * listed by stage first (the geometry lists them row by row) and named "stage · row".
 */
function listingOrder(board: BoardSpec, geometry: BoardGeometry): BoardGeometry['zones'] {
	const layout = board.layout;
	if (layout.template !== 'journey') return geometry.zones;
	const byId = new Map(geometry.zones.map((z) => [z.id, z]));
	return layout.stages.flatMap((stage) =>
		layout.rows.flatMap((row) => {
			const zone = byId.get(`${stage.id}/${row.id}`);
			return zone ? [{ ...zone, parts: [...zone.parts].reverse() }] : [];
		})
	);
}
