/**
 * Starts the real workshop server (server/app.ts) for sync tests, on a free port or a given one.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkshopServer, type WorkshopServer } from '../../../../server/app.ts';
import { createLogger, type Logger } from '../../../../server/log.ts';

export interface RunningServer {
	server: WorkshopServer;
	log: Logger;
	port: number;
	url: string;
}

const root = mkdtempSync(join(tmpdir(), 'kohtaamo-sync-test-'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>test</title>');

export async function startServer(port = 0): Promise<RunningServer> {
	const log = createLogger({ write: () => {} });
	const server = createWorkshopServer({ root, log });
	const address = await server.listen(port, '127.0.0.1');
	return { server, log, port: address.port, url: `ws://127.0.0.1:${address.port}/signal` };
}
