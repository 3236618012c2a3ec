/** Turns the facilitator's agenda into the activities every device follows. */
import type { ActivityInput } from '$lib/board/facilitation';
import { freeBoard } from '$lib/session/plan';
import type { AgendaItem } from '$lib/session/types';

export function activitiesFromAgenda(agenda: AgendaItem[]): ActivityInput[] {
	return agenda.map((item) => {
		// `continuesPrevious` is a planning default, not a board field: older apps would refuse it.
		const { continuesPrevious: _planning, ...board } = item.board ?? freeBoard(item.minutes);
		void _planning;
		const activity: ActivityInput = {
			id: item.id,
			kind: item.kind,
			title: item.title.trim() || '—',
			prompt: item.prompt,
			methodId: item.methodId,
			minutes: item.minutes,
			board
		};
		if (item.source) activity.source = item.source;
		return activity;
	});
}
