import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { devSignaling } from './server/dev-signaling.ts';

export default defineConfig({
	plugins: [sveltekit(), devSignaling()],
	server: { host: true },
	build: { target: 'es2022' },
	test: {
		include: ['src/**/*.test.ts', 'server/**/*.test.ts'],
		environment: 'node',
		setupFiles: ['fake-indexeddb/auto'],
		testTimeout: 20_000
	}
});
