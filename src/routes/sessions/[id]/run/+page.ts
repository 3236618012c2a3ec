import { readSetting } from '$lib/storage/settings';
import { methodLibrary } from '$lib/ui/methods/library.svelte';
import { LiveSession } from '$lib/ui/session/live-session.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => {
	const [live, sound] = await Promise.all([
		LiveSession.open(params.id),
		readSetting('timerSound'),
		methodLibrary.load()
	]);
	return { live, sound };
};
