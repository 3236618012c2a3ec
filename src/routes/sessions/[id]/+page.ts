import { methodLibrary } from '$lib/ui/methods/library.svelte';
import { SessionPlanner } from '$lib/ui/plan/session-plan.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => {
	// The library names the agenda's methods (their links show names, not ids).
	const [planner] = await Promise.all([SessionPlanner.load(params.id), methodLibrary.load()]);
	return { planner };
};
