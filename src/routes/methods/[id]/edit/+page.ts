import { methodLibrary } from '$lib/ui/methods/library.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => {
	await methodLibrary.load();
	return { id: params.id };
};
