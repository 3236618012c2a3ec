import { methodLibrary } from '$lib/ui/methods/library.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async () => {
	await methodLibrary.load();
	return {};
};
