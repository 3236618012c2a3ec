/**
 * For tests of the ways into a plan: runs a stored agenda as the run page does — publishes it into
 * a fresh session document — and reads back the activities every device would follow.
 */
import * as Y from 'yjs';
import { publishActivities } from '$lib/board/facilitation';
import { readActivities } from '$lib/board/read';
import { sessionMaps } from '$lib/board/doc';
import { actor } from '$lib/board/test-board';
import type { Activity } from '$lib/board/types';
import type { AgendaItem } from '$lib/session/types';
import { activitiesFromAgenda } from '$lib/ui/run/publish';

export function runAgenda(agenda: AgendaItem[]): Activity[] {
	const doc = new Y.Doc();
	publishActivities(doc, actor('facilitator', 'facilitator'), activitiesFromAgenda(agenda));
	return readActivities(sessionMaps(doc));
}
