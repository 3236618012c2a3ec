/**
 * Settings that act on the app as a whole, at start and when they change: the network settings of
 * static deployments (handed to the signaling client) and deleting everything the app keeps.
 */
import { deleteDatabase } from '$lib/storage/device-data';
import { readSetting } from '$lib/storage/settings';
import { setSignalingOverride, signalingUrlAllowedHere } from '$lib/ui/session/signaling-url';

/** Applies the stored network settings; the root layout awaits this before any page connects.
 * A storage failure must not stop the app: it then uses the defaults. */
export async function applyDeviceSettings(): Promise<void> {
	try {
		const [url, iceServers] = await Promise.all([readSetting('signalingUrl'), readSetting('iceServers')]);
		// A stored address this build no longer allows (saved under another build) would only be blocked
		// by the CSP: the default is used instead, and the settings page says why.
		const usable = url && signalingUrlAllowedHere(url) ? url : '';
		setSignalingOverride({ ...(usable ? { url: usable } : {}), ...(iceServers.length > 0 ? { iceServers } : {}) });
	} catch (error) {
		console.warn('device settings could not be read; using the defaults', error);
	}
}

/**
 * Deletes all Kohtaamo data on this device: the database, the caches the service worker filled
 * (app files only, but they are "created by the app" too), and the service worker itself, so that
 * the next load starts from nothing and installs afresh. The caller reloads the page.
 */
export async function deleteEverything(): Promise<void> {
	await deleteDatabase();
	if ('caches' in globalThis) {
		for (const key of await caches.keys()) if (key.startsWith('kohtaamo-')) await caches.delete(key);
	}
	const registrations = await navigator.serviceWorker?.getRegistrations?.().catch(() => []);
	for (const registration of registrations ?? []) await registration.unregister();
}
