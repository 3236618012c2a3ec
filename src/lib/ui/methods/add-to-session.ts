/**
 * "Add to a workshop" from a method's page: appends the method to one of this device's workshops,
 * or to a new one. The item is built by `agendaItemFromMethod`, as in the planner, so a method
 * added here runs with its own board — private writing, dots and all.
 */
import type { Method } from '$lib/methods/types';
import { agendaItemFromMethod } from '$lib/session/plan';
import type { AgendaItem, SessionPlan, SessionSummary } from '$lib/session/types';
import { appendAgendaItem, createSession } from '$lib/storage/sessions';

export async function addMethodToWorkshop(
	method: Method,
	target: SessionSummary | SessionPlan
): Promise<{ session: SessionSummary; item: AgendaItem }> {
	const session = 'id' in target ? target : await createSession(target);
	const item = await appendAgendaItem(session.id, agendaItemFromMethod(method, session.language));
	return { session, item };
}
