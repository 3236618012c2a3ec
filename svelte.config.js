import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
// The build loads this file more than once; every load must agree on the version, or the fallback
// page and the scripts disagree on the name of their shared global.
process.env.KOHTAAMO_BUILD_ID ??= Date.now().toString(36);

/** The origin (`wss://host:port`) of a ws:// or wss:// URL; `what` names the setting in the error. */
function wsOrigin(/** @type {string} */ text, /** @type {string} */ what) {
	const url = URL.canParse(text) ? new URL(text) : undefined;
	if (!url || !['ws:', 'wss:'].includes(url.protocol) || url.hash || url.username || url.password) {
		throw new Error(`${what}: "${text}" is not a ws:// or wss:// URL`);
	}
	return /** @type {`${string}://${string}.${string}`} */ (`${url.protocol}//${url.host}`);
}

/**
 * The signaling origins this deployment's devices may connect to besides the app's own origin,
 * fixed at build time and listed in the CSP (nothing else is reachable):
 * - `KOHTAAMO_SIGNALING_URL=wss://signal.example.fi/signal`: the service devices use by default
 *   (vite.config.ts gives it to the app);
 * - `KOHTAAMO_SIGNALING_ORIGINS="wss://a.example.fi wss://b.example.fi"` (spaces or commas): further
 *   services a facilitator may type in the settings (a fallback service, a city's own).
 * Without either, a device connects to the origin it was loaded from only (the workshop server).
 * A value that is not a WebSocket URL stops the build with a message naming the setting.
 */
export function signalingOrigins(env = process.env) {
	/** @type {`${string}://${string}.${string}`[]} */
	const origins = [];
	const add = (/** @type {`${string}://${string}.${string}`} */ origin) => {
		if (!origins.includes(origin)) origins.push(origin);
	};
	if (env.KOHTAAMO_SIGNALING_URL) add(wsOrigin(env.KOHTAAMO_SIGNALING_URL, 'KOHTAAMO_SIGNALING_URL'));
	for (const text of (env.KOHTAAMO_SIGNALING_ORIGINS ?? '').split(/[\s,]+/).filter(Boolean))
		add(wsOrigin(text, 'KOHTAAMO_SIGNALING_ORIGINS'));
	return origins;
}

const base = /** @type {'' | `/${string}`} */ (process.env.KOHTAAMO_BASE_PATH ?? '');

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A single-page app: every route renders in the browser from one fallback page, which the
		// workshop server (or any static host) answers for unknown paths and the service worker keeps.
		adapter: adapter({ fallback: 'index.html', strict: true }),
		paths: { base },
		// Registered by workbox-window in src/lib/pwa so that we can offer "new version — reload".
		serviceWorker: { register: false },
		version: { name: `${version}+${process.env.KOHTAAMO_BUILD_ID}` },
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Svelte sets style attributes for positions and colours on the board.
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self', 'data:'],
				// The app's own origin (its signaling too: 'self' covers ws: and wss: there) and the
				// signaling services this deployment names at build time, nothing else (see above).
				'connect-src': ['self', ...signalingOrigins(), 'data:', 'blob:'],
				'worker-src': ['self', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		},
		alias: {
			$workshops: 'workshops'
		}
	}
};

export default config;
