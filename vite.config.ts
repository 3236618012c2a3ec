import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { devSignaling } from './server/dev-signaling.ts';
import { messageCatalogues } from './src/lib/i18n/messages-plugin.node.ts';
import { methodLibrary } from './src/lib/methods/library-plugin.node.ts';
import { participantFiles } from './src/lib/pwa/participant-files.node.ts';
import svelteConfig from './svelte.config.js';

export default defineConfig({
	plugins: [
		methodLibrary(),
		messageCatalogues(),
		sveltekit(),
		devSignaling(),
		// What a participant's phone keeps offline: see src/lib/pwa/participant-files.node.ts.
		participantFiles({ version: svelteConfig.kit?.version?.name ?? '' })
	],
	server: { host: true },
	build: {
		target: 'es2022',
		// The method library (about 540 kB of text in three languages) is one lazily loaded chunk.
		chunkSizeWarningLimit: 700
	},
	test: {
		include: ['src/**/*.test.ts', 'server/**/*.test.ts'],
		environment: 'node',
		setupFiles: ['fake-indexeddb/auto'],
		testTimeout: 20_000
	}
});
