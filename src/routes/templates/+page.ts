import { methodLibrary } from '$lib/ui/methods/library.svelte';
import { templateLibrary } from '$lib/ui/templates/template-library.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async () => {
	// The library names each method item; the templates page shows both.
	await Promise.all([templateLibrary.refresh(), methodLibrary.load()]);
	return {};
};
