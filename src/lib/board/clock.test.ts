import { describe, expect, it } from 'vitest';
import { ClockOffset } from './clock';

/** A reading: the facilitator's clock when sent, and ours when it arrived. */
type Reading = [theirs: number, ours: number];

describe('ClockOffset', () => {
	it.each<{ name: string; readings: Reading[]; offset: number; known: boolean }>([
		{ name: 'nothing heard yet', readings: [], offset: 0, known: false },
		{ name: 'one reading, no delay', readings: [[10_000, 9_000]], offset: 1_000, known: true },
		{
			name: 'the fastest of several deliveries wins',
			readings: [
				[10_000, 9_080],
				[12_000, 11_010],
				[14_000, 13_200]
			],
			offset: 990,
			known: true
		},
		{
			name: 'a clock behind the facilitator’s gives a negative offset',
			readings: [[5_000, 65_020]],
			offset: -60_020,
			known: true
		},
		{
			name: 'samples older than the window are forgotten',
			readings: [
				[1_000, 1_000],
				[40_000, 40_300]
			],
			offset: -300,
			known: true
		},
		{
			name: 'non-finite readings are ignored',
			readings: [
				[Number.NaN, 1_000],
				[2_000, Number.POSITIVE_INFINITY],
				[3_000, 2_950]
			],
			offset: 50,
			known: true
		},
		{
			// The same reading re-read on every presence change in the room looks ever more delayed;
			// counted each time, it used to push the one good sample out of the window.
			name: 'a reading seen again later counts once',
			readings: [[10_000, 9_000], ...Array.from({ length: 40 }, (_, i): Reading => [10_000, 9_050 + i * 40])],
			offset: 1_000,
			known: true
		}
	])('$name', ({ readings, offset, known }) => {
		const clock = new ClockOffset();
		for (const [theirs, ours] of readings) clock.add(theirs, ours);
		expect(clock.offset).toBe(offset);
		expect(clock.known).toBe(known);
	});

	it('keeps only the most recent samples when readings come fast', () => {
		const clock = new ClockOffset(30_000, 3);
		// The first (best) sample falls out once three newer ones arrived.
		clock.add(1_000, 1_000);
		for (const at of [1_100, 1_200, 1_300]) clock.add(at, at + 50);
		expect(clock.offset).toBe(-50);
	});

	it('starts over after a reset, also for a reading equal to the last one', () => {
		const clock = new ClockOffset();
		clock.add(10_000, 9_000);
		clock.reset();
		expect(clock.known).toBe(false);
		clock.add(10_000, 9_500);
		expect(clock.offset).toBe(500);
	});
});
