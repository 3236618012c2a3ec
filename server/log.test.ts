import { describe, expect, it } from 'vitest';
import { createLogger } from './log.ts';

describe('createLogger', () => {
	it('throttles repeated drop reasons and reports how many were suppressed', () => {
		const lines: string[] = [];
		let now = 0;
		const log = createLogger({ write: (line) => lines.push(line), throttleMs: 1000, now: () => now });
		for (let i = 0; i < 100; i++) log.dropped('malformed frame', '10.0.0.9');
		log.dropped('binary frame');
		now = 1500;
		log.dropped('malformed frame', '10.0.0.9');
		expect(lines).toEqual([
			'dropped: malformed frame — 10.0.0.9',
			'dropped: binary frame',
			'dropped: malformed frame — 10.0.0.9 (+99 more since last report)'
		]);
		expect(Object.fromEntries(log.droppedCounts())).toEqual({ 'malformed frame': 101, 'binary frame': 1 });
	});
});
