import { sveltekit } from '@sveltejs/kit/vite';
import { configDefaults, defineConfig } from 'vitest/config';
import { devSignaling } from './server/dev-signaling.ts';
import { messageCatalogues } from './src/lib/i18n/messages-plugin.node.ts';
import { methodLibrary } from './src/lib/methods/library-plugin.node.ts';
import { participantFiles } from './src/lib/pwa/participant-files.node.ts';
import svelteConfig, { signalingOrigins } from './svelte.config.js';

export default defineConfig({
	plugins: [
		methodLibrary(),
		messageCatalogues(),
		sveltekit(),
		devSignaling(),
		// What a participant's phone keeps offline: see src/lib/pwa/participant-files.node.ts.
		participantFiles({ version: svelteConfig.kit?.version?.name ?? '' })
	],
	// A static deployment's signaling service, fixed at build time (svelte.config.js checks it and
	// lists it in the CSP); empty means the origin the app came from. The origins are every service
	// the CSP allows, so that the settings refuse the others with a message instead of a blocked socket.
	define: {
		'import.meta.env.KOHTAAMO_SIGNALING_URL': JSON.stringify(process.env.KOHTAAMO_SIGNALING_URL ?? ''),
		'import.meta.env.KOHTAAMO_SIGNALING_ORIGINS': JSON.stringify(signalingOrigins())
	},
	server: { host: true },
	build: {
		target: 'es2022',
		// The method library (about 540 kB of text in three languages) is one lazily loaded chunk.
		chunkSizeWarningLimit: 700
	},
	test: {
		setupFiles: ['fake-indexeddb/auto'],
		testTimeout: 20_000,
		projects: [
			{
				extends: true,
				test: {
					name: 'node',
					include: ['src/**/*.test.ts', 'server/**/*.test.ts'],
					exclude: [...configDefaults.exclude, 'src/**/*.svelte.test.ts'],
					environment: 'node'
				}
			},
			{
				// Tests of Svelte state classes with effects: compiled for the browser, run in Node
				// (see the environment's header).
				extends: true,
				// Svelte's own exports (flushSync…) in their browser build, as the compiled classes use.
				resolve: { conditions: ['browser'] },
				test: {
					name: 'svelte',
					server: { deps: { inline: ['svelte'] } },
					include: ['src/**/*.svelte.test.ts'],
					environment: './src/lib/ui/testing/svelte-client-environment.ts'
				}
			}
		]
	}
});
