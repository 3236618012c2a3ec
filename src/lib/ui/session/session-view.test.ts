import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, sessionMaps } from '$lib/board/doc';
import { publishActivities } from '$lib/board/facilitation';
import { activity, createTestBoard } from '$lib/board/test-board';
import { SessionView } from './session-view.svelte';

describe('SessionView', () => {
	it('runs only activities on the agenda: an archived one leaves the view and comes back', () => {
		const { doc, facilitator } = createTestBoard([activity('a1'), activity('a2')]);
		const view = new SessionView(doc);
		expect(view.activities.map((a) => a.id)).toEqual(['a1', 'a2']);
		publishActivities(doc, facilitator, [activity('a2')]);
		expect(view.activities.map((a) => a.id)).toEqual(['a2']);
		expect(view.activity('a1')).toBeUndefined();
		publishActivities(doc, facilitator, [activity('a1'), activity('a2')]);
		expect(view.activities.map((a) => a.id)).toEqual(['a1', 'a2']);
		view.destroy();
	});

	it('turns read-only when a newer device’s version arrives', () => {
		const { doc } = createTestBoard();
		const view = new SessionView(doc);
		expect(view.fromNewerVersion).toBe(false);
		const newer = new Y.Doc();
		sessionMaps(newer).versions.set(String(SCHEMA_VERSION + 1), true);
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(newer), 'remote');
		expect(view.meta.schema).toBe(SCHEMA_VERSION + 1);
		expect(view.fromNewerVersion).toBe(true);
		view.destroy();
	});
});
