/**
 * Starts the real workshop server (`server/main.ts`, the same entry as `npm start`) as a child
 * process on a free port, serving the production build. Tests that stop or restart the server
 * get their own; the others share one per worker through the `server` fixture.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';

export interface RunningServer {
	url: string;
	port: number;
	/** Everything the server printed, for assertions on its log lines. */
	output(): string;
	stop(): Promise<void>;
	/** Sends a signal to the server process (it should stop cleanly). */
	signal(signal: NodeJS.Signals): Promise<void>;
	/** Resolves with the exit code once the process has ended. */
	exitCode(): Promise<number | null>;
	/** Stops and starts again on the same port. */
	restart(): Promise<void>;
}

const ROOT = new URL('../../../', import.meta.url).pathname;

function launch(port: number, extraArgs: string[], log: string[]): Promise<{ child: ChildProcess; port: number }> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			[
				'--import',
				'tsx',
				'server/main.ts',
				'--port',
				String(port),
				'--host',
				'127.0.0.1',
				'--no-build',
				'--no-qr',
				...extraArgs
			],
			{ cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] }
		);
		// Generous: tsx compiles the server on start, which took over 20 s on two busy cores (three
		// instances start back to back in the cluster test).
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${log.join('')}`)), 60_000);
		const onData = (chunk: Buffer) => {
			log.push(chunk.toString());
			const match = /On this computer: https?:\/\/localhost:(\d+)\//.exec(log.join(''));
			if (match) {
				clearTimeout(timer);
				resolve({ child, port: Number(match[1]) });
			}
		};
		child.stdout!.on('data', onData);
		child.stderr!.on('data', (chunk: Buffer) => log.push(chunk.toString()));
		child.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`server exited with ${code}:\n${log.join('')}`));
		});
	});
}

function stopChild(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		child.once('exit', () => resolve());
		child.kill('SIGTERM');
	});
}

/** A port that was free a moment ago, for a server that must know its own address in advance. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as AddressInfo;
			probe.close(() => resolve(port));
		});
	});
}

export async function startServer(extraArgs: string[] = [], options: { port?: number } = {}): Promise<RunningServer> {
	const log: string[] = [];
	let { child, port } = await launch(options.port ?? 0, extraArgs, log);
	return {
		get url() {
			return `http://localhost:${port}`;
		},
		get port() {
			return port;
		},
		output: () => log.join(''),
		stop: () => stopChild(child),
		signal: async (signal) => void child.kill(signal),
		exitCode: () =>
			child.exitCode !== null
				? Promise.resolve(child.exitCode)
				: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
		async restart() {
			await stopChild(child);
			({ child, port } = await launch(port, extraArgs, log));
		}
	};
}
