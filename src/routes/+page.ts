import { listSessions } from '$lib/storage/sessions';
import { methodLibrary } from '$lib/ui/methods/library.svelte';
import { templateLibrary } from '$lib/ui/templates/template-library.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async () => {
	const sessions = await listSessions();
	// A first visit shows the ready-made templates, one click from a whole agenda; a device with
	// workshops links to them instead of loading them.
	if (sessions.length > 0) return { sessions, templates: [] };
	await Promise.all([templateLibrary.load(), methodLibrary.load()]);
	return { sessions, templates: templateLibrary.entries.filter((entry) => !entry.own) };
};
