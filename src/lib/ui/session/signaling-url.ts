/**
 * Where this device finds the signaling server: by default the `/signal` path of the origin the
 * app was loaded from (the workshop server serves both), so nothing outside the room's LAN is
 * needed. A static deployment sets another URL and ICE servers in the settings.
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

export function defaultSignalingUrl(location: Location = window.location): string {
	const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
	return `${protocol}//${location.host}${base}/signal`;
}

export function signalingSettings(): SignalingSettings {
	return { url: override.url || defaultSignalingUrl(), iceServers: override.iceServers ?? [] };
}
