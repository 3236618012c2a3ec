/**
 * The activity timer, shared by every device through the document. The facilitator's device
 * writes when the timer ends in its own clock; each device converts that to its own clock with an
 * estimated offset (`clock.ts`), so devices whose clocks are minutes apart still count down
 * together.
 */
import * as Y from 'yjs';
import { sessionMaps } from './doc';
import { facilitatorChange } from './control';
import { readRun } from './read';
import type { CommandResult } from './commands';
import type { Actor } from './types';

export type TimerState =
	| { status: 'idle'; durationMs: number }
	| { status: 'running'; durationMs: number; /** In the facilitator's clock. */ endsAt: number }
	| { status: 'paused'; durationMs: number; remainingMs: number };

export const IDLE_TIMER: TimerState = { status: 'idle', durationMs: 0 };
const MAX_MS = 24 * 60 * 60 * 1000;

const finite = (v: unknown, max = Number.MAX_SAFE_INTEGER): v is number =>
	typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= max;

export function readTimer(value: unknown): TimerState {
	if (typeof value !== 'object' || value === null) return IDLE_TIMER;
	const { status, durationMs, endsAt, remainingMs } = value as Record<string, unknown>;
	if (!finite(durationMs, MAX_MS)) return IDLE_TIMER;
	if (status === 'running' && finite(endsAt)) return { status, durationMs, endsAt };
	if (status === 'paused' && finite(remainingMs, MAX_MS)) return { status, durationMs, remainingMs };
	return { status: 'idle', durationMs };
}

/** Milliseconds left, given the facilitator's clock now. */
export function remainingMs(timer: TimerState, facilitatorNow: number): number {
	switch (timer.status) {
		case 'idle':
			return timer.durationMs;
		case 'paused':
			return timer.remainingMs;
		case 'running':
			return Math.max(0, timer.endsAt - facilitatorNow);
	}
}

function write(doc: Y.Doc, actor: Actor, timer: TimerState): CommandResult {
	return facilitatorChange(
		doc,
		actor,
		() => sessionMaps(doc).run.set('timer', timer),
		(state) => {
			state.timer = timer;
		}
	);
}

const current = (doc: Y.Doc) => readRun(sessionMaps(doc)).timer;

/** Sets the timer to a duration without starting it (a new activity). */
export const resetTimer = (doc: Y.Doc, actor: Actor, minutes: number, _now = Date.now()): CommandResult =>
	write(doc, actor, { status: 'idle', durationMs: Math.round(Math.min(Math.max(minutes, 0), 24 * 60) * 60_000) });

export function startTimer(doc: Y.Doc, actor: Actor, now = Date.now()): CommandResult {
	const timer = current(doc);
	if (timer.status === 'running') return { ok: true, value: undefined };
	const left = remainingMs(timer, now);
	return write(doc, actor, { status: 'running', durationMs: timer.durationMs, endsAt: now + left });
}

export function pauseTimer(doc: Y.Doc, actor: Actor, now = Date.now()): CommandResult {
	const timer = current(doc);
	if (timer.status !== 'running') return { ok: true, value: undefined };
	return write(doc, actor, { status: 'paused', durationMs: timer.durationMs, remainingMs: remainingMs(timer, now) });
}

/** Adds a minute to whatever is left (also to a timer that has run out). */
export function addMinute(doc: Y.Doc, actor: Actor, now = Date.now()): CommandResult {
	const timer = current(doc);
	switch (timer.status) {
		case 'running':
			return write(doc, actor, {
				status: 'running',
				durationMs: timer.durationMs + 60_000,
				endsAt: Math.max(timer.endsAt, now) + 60_000
			});
		case 'paused':
			return write(doc, actor, {
				status: 'paused',
				durationMs: timer.durationMs + 60_000,
				remainingMs: timer.remainingMs + 60_000
			});
		case 'idle':
			return write(doc, actor, { status: 'idle', durationMs: timer.durationMs + 60_000 });
	}
}
