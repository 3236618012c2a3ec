/**
 * Settings that act on the app as a whole, when first needed and when they change: the network
 * settings of static deployments (handed to the signaling client) and deleting everything the app
 * keeps.
 *
 * Storage is imported when called, not with this module: the network settings matter only to a
 * page that joins a room, and such a page opens the session from storage anyway; a page that
 * never connects (the join form) then shows without Dexie and yjs.
 */
import { setSignalingOverride, signalingUrlAllowedHere } from '$lib/ui/session/signaling-url';

let applied: Promise<void> | undefined;
/** Counts readings, so that a slow first reading never overrides a later one (a saved change). */
let readings = 0;

/** Applies the stored network settings once; every page awaits this before it joins a room. */
export function deviceSettingsApplied(): Promise<void> {
	applied ??= applyDeviceSettings();
	return applied;
}

/** Applies the stored network settings (again: the settings page calls this after a change).
 * A storage failure must not stop the app: it then uses the defaults. */
export async function applyDeviceSettings(): Promise<void> {
	const reading = ++readings;
	try {
		const { readSetting } = await import('$lib/storage/settings');
		const [url, iceServers] = await Promise.all([readSetting('signalingUrl'), readSetting('iceServers')]);
		if (reading !== readings) return;
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
	const { deleteDatabase } = await import('$lib/storage/device-data');
	await deleteDatabase();
	if ('caches' in globalThis) {
		for (const key of await caches.keys()) if (key.startsWith('kohtaamo-')) await caches.delete(key);
	}
	const registrations = await navigator.serviceWorker?.getRegistrations?.().catch(() => []);
	for (const registration of registrations ?? []) await registration.unregister();
}
