import { LiveSession } from '$lib/ui/session/live-session.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => ({ live: await LiveSession.open(params.id), id: params.id });
