import { test as base } from '@playwright/test';
import { startServer, type RunningServer } from './server.ts';

/** `server`: one real workshop server per worker, shared by the tests that do not stop it. */
export const test = base.extend<object, { server: RunningServer }>({
	server: [
		async ({}, use) => {
			const server = await startServer();
			await use(server);
			await server.stop();
		},
		{ scope: 'worker' }
	],
	baseURL: async ({ server }, use) => use(server.url)
});

export { expect } from '@playwright/test';
