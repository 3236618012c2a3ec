import { listAgenda } from '$lib/storage/sessions';
import { readSetting } from '$lib/storage/settings';
import { methodLibrary } from '$lib/ui/methods/library.svelte';
import type { PageLoad } from './$types';

// Plain data only: `load` also runs when a link to this page is hovered. The page opens the live
// session itself when it mounts (`PageSession`).
export const load: PageLoad = async ({ params }) => {
	const [agenda, sound] = await Promise.all([listAgenda(params.id), readSetting('timerSound'), methodLibrary.load()]);
	return { id: params.id, agenda, sound };
};
