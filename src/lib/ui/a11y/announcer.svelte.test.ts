import { describe, expect, it } from 'vitest';
import { Announcer, timerMilestone } from './announcer.svelte';

function manualTimers() {
	const pending = new Map<number, () => void>();
	let next = 0;
	return {
		setTimer: (run: () => void) => {
			pending.set(++next, run);
			return next;
		},
		clearTimer: (handle: unknown) => void pending.delete(handle as number),
		/** Runs every timer that is due, as if the window had passed. */
		elapse: () => {
			const due = [...pending.values()];
			pending.clear();
			for (const run of due) run();
		},
		get count() {
			return pending.size;
		}
	};
}

const newNotes = (zone: string, count: number) => `${count} new notes in ${zone}.`;
const visible = (text: string) => text.replace(/\u200b/g, '');

describe('Announcer', () => {
	it('says a message at once', () => {
		const announcer = new Announcer({ newNotes });
		announcer.say('Phase: Vote.');
		expect(visible(announcer.text)).toBe('Phase: Vote.');
	});

	it('changes its text when the same sentence is said again, so it is announced again', () => {
		const announcer = new Announcer({ newNotes });
		announcer.say('Time is up.');
		const first = announcer.text;
		announcer.say('Time is up.');
		expect(announcer.text).not.toBe(first);
		expect(visible(announcer.text)).toBe('Time is up.');
	});

	it('ignores empty messages', () => {
		const announcer = new Announcer({ newNotes });
		announcer.say('Phase: Write.');
		announcer.say('   ');
		expect(visible(announcer.text)).toBe('Phase: Write.');
	});

	it('gathers notes from others per zone and says one summary after the window', () => {
		const timers = manualTimers();
		const announcer = new Announcer({ newNotes, ...timers });
		announcer.notesArrived('Hopes');
		announcer.notesArrived('Hopes');
		announcer.notesArrived('Concerns');
		announcer.notesArrived('Hopes');
		expect(announcer.text).toBe('');
		expect(timers.count).toBe(1);
		timers.elapse();
		expect(visible(announcer.text)).toBe('3 new notes in Hopes. 1 new notes in Concerns.');
	});

	it('starts a new summary after one is said', () => {
		const timers = manualTimers();
		const announcer = new Announcer({ newNotes, ...timers });
		announcer.notesArrived('Hopes', 2);
		timers.elapse();
		announcer.notesArrived('Ideas');
		timers.elapse();
		expect(visible(announcer.text)).toBe('1 new notes in Ideas.');
	});

	it('flush says the pending summary at once and cancels the timer', () => {
		const timers = manualTimers();
		const announcer = new Announcer({ newNotes, ...timers });
		announcer.notesArrived('Hopes', 4);
		announcer.flush();
		expect(visible(announcer.text)).toBe('4 new notes in Hopes.');
		expect(timers.count).toBe(0);
	});

	it('destroy drops what was pending', () => {
		const timers = manualTimers();
		const announcer = new Announcer({ newNotes, ...timers });
		announcer.notesArrived('Hopes');
		announcer.destroy();
		timers.elapse();
		expect(announcer.text).toBe('');
	});
});

describe('timerMilestone', () => {
	const min = 60_000;
	it.each([
		{ before: 5 * min + 200, after: 5 * min - 100, expected: 5 },
		{ before: 5 * min + 200, after: 5 * min, expected: 5 },
		{ before: 1 * min + 200, after: 1 * min - 100, expected: 1 },
		{ before: 300, after: 0, expected: 0 },
		{ before: 300, after: -50, expected: 0 },
		{ before: 4 * min, after: 4 * min - 200, expected: null },
		{ before: 5 * min - 100, after: 5 * min - 300, expected: null },
		{ before: null, after: 30_000, expected: null },
		{ before: 30_000, after: 30_000, expected: null },
		{ before: 30_000, after: 6 * min, expected: null },
		{ before: 0, after: 0, expected: null }
	])('$before → $after: $expected', ({ before, after, expected }) => {
		expect(timerMilestone(before, after)).toBe(expected);
	});
});
