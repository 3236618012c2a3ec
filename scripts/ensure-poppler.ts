/**
 * The report's reference-image test renders a PDF page with `pdftoppm` (Debian's poppler-utils).
 * Installs it with apt-get when it is missing and this process may (root on a Debian-like
 * system); otherwise stops with a message saying what to do, as ensure-chromium.ts does.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const installed = () => spawnSync('pdftoppm', ['-v'], { stdio: 'ignore' }).status === 0;
if (installed()) process.exit(0);

const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
if (!canInstall) {
	console.error(
		'pdftoppm was not found. Install it with "sudo apt-get install -y poppler-utils", then run the tests again.'
	);
	process.exit(1);
}
console.log('pdftoppm is missing: installing Debian\'s "poppler-utils" package for the report tests…');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
const run = (args: string[]) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
if (!run(['update']) || !run(['install', '-y', '--no-install-recommends', 'poppler-utils']) || !installed()) {
	console.error('Installing poppler-utils failed; install it by hand and run the tests again.');
	process.exit(1);
}
