import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '$lib/storage/db';
import { writeSetting } from '$lib/storage/settings';
import { signalingSettings } from '$lib/ui/session/signaling-url';
import { applyDeviceSettings, deviceSettingsApplied } from './device-settings';

// The page's address, which decides the default signaling server and which stored ones are usable.
const globals = globalThis as { window?: unknown };
beforeAll(() => {
	globals.window = { location: new URL('http://workshop.test/join') };
});
afterAll(() => {
	delete globals.window;
});
afterEach(async () => {
	await db().settings.clear();
});

const STUN = [{ urls: 'stun:stun.example.org:3478' }];

describe('the network settings of this device', () => {
	it('are read from storage when first needed, once', async () => {
		await writeSetting('signalingUrl', 'ws://workshop.test/signal-b');
		await writeSetting('iceServers', STUN);
		const first = deviceSettingsApplied();
		expect(deviceSettingsApplied()).toBe(first);
		await first;
		expect(signalingSettings()).toEqual({ url: 'ws://workshop.test/signal-b', iceServers: STUN });
	});

	it('follow a change saved later, even while an earlier reading is under way', async () => {
		await writeSetting('signalingUrl', 'ws://workshop.test/signal-b');
		const earlier = applyDeviceSettings();
		await writeSetting('signalingUrl', '');
		await writeSetting('iceServers', []);
		await applyDeviceSettings();
		await earlier;
		expect(signalingSettings()).toEqual({ url: 'ws://workshop.test/signal', iceServers: [] });
	});

	it('fall back to the page’s own server for an address this build does not allow', async () => {
		await writeSetting('signalingUrl', 'wss://elsewhere.example.org/signal');
		await applyDeviceSettings();
		expect(signalingSettings().url).toBe('ws://workshop.test/signal');
	});
});
