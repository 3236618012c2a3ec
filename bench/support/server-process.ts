/**
 * The workshop server as the benchmarks run it when they need more than its default limits: the
 * same `createWorkshopServer` that `npm start` runs, serving the production build, in a process of
 * its own so that its CPU time and memory are its own. Started by bench-server.ts; limits come as
 * JSON in argv[3]; it answers `stats` requests over IPC and stops on `stop` or SIGTERM.
 */
import { resolve } from 'node:path';
import { createWorkshopServer } from '../../server/app.ts';
import { createLogger } from '../../server/log.ts';

const root = resolve(process.argv[2] ?? 'build');
const limits = JSON.parse(process.argv[3] ?? '{}') as Record<string, number>;
const log = createLogger({ write: () => {} });
const server = createWorkshopServer({ root, log, limits });
const address = await server.listen(0, '127.0.0.1');

const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
// The benchmark that started this server has gone (crashed or killed): do not outlive it.
process.on('disconnect', stop);
process.on('message', (message) => {
	if (message === 'stop') stop();
	if (message === 'stats')
		process.send?.({
			type: 'stats',
			stats: server.signaling.stats(),
			dropped: Object.fromEntries(log.droppedCounts())
		});
});
process.send?.({ type: 'listening', port: address.port });
