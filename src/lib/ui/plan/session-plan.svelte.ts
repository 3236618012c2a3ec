/**
 * A session's plan being edited: details and agenda, mirrored in Svelte state and written to the
 * device at every change, so that closing the tab at any moment loses nothing.
 */
import { inEveryLanguage } from '$lib/i18n/translate';
import type { Method } from '$lib/methods/types';
import {
	agendaItemFromMethod,
	freeBoard,
	moveInList,
	schedule,
	type NewAgendaItem,
	type Schedule
} from '$lib/session/plan';
import type { AgendaItem, SessionPlan, SessionSummary } from '$lib/session/types';
import {
	appendAgendaItem,
	getSession,
	listAgenda,
	removeAgendaItem,
	reorderAgenda,
	updateAgendaItem,
	updateSessionPlan
} from '$lib/storage/sessions';

export class SessionPlanner {
	#session: SessionSummary;
	#agenda: AgendaItem[];
	/** Writes in flight: every change is saved in order, and the page can wait for them. */
	#pending: Promise<unknown> = Promise.resolve();

	private constructor(session: SessionSummary, agenda: AgendaItem[]) {
		this.#session = $state.raw(session);
		this.#agenda = $state.raw(agenda);
	}

	static async load(id: string): Promise<SessionPlanner | null> {
		const session = await getSession(id);
		if (!session) return null;
		return new SessionPlanner(session, await listAgenda(id));
	}

	get session(): SessionSummary {
		return this.#session;
	}
	get agenda(): AgendaItem[] {
		return this.#agenda;
	}
	get schedule(): Schedule {
		return schedule(this.#agenda, this.#session.startTime, this.#session.availableMinutes);
	}

	/** Resolves when everything changed so far is on the device. */
	saved(): Promise<unknown> {
		return this.#pending;
	}

	#write(task: () => Promise<unknown>) {
		this.#pending = this.#pending.then(task, task);
		return this.#pending;
	}

	update(change: Partial<SessionPlan>): void {
		this.#session = { ...this.#session, ...change, updatedAt: Date.now() };
		void this.#write(() => updateSessionPlan(this.#session.id, change));
	}

	async addMethod(method: Method): Promise<AgendaItem> {
		return this.#add(agendaItemFromMethod(method, this.#session.language));
	}

	async addBlank(kind: 'blank' | 'break'): Promise<AgendaItem> {
		const title = inEveryLanguage(kind === 'break' ? 'plan.breakTitle' : 'plan.blankTitle')[this.#session.language];
		const minutes = kind === 'break' ? 15 : 20;
		return this.#add({ kind, title, minutes, prompt: '', board: freeBoard(minutes) });
	}

	async #add(item: NewAgendaItem): Promise<AgendaItem> {
		const added = (await this.#write(() => appendAgendaItem(this.#session.id, item))) as AgendaItem;
		this.#agenda = [...this.#agenda, added];
		return added;
	}

	updateItem(id: string, change: Partial<Pick<AgendaItem, 'title' | 'minutes' | 'prompt' | 'source'>>): void {
		this.#agenda = this.#agenda.map((item) => (item.id === id ? { ...item, ...change } : item));
		void this.#write(() => updateAgendaItem(id, change));
	}

	/** Moves an item to a new index; returns its new index. */
	move(id: string, to: number): number {
		const from = this.#agenda.findIndex((item) => item.id === id);
		const next = moveInList(this.#agenda, from, Math.max(0, Math.min(this.#agenda.length - 1, to)));
		if (next === this.#agenda) return from;
		this.#agenda = next.map((item, i) => ({ ...item, position: i + 1 }));
		const ids = this.#agenda.map((item) => item.id);
		void this.#write(() => reorderAgenda(this.#session.id, ids));
		return this.#agenda.findIndex((item) => item.id === id);
	}

	remove(id: string): void {
		this.#agenda = this.#agenda.filter((item) => item.id !== id);
		void this.#write(() => removeAgendaItem(id));
	}
}
