/**
 * `npm start` on a fresh machine must just work, so the server builds the app when the build is
 * missing or older than its sources, and makes the compressed copies it serves (precompress.ts).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const INPUTS = [
	'src',
	'static',
	'workshops',
	'svelte.config.js',
	'vite.config.ts',
	'package.json',
	'package-lock.json'
];

function newestMtime(path: string): number {
	let info;
	try {
		info = statSync(path);
	} catch {
		return 0;
	}
	if (!info.isDirectory()) return info.mtimeMs;
	let newest = info.mtimeMs;
	for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
	return newest;
}

export function buildIsStale(projectDir: string, root: string): boolean {
	const built = newestMtime(join(root, 'index.html'));
	if (built === 0) return true;
	return INPUTS.some((input) => newestMtime(join(projectDir, input)) > built);
}

/** `vite build` and the compressed copies of its output, as `npm run build` does (the benchmarks
 * build this way too, and must measure what the server really sends). */
export function runBuild(projectDir: string): void {
	const vite = join(projectDir, 'node_modules', 'vite', 'bin', 'vite.js');
	const result = spawnSync(process.execPath, [vite, 'build'], { cwd: projectDir, stdio: 'inherit' });
	if (result.status !== 0) throw new Error('building the app failed (see the output above)');
	const compress = spawnSync(process.execPath, ['--import', 'tsx', join('server', 'precompress.ts'), 'build'], {
		cwd: projectDir,
		stdio: 'inherit'
	});
	if (compress.status !== 0) throw new Error('compressing the built app failed (see the output above)');
}
