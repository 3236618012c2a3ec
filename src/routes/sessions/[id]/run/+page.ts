import { readSetting } from '$lib/storage/settings';
import { methodLibrary } from '$lib/ui/methods/library.svelte';
import type { PageLoad } from './$types';

// Plain data only: `load` also runs when a link to this page is hovered. The page opens the live
// session itself when it mounts (`PageSession`). The method library (a large chunk, only needed
// for a method's steps, which appear once it is in) loads alongside instead of holding the page up.
export const load: PageLoad = async ({ params }) => {
	void methodLibrary.load();
	return { id: params.id, sound: await readSetting('timerSound') };
};
