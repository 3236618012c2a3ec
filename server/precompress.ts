/**
 * Writes brotli (`.br`, quality 11) and gzip (`.gz`, level 9) copies of the built app's text files,
 * once at build time, so that the server never compresses on a phone's request and still sends the
 * smallest bytes there are. Run after `vite build` (`npm run build` and `npm start` both do);
 * copies that are already newer than their original are kept, so a second run costs only a walk.
 *
 * A copy is written only when it saves something; fonts in woff2 and images are compressed already.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.json', '.svg', '.webmanifest', '.txt', '.ttf', '.map']);
/** Below this, headers cost more than compression saves. */
const MIN_BYTES = 512;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

export interface PrecompressResult {
	/** Files that got new compressed copies. */
	written: number;
	bytesBefore: number;
	bytesAfterBrotli: number;
}

async function* walk(dir: string): AsyncGenerator<string> {
	for (const entry of await readdir(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) yield* walk(path);
		else if (entry.isFile()) yield path;
	}
}

const mtime = (path: string) =>
	stat(path).then(
		(info) => info.mtimeMs,
		() => -1
	);

async function compressOne(path: string): Promise<{ before: number; after: number } | null> {
	const original = await mtime(path);
	if ((await mtime(`${path}.br`)) >= original && (await mtime(`${path}.gz`)) >= original) return null;
	const data = await readFile(path);
	if (data.length < MIN_BYTES) return null;
	const [br, gzipped] = await Promise.all([
		brotli(data, {
			params: {
				[constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
				[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
				[constants.BROTLI_PARAM_SIZE_HINT]: data.length
			}
		}),
		gz(data, { level: constants.Z_BEST_COMPRESSION })
	]);
	if (br.length >= data.length) return null;
	await writeFile(`${path}.br`, br);
	if (gzipped.length < data.length) await writeFile(`${path}.gz`, gzipped);
	return { before: data.length, after: br.length };
}

/** Adds missing or stale compressed copies under `root`. */
export async function precompress(root: string): Promise<PrecompressResult> {
	const result: PrecompressResult = { written: 0, bytesBefore: 0, bytesAfterBrotli: 0 };
	const pending: Promise<void>[] = [];
	for await (const path of walk(root)) {
		if (!COMPRESSIBLE.has(extname(path).toLowerCase())) continue;
		pending.push(
			compressOne(path).then((done) => {
				if (!done) return;
				result.written++;
				result.bytesBefore += done.before;
				result.bytesAfterBrotli += done.after;
			})
		);
	}
	await Promise.all(pending);
	return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	const root = resolve(process.argv[2] ?? 'build');
	const { written, bytesBefore, bytesAfterBrotli } = await precompress(root);
	const kb = (n: number) => `${Math.round(n / 1024)} KB`;
	console.log(`Compressed ${written} files in ${root}: ${kb(bytesBefore)} → ${kb(bytesAfterBrotli)} with brotli.`);
}
