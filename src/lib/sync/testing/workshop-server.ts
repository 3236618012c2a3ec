/**
 * Starts the real workshop server (server/app.ts) for sync tests, on a free port or a given one.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkshopServer, type WorkshopServer, type WorkshopServerOptions } from '../../../../server/app.ts';
import { createLogger, type Logger } from '../../../../server/log.ts';

export interface RunningServer {
	server: WorkshopServer;
	log: Logger;
	port: number;
	url: string;
}

const root = mkdtempSync(join(tmpdir(), 'kohtaamo-sync-test-'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>test</title>');

/** `options.redisUrl` makes it one of several instances sharing rooms (server/room-bus.ts). */
export async function startServer(
	port = 0,
	options: Pick<WorkshopServerOptions, 'redisUrl' | 'limits'> = {}
): Promise<RunningServer> {
	const log = createLogger({ write: () => {} });
	const server = createWorkshopServer({ root, log, ...options });
	const address = await server.listen(port, '127.0.0.1');
	return { server, log, port: address.port, url: `ws://127.0.0.1:${address.port}/signal` };
}
