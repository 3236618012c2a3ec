/**
 * The multi-instance tests (server/cluster.test.ts) and `npm run bench` need Debian's redis-server.
 * Installs it with apt-get when it is missing and this process may (root on a Debian-like system);
 * otherwise stops with a message saying what to do.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { REDIS_SERVER, redisInstalled } from '../server/testing/redis-server.ts';

if (redisInstalled()) process.exit(0);

const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && !process.env.REDIS_SERVER;
if (!canInstall) {
	console.error(
		`redis-server was not found at ${REDIS_SERVER}.\n` +
			'Install Debian\'s Redis with "sudo apt-get install -y redis-server", ' +
			'or set REDIS_SERVER to a redis-server binary, then run the tests again.'
	);
	process.exit(1);
}

console.log('redis-server is missing: installing Debian\'s "redis-server" package for the multi-instance tests…');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
const run = (args: string[]) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
if (!run(['update']) || !run(['install', '-y', '--no-install-recommends', 'redis-server']) || !redisInstalled()) {
	console.error(
		'Installing Redis failed; install it by hand ("apt-get install -y redis-server") and run the tests again.'
	);
	process.exit(1);
}
