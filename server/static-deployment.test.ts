/**
 * A static deployment of the app names its signaling service at build time
 * (`KOHTAAMO_SIGNALING_URL`, further ones in `KOHTAAMO_SIGNALING_ORIGINS`): the CSP then allows
 * those services and the app's own origin only, and a value that is not a WebSocket URL stops the
 * build with a clear message.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const original = { url: process.env.KOHTAAMO_SIGNALING_URL, origins: process.env.KOHTAAMO_SIGNALING_ORIGINS };
const setEnv = (name: string, value: string | undefined) => {
	if (value === undefined) delete process.env[name];
	else process.env[name] = value;
};
afterEach(() => {
	setEnv('KOHTAAMO_SIGNALING_URL', original.url);
	setEnv('KOHTAAMO_SIGNALING_ORIGINS', original.origins);
});

async function connectSrc(url: string | undefined, origins?: string): Promise<unknown> {
	setEnv('KOHTAAMO_SIGNALING_URL', url);
	setEnv('KOHTAAMO_SIGNALING_ORIGINS', origins);
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

	it('allows only the app’s own origin without one (the workshop server, whose signaling is its own)', async () => {
		expect(await connectSrc(undefined)).toEqual(['self', 'data:', 'blob:']);
	});

	it('lists further services named in KOHTAAMO_SIGNALING_ORIGINS, each origin once', async () => {
		expect(
			await connectSrc(
				'wss://signal.museo.example/signal',
				'wss://signal.museo.example, wss://varalla.example:8443/signal  ws://10.0.0.5:8080'
			)
		).toEqual([
			'self',
			'wss://signal.museo.example',
			'wss://varalla.example:8443',
			'ws://10.0.0.5:8080',
			'data:',
			'blob:'
		]);
		await expect(connectSrc(undefined, 'https://x.example')).rejects.toThrow(
			'KOHTAAMO_SIGNALING_ORIGINS: "https://x.example" is not a ws:// or wss:// URL'
		);
	});

	it('refuses a value that is not a ws:// or wss:// URL', async () => {
		await expect(connectSrc('https://signal.museo.example/signal')).rejects.toThrow(
			'KOHTAAMO_SIGNALING_URL: "https://signal.museo.example/signal" is not a ws:// or wss:// URL'
		);
	});
});
