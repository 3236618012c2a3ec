/**
 * A real `redis-server` (Debian's package) for tests and the bench: on a free loopback port, with
 * its own temporary directory and no persistence, stopped and started again on the same port to
 * play a Redis restart. `scripts/ensure-redis.ts` installs it when missing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';

export function redisInstalled(): boolean {
	return existsSync(REDIS_SERVER);
}

export interface RunningRedis {
	url: string;
	port: number;
	stop(): Promise<void>;
	start(): Promise<void>;
	/** Stops it for good and removes its directory. */
	destroy(): Promise<void>;
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});
}

export async function startRedis(): Promise<RunningRedis> {
	if (!redisInstalled()) {
		throw new Error(`redis-server not found at ${REDIS_SERVER}: run "node --import tsx scripts/ensure-redis.ts"`);
	}
	const dir = mkdtempSync(join(tmpdir(), 'kohtaamo-redis-'));
	const port = await freePort();
	let child: ChildProcess | undefined;

	const start = () =>
		new Promise<void>((resolve, reject) => {
			const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'];
			const server = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
			child = server;
			let output = '';
			const onData = (chunk: Buffer) => {
				output += chunk.toString();
				if (output.includes('Ready to accept connections')) {
					server.stdout?.off('data', onData);
					server.stdout?.resume();
					resolve();
				}
			};
			server.stdout?.on('data', onData);
			server.stderr?.resume();
			server.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output.slice(-500)}`)));
		});
	const stop = () =>
		new Promise<void>((resolve) => {
			const running = child;
			child = undefined;
			if (!running || running.exitCode !== null) return resolve();
			running.once('exit', () => resolve());
			running.kill('SIGKILL');
		});

	await start();
	return {
		url: `redis://127.0.0.1:${port}`,
		port,
		stop,
		start,
		async destroy() {
			await stop();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
