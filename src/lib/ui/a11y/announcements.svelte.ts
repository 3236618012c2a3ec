/**
 * The app's one polite announcer. Its live region is in the root layout, so it exists before
 * anything is said (screen readers ignore regions that appear together with their text) and
 * survives moving between pages.
 */
import { i18n } from '$lib/ui/i18n.svelte';
import { Announcer } from './announcer.svelte';

export const announcer = new Announcer({
	newNotes: (zone, count) => i18n.t('announce.newNotes', { count, zone })
});
