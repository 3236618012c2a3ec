import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { devSignaling } from './server/dev-signaling.ts';
import { methodLibrary } from './src/lib/methods/library-plugin.node.ts';

export default defineConfig({
	plugins: [methodLibrary(), sveltekit(), devSignaling()],
	// A static deployment's signaling service, fixed at build time (svelte.config.js checks it and
	// lists it in the CSP); empty means the origin the app came from.
	define: {
		'import.meta.env.KOHTAAMO_SIGNALING_URL': JSON.stringify(process.env.KOHTAAMO_SIGNALING_URL ?? '')
	},
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
