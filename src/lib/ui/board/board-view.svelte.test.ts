import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setLocked, setPhase } from '$lib/board/facilitation';
import { activity, actor, COLUMNS_BOARD, createTestBoard, PRIVATE_BOARD } from '$lib/board/test-board';
import { OwnNotes } from '$lib/ui/session/own-notes.svelte';
import { SessionCommands } from '$lib/ui/session/session-commands';
import { SessionHistory } from '$lib/ui/session/session-history.svelte';
import { SessionView } from '$lib/ui/session/session-view.svelte';
import { i18n } from '$lib/ui/i18n.svelte';
import { BoardView, type BoardSession } from './board-view.svelte';

// The interface loads one language's messages on demand (the root layout awaits it in the app).
beforeAll(() => i18n.choose('en'));

/** One device on a shared document: its commands and the session a board view reads. */
function device(doc: Y.Doc, who: ReturnType<typeof actor>) {
	const own = new OwnNotes([], async () => {});
	const view = new SessionView(doc);
	const commands = new SessionCommands({
		doc,
		actor: { ...who, owns: (id) => own.has(id) },
		view,
		own,
		history: new SessionHistory(doc, who),
		anonymous: () => false,
		facilitatorNow: () => Date.now()
	});
	const session: BoardSession = {
		view,
		isFacilitator: who.role === 'facilitator',
		owns: (id) => own.has(id),
		myDots: commands.myDots
	};
	return { commands, session };
}

function add(
	commands: SessionCommands,
	text: string,
	zone: string | null = 'hopes',
	position?: { x: number; y: number }
) {
	const result = commands.addNote({ activityId: 'a1', text, color: 'yellow', zone, position });
	if (!result.ok) throw new Error(result.reason);
	return result.value;
}

describe('BoardView', () => {
	it('hides others’ private notes until they are revealed, and counts them', () => {
		const { doc, facilitator } = createTestBoard([activity('a1', PRIVATE_BOARD)]);
		const aino = device(doc, actor('aino', 'participant', 'Aino'));
		const bo = device(doc, actor('bo', 'participant', 'Bo'));
		const mine = add(aino.commands, 'Oma ajatus');
		add(bo.commands, 'Bos tanke');
		const board = new BoardView(() => ({ session: aino.session, activityId: 'a1' }));
		expect(board.notes.map((n) => n.id)).toEqual([mine]);
		expect(board.hiddenCount).toBe(1);
		setPhase(doc, facilitator, 'a1', 'reveal');
		expect(board.notes).toHaveLength(2);
		expect(board.hiddenCount).toBe(0);
	});

	it('lets a participant edit only their own notes, and nothing under the lock', () => {
		const { doc, facilitator } = createTestBoard([activity('a1', COLUMNS_BOARD)]);
		const aino = device(doc, actor('aino', 'participant', 'Aino'));
		const f = device(doc, facilitator);
		const mine = add(aino.commands, 'Oma');
		const theirs = add(f.commands, 'Fasilitaattorin');
		const board = new BoardView(() => ({ session: aino.session, activityId: 'a1' }));
		const facilitatorBoard = new BoardView(() => ({ session: f.session, activityId: 'a1' }));
		const byId = (id: string) => board.note(id)!;
		expect([board.canEdit(byId(mine)), board.canEdit(byId(theirs))]).toEqual([true, false]);
		expect(facilitatorBoard.canEdit(byId(mine))).toBe(true);
		setLocked(doc, facilitator, true);
		expect(board.readOnly).toBe(true);
		expect(board.canEdit(byId(mine))).toBe(false);
		expect(facilitatorBoard.readOnly).toBe(false);
	});

	it('counts dots left while voting, and shows totals only once results are shown', () => {
		const { doc, facilitator } = createTestBoard([activity('a1', COLUMNS_BOARD)]);
		const f = device(doc, facilitator);
		const aino = device(doc, actor('aino', 'participant', 'Aino'));
		const id = add(f.commands, 'Äänestettävä');
		const board = new BoardView(() => ({ session: aino.session, activityId: 'a1' }));
		expect(board.voting).toBe(false);
		setPhase(doc, facilitator, 'a1', 'vote');
		expect(board.voting).toBe(true);
		expect(board.dotsLeft).toBe(3);
		aino.commands.castVote(id);
		aino.commands.castVote(id);
		expect(board.dotsLeft).toBe(1);
		expect(board.myDotsOn(id)).toBe(2);
		expect(board.totals).toBeNull();
		expect(board.footer(board.note(id)!)).toBe('Fasilitaattori · ●●');
		setPhase(doc, facilitator, 'a1', 'results');
		expect(board.totals?.get(id)).toBe(2);
		expect(board.describe(board.note(id)!)).toBe('Zone: Hopes. By Fasilitaattori. 2 dots');
	});

	it('names zones and reads notes zone by zone, top to bottom, left to right', () => {
		const { doc, facilitator } = createTestBoard([activity('a1', COLUMNS_BOARD)]);
		const f = device(doc, facilitator);
		const board = new BoardView(() => ({ session: f.session, activityId: 'a1' }));
		const slot = (zone: string, dx: number, dy: number) => {
			const { slots } = board.geometry.zones.find((z) => z.id === zone)!;
			return { x: slots.x + dx, y: slots.y + dy };
		};
		const concern = add(f.commands, 'Huoli', 'concerns', slot('concerns', 0, 0));
		const low = add(f.commands, 'Alempi toive', 'hopes', slot('hopes', 0, 200));
		const right = add(f.commands, 'Oikea toive', 'hopes', slot('hopes', 40, 0));
		const left = add(f.commands, 'Vasen toive', 'hopes', slot('hopes', 0, 0));
		expect(board.zoneOptions).toEqual([
			{ id: 'hopes', label: 'Hopes' },
			{ id: 'concerns', label: 'Concerns' }
		]);
		expect(board.listZones.at(-1)).toEqual({ id: null, label: 'Free area' });
		expect(board.ordered.map((n) => n.id)).toEqual([left, right, low, concern]);
		expect(board.zoneLabel('nowhere')).toBe('Free area');
	});

	it('follows a change of activity', () => {
		const { doc, facilitator } = createTestBoard([activity('a1', COLUMNS_BOARD), activity('a2', PRIVATE_BOARD)]);
		const f = device(doc, facilitator);
		add(f.commands, 'Ensimmäisessä');
		let activityId = $state('a1');
		const board = new BoardView(() => ({ session: f.session, activityId }));
		expect(board.notes).toHaveLength(1);
		activityId = 'a2';
		expect(board.activity?.id).toBe('a2');
		expect(board.notes).toEqual([]);
	});
});
