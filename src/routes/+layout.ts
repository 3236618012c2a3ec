import { i18n } from '$lib/ui/i18n.svelte';
import { applyDeviceSettings } from '$lib/ui/settings/device-settings';
import type { LayoutLoad } from './$types';

// A single-page app: everything renders in the browser from local data.
export const ssr = false;
export const prerender = false;
export const trailingSlash = 'never';

export const load: LayoutLoad = async () => {
	await Promise.all([i18n.init(), applyDeviceSettings()]);
	return {};
};
