/** Turns the facilitator's agenda into the activities every device follows. */
import type { ActivityInput } from '$lib/board/facilitation';
import { freeBoard } from '$lib/session/plan';
import type { AgendaItem } from '$lib/session/types';

export function activitiesFromAgenda(agenda: AgendaItem[]): ActivityInput[] {
	return agenda.map((item) => ({
		id: item.id,
		kind: item.kind,
		title: item.title.trim() || '—',
		prompt: item.prompt,
		methodId: item.methodId,
		minutes: item.minutes,
		board: item.board ?? freeBoard(item.minutes)
	}));
}
