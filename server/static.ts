/**
 * Serves the built app through sirv. Thirty phones on one gallery Wi-Fi is where bytes matter, so
 * text files are sent as the brotli or gzip copies made at build time (precompress.ts) when the
 * browser accepts them. Caching makes a tablet fast without ever showing an old version: files
 * under `_app/immutable/` have content hashes in their names and are cached for a year; everything
 * else (HTML, manifest, service worker, icons) must be revalidated on every use and is answered
 * with 304 when unchanged. Unknown paths without a file extension get the single-page app's
 * fallback page, so that deep links and reloads work.
 *
 * Files are looked up on every request (sirv's `dev` mode, which only means that), so a build
 * replaced under a running server is served as it now is; a compressed copy older than its
 * original is ignored, so an edited file is never answered with its stale compressed copy.
 */
import { statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import sirv from 'sirv';

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

/**
 * The Content-Security-Policy header of every HTML page, on top of the page's own meta policy
 * (svelte.config.js; a browser enforces both). It only narrows: connections go to this server
 * alone — its signaling is on the same origin, which `'self'` covers for ws: and wss: as well — so
 * a page served here never talks to another origin, whatever a build or a setting names. The
 * scripts' hashes stay in the meta policy, which is built with them; `frame-ancestors` works only
 * as a header.
 */
export const HTML_CSP = "connect-src 'self' data: blob:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

export function cacheControlFor(relativePath: string): string {
	return relativePath.startsWith('_app/immutable/') ? IMMUTABLE : REVALIDATE;
}

export interface StaticOptions {
	root: string;
	/** The single-page app's fallback page, relative to root. */
	fallback: string;
}

const mtimeOf = (path: string): number | null => {
	try {
		const info = statSync(path);
		return info.isFile() ? info.mtimeMs : null;
	} catch {
		return null;
	}
};

export function createStaticHandler(options: StaticOptions) {
	const root = normalize(options.root + sep);
	const notFound = (_req: IncomingMessage, res: ServerResponse) => {
		res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': REVALIDATE }).end('Not found');
	};
	const shared = { dev: true, etag: true, single: options.fallback, onNoMatch: notFound } as const;
	const compressed = sirv(root, { ...shared, brotli: true, gzip: true });
	const plain = sirv(root, shared);

	/** Maps a URL path to a file inside root, or null when the path tries to leave it. */
	const resolvePath = (urlPath: string): string | null => {
		let decoded: string;
		try {
			decoded = decodeURIComponent(urlPath);
		} catch {
			return null;
		}
		if (decoded.includes('\0') || decoded.includes('\\')) return null;
		const full = normalize(join(root, decoded));
		return full.startsWith(root) || full + sep === root ? full : null;
	};

	/** The file a path is answered with, as sirv will find it: the file, a folder's index, or the fallback. */
	const targetOf = (full: string, urlPath: string): string | null => {
		for (const candidate of [full, join(full, 'index.html')]) if (mtimeOf(candidate) !== null) return candidate;
		return extname(urlPath) === '' ? join(root, options.fallback) : null;
	};

	return function handle(req: IncomingMessage, res: ServerResponse): void {
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			res.writeHead(405, { Allow: 'GET, HEAD' }).end();
			return;
		}
		// The path as sent, not as URL parsing normalises it: sirv looks files up by the raw path,
		// so the check below must see the same `..` segments sirv would.
		const url = req.url ?? '/';
		const urlPath = url.startsWith('/') ? url.split(/[?#]/, 1)[0] : new URL(url, 'http://localhost').pathname;
		const full = resolvePath(urlPath);
		if (!full) {
			res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad path');
			return;
		}
		const target = targetOf(full, urlPath);
		const original = target === null ? null : mtimeOf(target);
		if (target === null || original === null) {
			notFound(req, res);
			return;
		}
		// Set before sirv answers, so that a 304 carries them too; sirv keeps headers already set.
		const relative = target.slice(root.length).split(sep).join('/');
		res.setHeader('Cache-Control', cacheControlFor(relative));
		res.setHeader('Content-Type', MIME[extname(target).toLowerCase()] ?? 'application/octet-stream');
		res.setHeader('Vary', 'Accept-Encoding');
		if (extname(target).toLowerCase() === '.html') res.setHeader('Content-Security-Policy', HTML_CSP);
		const copiesFresh = ['.br', '.gz'].every((suffix) => (mtimeOf(target + suffix) ?? Infinity) >= original);
		(copiesFresh ? compressed : plain)(req, res);
	};
}
