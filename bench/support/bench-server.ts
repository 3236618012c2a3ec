/**
 * Starts bench/support/server-process.ts as a child process and reads what the operating system
 * says it used: CPU time from /proc/<pid>/stat (user + system) and peak resident memory from
 * /proc/<pid>/status (VmHWM). Linux only, as the machine the figures come from.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { SignalingStats } from '../../server/signaling.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
/** Clock ticks per second for /proc/<pid>/stat (USER_HZ; 100 on every Linux the bench runs on). */
const TICKS_PER_SECOND = 100;

export interface BenchServer {
	url: string;
	/** The signaling WebSocket's address. */
	signalUrl: string;
	pid: number;
	/** CPU time the server process has used so far (user + system), in milliseconds. */
	cpuMs(): number;
	/** The server's peak resident memory so far, in MiB. */
	peakRssMiB(): number;
	stats(): Promise<{ stats: SignalingStats; dropped: Record<string, number> }>;
	stop(): Promise<void>;
}

/**
 * The limits a benchmark raises above the defaults, so that many devices on one loopback address
 * are not refused. The per-address keys are read by servers that have per-address limits and
 * ignored by others.
 */
export const RAISED_LIMITS = {
	maxConnections: 2_000,
	maxConnectionsPerAddress: 2_000,
	maxTopicsPerAddress: 2_000
};

export async function startBenchServer(limits: Record<string, number> = RAISED_LIMITS): Promise<BenchServer> {
	const child = spawn(
		process.execPath,
		['--import', 'tsx', 'bench/support/server-process.ts', 'build', JSON.stringify(limits)],
		{ cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }
	);
	const port = await new Promise<number>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('bench server did not start')), 30_000);
		child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
		child.on('message', (message: { type: string; port?: number }) => {
			if (message.type === 'listening' && message.port) {
				clearTimeout(timer);
				resolve(message.port);
			}
		});
	});
	const pid = child.pid!;
	return {
		url: `http://localhost:${port}`,
		signalUrl: `ws://127.0.0.1:${port}/signal`,
		pid,
		cpuMs() {
			// Fields after the command name (which may hold spaces): utime and stime are the 12th
			// and 13th after the closing parenthesis.
			const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
		},
		peakRssMiB() {
			const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
			return match ? Number(match[1]) / 1024 : NaN;
		},
		stats: () => request(child),
		stop: () => stopChild(child)
	};
}

function request(child: ChildProcess): Promise<{ stats: SignalingStats; dropped: Record<string, number> }> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('bench server did not answer')), 10_000);
		const onMessage = (message: { type: string; stats: SignalingStats; dropped: Record<string, number> }) => {
			if (message.type !== 'stats') return;
			clearTimeout(timer);
			child.off('message', onMessage);
			resolve(message);
		};
		child.on('message', onMessage);
		child.send('stats');
	});
}

function stopChild(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
		child.once('exit', () => {
			clearTimeout(force);
			resolve();
		});
		child.kill('SIGTERM');
	});
}
