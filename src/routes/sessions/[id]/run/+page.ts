import { listAgenda } from '$lib/storage/sessions';
import { readSetting } from '$lib/storage/settings';
import { methodLibrary } from '$lib/ui/methods/library.svelte';
import { LiveSession } from '$lib/ui/session/live-session.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => {
	const [live, agenda, sound] = await Promise.all([
		LiveSession.open(params.id),
		listAgenda(params.id),
		readSetting('timerSound'),
		methodLibrary.load()
	]);
	return { live, agenda, sound };
};
