import { i18n } from '$lib/ui/i18n.svelte';
import type { LayoutLoad } from './$types';

// A single-page app: everything renders in the browser from local data.
export const ssr = false;
export const prerender = false;
export const trailingSlash = 'never';

// Only the language is awaited, from a synchronous copy (see i18n.svelte.ts): storage, with Dexie
// and yjs, loads when a page needs it — the network settings before a page joins a room
// (device-settings.ts) — so that no route's first paint waits for it.
export const load: LayoutLoad = async () => {
	await i18n.init();
	return {};
};
