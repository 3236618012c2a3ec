import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
// The build loads this file more than once; every load must agree on the version, or the fallback
// page and the scripts disagree on the name of their shared global.
process.env.KOHTAAMO_BUILD_ID ??= Date.now().toString(36);

/**
 * `KOHTAAMO_SIGNALING_URL=wss://signal.example.fi/signal npm run build`: a static deployment whose
 * devices use that signaling service (vite.config.ts gives it to the app). The CSP then allows
 * connections to that service and the app's own origin only, instead of any ws:/wss: address.
 */
const signalingOrigin = (() => {
	const text = process.env.KOHTAAMO_SIGNALING_URL;
	if (!text) return undefined;
	const url = URL.canParse(text) ? new URL(text) : undefined;
	if (!url || !['ws:', 'wss:'].includes(url.protocol) || url.hash) {
		throw new Error(`KOHTAAMO_SIGNALING_URL: "${text}" is not a ws:// or wss:// URL`);
	}
	return /** @type {`${string}://${string}.${string}`} */ (`${url.protocol}//${url.host}`);
})();

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
				// Signaling may be configured to another server for static deployments: fixed at build
				// time (only that service), or in the settings (any, as without a build-time service).
				'connect-src': signalingOrigin
					? ['self', signalingOrigin, 'data:', 'blob:']
					: ['self', 'ws:', 'wss:', 'data:', 'blob:'],
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
