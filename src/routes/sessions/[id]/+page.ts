import { SessionPlanner } from '$lib/ui/plan/session-plan.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => ({ planner: await SessionPlanner.load(params.id) });
