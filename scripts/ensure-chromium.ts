/**
 * Browser tests need Debian's Chromium (Playwright cannot download browsers here). Installs it
 * with apt-get when it is missing and this process may (root on a Debian-like system); otherwise
 * stops with a message saying what to do.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumInstalled, chromiumPath } from '../tests/browser/support/chromium.ts';

if (chromiumInstalled()) process.exit(0);

const path = chromiumPath();
const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && !process.env.CHROMIUM_PATH;
if (!canInstall) {
	console.error(
		`Chromium was not found at ${path}.\n` +
			'Install Debian\'s Chromium with "sudo apt-get install -y chromium", ' +
			'or set CHROMIUM_PATH to a Chromium or Chrome binary, then run the tests again.'
	);
	process.exit(1);
}

console.log('Chromium is missing: installing Debian\'s "chromium" package for the browser tests…');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
const run = (args: string[]) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
if (
	!run(['update']) ||
	!run(['install', '-y', '--no-install-recommends', 'chromium', 'fonts-noto-core']) ||
	!chromiumInstalled()
) {
	console.error(
		'Installing Chromium failed; install it by hand ("apt-get install -y chromium") and run the tests again.'
	);
	process.exit(1);
}
