import { getSession, listAgenda } from '$lib/storage/sessions';
import { methodLibrary } from '$lib/ui/methods/library.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => {
	const [session, agenda] = await Promise.all([getSession(params.id), listAgenda(params.id), methodLibrary.load()]);
	return { session, agenda };
};
