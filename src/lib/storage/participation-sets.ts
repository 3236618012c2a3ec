/**
 * Saved sets of participation questions: a museum that asks the same questions in every workshop
 * of a series (age group and first visit, say, or a funder's own categories) saves them once on
 * this device and picks them for each new session. A set holds only the questions — never an
 * answer.
 *
 * The questions are stored in the join link's encoding and read back through `readParticipation`,
 * so a set passes the same checks a join link does: a hand-edited or older entry that no longer
 * parses is left out instead of breaking the planner.
 */
import { randomToken } from '../session/ids';
import { planProblem, readParticipation, writeParticipation, type ParticipationPlan } from '../session/participation';
import { MAX_PARTICIPATION_SETS, MAX_SET_NAME_LENGTH, readSetting, writeSetting } from './settings';

export interface ParticipationSet {
	id: string;
	name: string;
	plan: ParticipationPlan;
}

export type SaveSetProblem = 'noName' | 'noQuestions' | 'invalid' | 'tooMany';

function decode(questions: string): ParticipationPlan | null {
	const plan = readParticipation(new URLSearchParams(questions));
	return plan && plan.questions.length > 0 ? plan : null;
}

/** The saved sets, by name. */
export async function listParticipationSets(): Promise<ParticipationSet[]> {
	const stored = await readSetting('participationSets');
	return stored
		.flatMap(({ id, name, questions }) => {
			const plan = decode(questions);
			return plan ? [{ id, name, plan }] : [];
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Saves the questions under a name; a set of the same name is replaced (saving again after an
 * edit is how a set is updated). Nothing is written when there is a problem.
 */
export async function saveParticipationSet(
	name: string,
	plan: ParticipationPlan
): Promise<{ ok: true; set: ParticipationSet } | { ok: false; problem: SaveSetProblem }> {
	const trimmed = name.trim().slice(0, MAX_SET_NAME_LENGTH);
	if (!trimmed) return { ok: false, problem: 'noName' };
	if (plan.questions.length === 0) return { ok: false, problem: 'noQuestions' };
	if (planProblem(plan)) return { ok: false, problem: 'invalid' };
	const params = new URLSearchParams();
	writeParticipation(params, plan);
	const questions = params.toString();
	const read = decode(questions);
	if (!read) return { ok: false, problem: 'invalid' };
	const stored = await readSetting('participationSets');
	const same = stored.find((s) => s.name.toLocaleLowerCase() === trimmed.toLocaleLowerCase());
	if (!same && stored.length >= MAX_PARTICIPATION_SETS) return { ok: false, problem: 'tooMany' };
	const id = same?.id ?? randomToken(9);
	const entry = { id, name: trimmed, questions };
	await writeSetting('participationSets', same ? stored.map((s) => (s.id === id ? entry : s)) : [...stored, entry]);
	return { ok: true, set: { id, name: trimmed, plan: read } };
}

export async function deleteParticipationSet(id: string): Promise<void> {
	const stored = await readSetting('participationSets');
	await writeSetting(
		'participationSets',
		stored.filter((s) => s.id !== id)
	);
}
