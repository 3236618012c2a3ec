/**
 * Planning arithmetic: defaults for a new session, running start times and the total against the
 * time available. Pure, so that the planner, the print script and the tests agree.
 */
import type { Locale } from '../i18n/locales';
import type { BoardSpec, Method } from '../methods/types';
import type { AgendaItem, SessionPlan } from './types';

/** An agenda item before storage gives it an id, a session and a place in the order. */
export type NewAgendaItem = Omit<AgendaItem, 'id' | 'sessionId' | 'position'>;

export function newSessionPlan(language: Locale, title: string): SessionPlan {
	return {
		title,
		organisation: '',
		date: '',
		startTime: '',
		place: '',
		goal: '',
		groups: [],
		language,
		availableMinutes: 120,
		anonymous: false
	};
}

export interface ScheduledItem {
	item: AgendaItem;
	/** Minutes from the start of the session. */
	offset: number;
	/** Clock time `HH:MM` when the session has a start time. */
	start: string | null;
	end: string | null;
}

export interface Schedule {
	items: ScheduledItem[];
	totalMinutes: number;
	/** Minutes over the available time (0 when it fits). */
	overBy: number;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function parseClock(text: string): number | null {
	const match = TIME.exec(text);
	return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export function formatClock(minutes: number): string {
	const m = ((Math.round(minutes) % 1440) + 1440) % 1440;
	return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export function schedule(items: AgendaItem[], startTime: string, availableMinutes: number): Schedule {
	const start = parseClock(startTime);
	let offset = 0;
	const scheduled = items.map((item) => {
		const entry: ScheduledItem = {
			item,
			offset,
			start: start === null ? null : formatClock(start + offset),
			end: start === null ? null : formatClock(start + offset + item.minutes)
		};
		offset += item.minutes;
		return entry;
	});
	return { items: scheduled, totalMinutes: offset, overBy: Math.max(0, offset - availableMinutes) };
}

/**
 * The agenda item for a method, in the session's language: the one way a method enters a plan,
 * whichever page adds it. The board is copied whole — layout, private writing, dots, timer — since
 * the activity runs on it: an item without it would run as a plain free board.
 */
export function agendaItemFromMethod(method: Method, language: Locale): NewAgendaItem {
	return {
		kind: 'method',
		methodId: method.id,
		title: method.name[language],
		minutes: method.duration.default,
		prompt: method.prompts[language].join('\n'),
		board: structuredClone(method.board)
	};
}

/**
 * Where a new agenda item continues by default: a method that offers it (`continuesPrevious`:
 * dot voting, prioritising) continues on the notes and groups of the last activity with a board
 * before it, so that "write → group → vote" needs no setting. None when there is no such activity.
 */
export function defaultSource(item: Pick<AgendaItem, 'board'>, earlier: readonly AgendaItem[]): string | undefined {
	if (!item.board?.continuesPrevious) return undefined;
	return earlier.findLast((other) => other.kind !== 'break')?.id;
}

/** The board of an activity without a method (a blank activity or a break): a free board. */
export function freeBoard(minutes: number): BoardSpec {
	return {
		layout: { template: 'free' },
		privateWriting: false,
		dotsPerPerson: 0,
		timerMinutes: Math.max(1, Math.min(240, minutes))
	};
}

/** Positions 1…n in the given order: reordering rewrites the few rows of one agenda at once. */
export function renumber(ids: string[]): Map<string, number> {
	return new Map(ids.map((id, i) => [id, i + 1]));
}

/** Moves the item at `from` to `to` (indices), returning the new order. */
export function moveInList<T>(list: T[], from: number, to: number): T[] {
	if (from < 0 || from >= list.length || to < 0 || to >= list.length || from === to) return list;
	const next = [...list];
	const [item] = next.splice(from, 1);
	next.splice(to, 0, item);
	return next;
}
