/**
 * Serves the built app. Caching is what makes a tablet fast on a slow gallery Wi-Fi without ever
 * showing an old version: files under `_app/immutable/` have content hashes in their names and are
 * cached for a year; everything else (HTML, manifest, service worker, icons) must be revalidated
 * on every use and is answered with 304 when unchanged. Unknown paths without a file extension get
 * the single-page app's fallback page, so that deep links and reloads work.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const MIME: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	'.ttf': 'font/ttf',
	'.txt': 'text/plain; charset=utf-8',
	'.crt': 'application/x-x509-ca-cert',
	'.map': 'application/json; charset=utf-8'
};

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** Headers every response carries. The join secret lives in the URL fragment, which browsers never
 * send; `no-referrer` also keeps the path out of any request to elsewhere. */
export const SECURITY_HEADERS: Record<string, string> = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'no-referrer',
	'X-Frame-Options': 'DENY',
	'Cross-Origin-Opener-Policy': 'same-origin'
};

export function cacheControlFor(relativePath: string): string {
	return relativePath.startsWith('_app/immutable/') ? IMMUTABLE : REVALIDATE;
}

export interface StaticOptions {
	root: string;
	/** The single-page app's fallback page, relative to root. */
	fallback: string;
}

export function createStaticHandler(options: StaticOptions) {
	const root = normalize(options.root + sep);

	/** Maps a URL path to a file inside root, or null when the path tries to leave it. */
	const resolvePath = (urlPath: string): string | null => {
		let decoded: string;
		try {
			decoded = decodeURIComponent(urlPath);
		} catch {
			return null;
		}
		if (decoded.includes('\0')) return null;
		const full = normalize(join(root, decoded));
		return full.startsWith(root) || full + sep === root ? full : null;
	};

	const fileAt = async (full: string) => {
		try {
			const info = await stat(full);
			if (info.isFile()) return { full, info };
			if (info.isDirectory()) {
				const index = join(full, 'index.html');
				const indexInfo = await stat(index);
				if (indexInfo.isFile()) return { full: index, info: indexInfo };
			}
		} catch {
			// not there: fall through
		}
		return null;
	};

	return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			res.writeHead(405, { Allow: 'GET, HEAD' }).end();
			return;
		}
		const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
		const full = resolvePath(urlPath);
		if (!full) {
			res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad path');
			return;
		}
		let found = await fileAt(full);
		if (!found && extname(urlPath) === '') found = await fileAt(join(root, options.fallback));
		if (!found) {
			res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
			return;
		}
		const relative = found.full.slice(root.length).split(sep).join('/');
		const etag = `"${found.info.size.toString(36)}-${Math.floor(found.info.mtimeMs).toString(36)}"`;
		const headers: Record<string, string> = {
			'Content-Type': MIME[extname(found.full).toLowerCase()] ?? 'application/octet-stream',
			'Cache-Control': cacheControlFor(relative),
			ETag: etag
		};
		if (req.headers['if-none-match'] === etag) {
			res.writeHead(304, headers).end();
			return;
		}
		headers['Content-Length'] = String(found.info.size);
		res.writeHead(200, headers);
		if (req.method === 'HEAD') {
			res.end();
			return;
		}
		createReadStream(found.full)
			.on('error', () => res.destroy())
			.pipe(res);
	};
}
