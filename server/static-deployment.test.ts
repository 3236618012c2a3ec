/**
 * A static deployment of the app names its signaling service at build time
 * (`KOHTAAMO_SIGNALING_URL`): the CSP then allows that service and the app's own origin only, and
 * a value that is not a WebSocket URL stops the build with a clear message.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const original = process.env.KOHTAAMO_SIGNALING_URL;
afterEach(() => {
	if (original === undefined) delete process.env.KOHTAAMO_SIGNALING_URL;
	else process.env.KOHTAAMO_SIGNALING_URL = original;
});

async function connectSrc(url: string | undefined): Promise<unknown> {
	if (url === undefined) delete process.env.KOHTAAMO_SIGNALING_URL;
	else process.env.KOHTAAMO_SIGNALING_URL = url;
	vi.resetModules();
	const { default: config } = await import('../svelte.config.js');
	return config.kit?.csp?.directives?.['connect-src'];
}

describe('the build-time signaling service', () => {
	it('is the only WebSocket address the CSP allows besides the app itself', async () => {
		expect(await connectSrc('wss://signal.museo.example/signal')).toEqual([
			'self',
			'wss://signal.museo.example',
			'data:',
			'blob:'
		]);
	});

	it('leaves any ws:/wss: address open without it, for a service set in the settings', async () => {
		expect(await connectSrc(undefined)).toEqual(['self', 'ws:', 'wss:', 'data:', 'blob:']);
	});

	it('refuses a value that is not a ws:// or wss:// URL', async () => {
		await expect(connectSrc('https://signal.museo.example/signal')).rejects.toThrow(
			'KOHTAAMO_SIGNALING_URL: "https://signal.museo.example/signal" is not a ws:// or wss:// URL'
		);
	});
});
