/**
 * Where this device finds the signaling server: by default the `/signal` path of the origin the
 * app was loaded from (the workshop server serves both), so nothing outside the room's LAN is
 * needed. A static deployment names its service at build time (`KOHTAAMO_SIGNALING_URL`, see
 * README › Deployment), or a device sets another URL and ICE servers in the settings.
 */
import { base } from '$app/paths';

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
