/**
 * `npm run dev` gets the same signaling as the workshop server, on the same `/signal` path of
 * Vite's own dev server, so that two browser windows can sync during development.
 */
import type { Plugin } from 'vite';
import { SIGNAL_PATH } from './app.ts';
import { DEFAULT_LIMITS } from './limits.ts';
import { createLogger } from './log.ts';
import { createSignaling } from './signaling.ts';

export function devSignaling(): Plugin {
	return {
		name: 'kohtaamo-dev-signaling',
		configureServer(server) {
			const signaling = createSignaling({ path: SIGNAL_PATH, limits: DEFAULT_LIMITS, log: createLogger() });
			server.httpServer?.on('upgrade', (req, socket, head) => {
				// Vite's own HMR socket shares this server; anything not on our path is left to it.
				signaling.handleUpgrade(req, socket, head);
			});
			server.httpServer?.on('close', () => void signaling.close());
		}
	};
}
