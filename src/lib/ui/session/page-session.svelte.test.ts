import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { PageSession, type PageSessionOptions } from './page-session.svelte';

interface FakeSession {
	summary: { id: string };
	destroy(): void;
}

/** Stand-ins for sessions, opened when the test says so, with a record of what happened. */
function sessions() {
	const events: string[] = [];
	const pending = new Map<string, (live: FakeSession | null) => void>();
	const open = (id: string) =>
		new Promise<FakeSession | null>((resolve) => {
			events.push(`open ${id}`);
			pending.set(id, resolve);
		});
	const finish = async (id: string, exists = true) => {
		const fake: FakeSession = { summary: { id }, destroy: () => void events.push(`destroy ${id}`) };
		pending.get(id)?.(exists ? fake : null);
		await new Promise((resolve) => setTimeout(resolve));
		flushSync();
	};
	return { events, open, finish };
}

function mount(id: () => string, options: PageSessionOptions<FakeSession>) {
	let page!: PageSession<FakeSession>;
	const unmount = $effect.root(() => {
		page = new PageSession(id, options);
	});
	flushSync();
	return { page, unmount };
}

describe('PageSession', () => {
	it('opens when mounted, runs the page’s set-up, and undoes both when the page goes', async () => {
		const s = sessions();
		const { page, unmount } = mount(() => 'a', {
			open: s.open,
			onOpen: (live) => {
				s.events.push(`set up ${live.summary.id}`);
				return () => s.events.push(`tear down ${live.summary.id}`);
			}
		});
		expect(page.status).toBe('opening');
		expect(page.current).toBeNull();
		await s.finish('a');
		expect(page.status).toBe('open');
		expect(page.current?.summary.id).toBe('a');
		unmount();
		expect(s.events).toEqual(['open a', 'set up a', 'tear down a', 'destroy a']);
		expect(page.current).toBeNull();
	});

	it('destroys a session that finishes opening after the page has gone, without showing it', async () => {
		const s = sessions();
		const { page, unmount } = mount(() => 'a', { open: s.open });
		unmount();
		await s.finish('a');
		expect(page.current).toBeNull();
		expect(s.events).toEqual(['open a', 'destroy a']);
	});

	it('says when there is no such session', async () => {
		const s = sessions();
		const { page, unmount } = mount(() => 'gone', { open: s.open });
		await s.finish('gone', false);
		expect(page.status).toBe('missing');
		unmount();
	});

	it('follows a change of session id', async () => {
		const s = sessions();
		let id = $state('a');
		const { page, unmount } = mount(() => id, { open: s.open });
		await s.finish('a');
		id = 'b';
		flushSync();
		expect(page.status).toBe('opening');
		await s.finish('b');
		expect(page.current?.summary.id).toBe('b');
		unmount();
		expect(s.events).toEqual(['open a', 'destroy a', 'open b', 'destroy b']);
	});

	it('lets the page close the session early, once', async () => {
		const s = sessions();
		const { page, unmount } = mount(() => 'a', { open: s.open });
		await s.finish('a');
		page.close();
		expect(page.current).toBeNull();
		unmount();
		expect(s.events).toEqual(['open a', 'destroy a']);
	});
});
