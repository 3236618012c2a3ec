import { methodLibrary } from '$lib/ui/methods/library.svelte';
import type { PageLoad } from './$types';

// The library is loaded so that a new method's id can be checked against every existing one.
export const load: PageLoad = async () => {
	await methodLibrary.load();
	return {};
};
