import { describe, expect, it } from 'vitest';
import { whenIdle } from './idle';

describe('whenIdle', () => {
	it('runs the work later, not at once', async () => {
		const done: string[] = [];
		whenIdle(() => done.push('idle'));
		done.push('now');
		await new Promise((r) => setTimeout(r, 10));
		expect(done).toEqual(['now', 'idle']);
	});

	it('does not run work that was cancelled', async () => {
		let ran = false;
		const cancel = whenIdle(() => (ran = true));
		cancel();
		await new Promise((r) => setTimeout(r, 10));
		expect(ran).toBe(false);
	});
});
