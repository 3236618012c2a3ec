/**
 * Where this device finds the signaling server: by default the `/signal` path of the origin the
 * app was loaded from (the workshop server serves both), so nothing outside the room's LAN is
 * needed. A static deployment names its service at build time (`KOHTAAMO_SIGNALING_URL`, see
 * README › Deployment), or a device sets another URL and ICE servers in the settings.
 */
import { base } from '$app/paths';
import { signalingUrlAllowed } from '$lib/session/signaling-origins';

export interface SignalingSettings {
	url: string;
	iceServers: RTCIceServer[];
}

let override: Partial<SignalingSettings> = {};

/** Set from the device's settings at start (see the settings page). */
export function setSignalingOverride(settings: Partial<SignalingSettings>): void {
	override = settings;
}

/** The build's signaling service (vite.config.ts), or '' for the app's own origin. */
const BUILT_SIGNALING_URL: string = import.meta.env.KOHTAAMO_SIGNALING_URL;

export function defaultSignalingUrl(location: Location = window.location): string {
	if (BUILT_SIGNALING_URL) return BUILT_SIGNALING_URL;
	const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
	return `${protocol}//${location.host}${base}/signal`;
}

export function signalingSettings(): SignalingSettings {
	return { url: override.url || defaultSignalingUrl(), iceServers: override.iceServers ?? [] };
}

/** The signaling origins the build's CSP allows besides the app's own (svelte.config.js). */
export const BUILT_SIGNALING_ORIGINS: readonly string[] = import.meta.env.KOHTAAMO_SIGNALING_ORIGINS ?? [];

/** Whether this page may connect to `url` (its own origin, or one the build names). */
export function signalingUrlAllowedHere(url: string, location: Location = window.location): boolean {
	return signalingUrlAllowed(url, location.host, BUILT_SIGNALING_ORIGINS);
}

/** The servers this page may use, for the settings' message: its own origin first. */
export function allowedSignalingOrigins(location: Location = window.location): string[] {
	const own = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}`;
	return [own, ...BUILT_SIGNALING_ORIGINS.filter((origin) => origin !== own)];
}
