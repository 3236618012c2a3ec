import { describe, expect, it } from 'vitest';
import { Confirmation } from './confirmation.svelte';

describe('Confirmation', () => {
	it('asks, shows the question, and resolves with the answer', async () => {
		const confirmation = new Confirmation();
		const answer = confirmation.ask('Delete the note “Hei”?', 'Delete');
		expect(confirmation.request).toEqual({ message: 'Delete the note “Hei”?', confirmLabel: 'Delete' });
		confirmation.answer(true);
		expect(await answer).toBe(true);
		expect(confirmation.request).toBeNull();
	});

	it('answers an open question "no" when a new one is asked, and ignores a second answer', async () => {
		const confirmation = new Confirmation();
		const first = confirmation.ask('First?', 'Yes');
		const second = confirmation.ask('Second?', 'Yes');
		expect(await first).toBe(false);
		expect(confirmation.request?.message).toBe('Second?');
		confirmation.answer(true);
		confirmation.answer(false);
		expect(await second).toBe(true);
	});
});
