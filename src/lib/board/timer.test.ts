import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sessionMaps } from './doc';
import { actor } from './test-board';
import {
	addMinute,
	IDLE_TIMER,
	pauseTimer,
	readTimer,
	remainingMs,
	resetTimer,
	startTimer,
	type TimerState
} from './timer';

const MIN = 60_000;
const facilitator = actor('f', 'facilitator');
const participant = actor('p');

describe('readTimer', () => {
	it.each<{ name: string; value: unknown; timer: TimerState }>([
		{ name: 'nothing stored', value: undefined, timer: IDLE_TIMER },
		{ name: 'not an object', value: 'running', timer: IDLE_TIMER },
		{ name: 'idle', value: { status: 'idle', durationMs: 5 * MIN }, timer: { status: 'idle', durationMs: 5 * MIN } },
		{
			name: 'running',
			value: { status: 'running', durationMs: MIN, endsAt: 1_000 },
			timer: { status: 'running', durationMs: MIN, endsAt: 1_000 }
		},
		{
			name: 'paused',
			value: { status: 'paused', durationMs: MIN, remainingMs: 30_000 },
			timer: { status: 'paused', durationMs: MIN, remainingMs: 30_000 }
		},
		{ name: 'a negative duration', value: { status: 'idle', durationMs: -1 }, timer: IDLE_TIMER },
		{ name: 'a duration over a day', value: { status: 'idle', durationMs: 25 * 60 * MIN }, timer: IDLE_TIMER },
		{
			name: 'running without an end falls back to idle',
			value: { status: 'running', durationMs: MIN, endsAt: 'soon' },
			timer: { status: 'idle', durationMs: MIN }
		},
		{
			name: 'paused with more left than a day',
			value: { status: 'paused', durationMs: MIN, remainingMs: 25 * 60 * MIN },
			timer: { status: 'idle', durationMs: MIN }
		},
		{
			name: 'an unknown status',
			value: { status: 'ringing', durationMs: MIN },
			timer: { status: 'idle', durationMs: MIN }
		}
	])('$name', ({ value, timer }) => {
		expect(readTimer(value)).toEqual(timer);
	});
});

describe('remainingMs', () => {
	it.each<{ name: string; timer: TimerState; now: number; left: number }>([
		{ name: 'idle shows its duration', timer: { status: 'idle', durationMs: 5 * MIN }, now: 0, left: 5 * MIN },
		{
			name: 'paused shows what was left',
			timer: { status: 'paused', durationMs: 5 * MIN, remainingMs: 42_000 },
			now: 9e12,
			left: 42_000
		},
		{
			name: 'running counts down in the facilitator’s clock',
			timer: { status: 'running', durationMs: 5 * MIN, endsAt: 100_000 },
			now: 40_000,
			left: 60_000
		},
		{
			name: 'running past its end shows zero',
			timer: { status: 'running', durationMs: 5 * MIN, endsAt: 100_000 },
			now: 160_000,
			left: 0
		}
	])('$name', ({ timer, now, left }) => {
		expect(remainingMs(timer, now)).toBe(left);
	});
});

describe('timer commands', () => {
	type Step = (doc: Y.Doc) => unknown;
	const stored = (doc: Y.Doc) => readTimer(sessionMaps(doc).run.get('timer'));
	it.each<{ name: string; steps: Step[]; timer: TimerState }>([
		{
			name: 'reset sets a duration without starting',
			steps: [(d) => resetTimer(d, facilitator, 5)],
			timer: { status: 'idle', durationMs: 5 * MIN }
		},
		{
			name: 'reset clamps to a day and rounds to milliseconds',
			steps: [(d) => resetTimer(d, facilitator, 24 * 60 + 5)],
			timer: { status: 'idle', durationMs: 24 * 60 * MIN }
		},
		{
			name: 'start runs from the facilitator’s now',
			steps: [(d) => resetTimer(d, facilitator, 5), (d) => startTimer(d, facilitator, 1_000)],
			timer: { status: 'running', durationMs: 5 * MIN, endsAt: 1_000 + 5 * MIN }
		},
		{
			name: 'starting a running timer changes nothing',
			steps: [
				(d) => resetTimer(d, facilitator, 5),
				(d) => startTimer(d, facilitator, 1_000),
				(d) => startTimer(d, facilitator, 9_000)
			],
			timer: { status: 'running', durationMs: 5 * MIN, endsAt: 1_000 + 5 * MIN }
		},
		{
			name: 'pause keeps what is left, start resumes from it',
			steps: [
				(d) => resetTimer(d, facilitator, 5),
				(d) => startTimer(d, facilitator, 0),
				(d) => pauseTimer(d, facilitator, MIN),
				(d) => startTimer(d, facilitator, 10 * MIN)
			],
			timer: { status: 'running', durationMs: 5 * MIN, endsAt: 14 * MIN }
		},
		{
			name: 'pausing an idle timer changes nothing',
			steps: [(d) => resetTimer(d, facilitator, 5), (d) => pauseTimer(d, facilitator, MIN)],
			timer: { status: 'idle', durationMs: 5 * MIN }
		},
		{
			name: '+1 min on a running timer',
			steps: [
				(d) => resetTimer(d, facilitator, 5),
				(d) => startTimer(d, facilitator, 0),
				(d) => addMinute(d, facilitator, MIN)
			],
			timer: { status: 'running', durationMs: 6 * MIN, endsAt: 6 * MIN }
		},
		{
			name: '+1 min on a timer that ran out counts from now',
			steps: [
				(d) => resetTimer(d, facilitator, 5),
				(d) => startTimer(d, facilitator, 0),
				(d) => addMinute(d, facilitator, 9 * MIN)
			],
			timer: { status: 'running', durationMs: 6 * MIN, endsAt: 10 * MIN }
		},
		{
			name: '+1 min on a paused timer',
			steps: [
				(d) => resetTimer(d, facilitator, 5),
				(d) => startTimer(d, facilitator, 0),
				(d) => pauseTimer(d, facilitator, 4 * MIN),
				(d) => addMinute(d, facilitator, 8 * MIN)
			],
			timer: { status: 'paused', durationMs: 6 * MIN, remainingMs: 2 * MIN }
		},
		{
			name: '+1 min on an idle timer',
			steps: [(d) => resetTimer(d, facilitator, 5), (d) => addMinute(d, facilitator, 0)],
			timer: { status: 'idle', durationMs: 6 * MIN }
		},
		{
			name: 'a participant cannot touch the timer',
			steps: [
				(d) => resetTimer(d, facilitator, 5),
				(d) => expect(startTimer(d, participant, 0)).toEqual({ ok: false, reason: 'not-allowed' }),
				(d) => expect(resetTimer(d, participant, 1)).toEqual({ ok: false, reason: 'not-allowed' })
			],
			timer: { status: 'idle', durationMs: 5 * MIN }
		}
	])('$name', ({ steps, timer }) => {
		const doc = new Y.Doc();
		for (const step of steps) step(doc);
		expect(stored(doc)).toEqual(timer);
	});
});
