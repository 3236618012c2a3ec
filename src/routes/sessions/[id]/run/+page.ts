import { readSetting } from '$lib/storage/settings';
import { methodLibrary } from '$lib/ui/methods/library.svelte';
import type { PageLoad } from './$types';

// Plain data only: `load` also runs when a link to this page is hovered. The page opens the live
// session itself when it mounts (`PageSession`). The method library (a large chunk, only needed
// for a method's steps, which appear once it is in) is not waited for, and is not even fetched and
// parsed until the browser is idle: parsing its 0.7 MB at the same time as the run view's first
// paint held the board up on a tablet-class CPU.
export const load: PageLoad = async ({ params }) => {
	if (typeof requestIdleCallback === 'function')
		requestIdleCallback(() => void methodLibrary.load(), { timeout: 2000 });
	else void methodLibrary.load();
	return { id: params.id, sound: await readSetting('timerSound') };
};
