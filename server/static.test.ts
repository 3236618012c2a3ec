import { request } from 'node:http';
import { mkdir, mkdtemp, readdir, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkshopServer, type WorkshopServer } from './app.ts';
import { createLogger } from './log.ts';
import { precompress } from './precompress.ts';
import { HTML_CSP } from './static.ts';

interface Reply {
	status: number;
	body: Buffer;
	headers: Record<string, string | string[] | undefined>;
}

/** Sends the path exactly as written (a URL string would have its `..` segments resolved first). */
const fetchRaw = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
	new Promise<Reply>((resolve, reject) => {
		const { hostname, port } = new URL(url);
		const path = url.replace(/^http:\/\/[^/]+/, '');
		request({ hostname, port, path, headers, method }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
		})
			.on('error', reject)
			.end();
	});

// Text that compresses like a real bundle: repetitive, but not one repeated byte.
const script = Array.from(
	{ length: 400 },
	(_, i) => `export const value${i} = ${JSON.stringify(`note ${i % 37}`)};`
).join('\n');
const html = `<!doctype html><title>Kohtaamo</title>${'<p>Tervetuloa työpajaan</p>'.repeat(60)}`;

describe('static files, compressed at build time', () => {
	let root: string;
	let server: WorkshopServer;
	let base: string;

	beforeAll(async () => {
		root = await mkdtemp(join(tmpdir(), 'kohtaamo-static-'));
		await mkdir(join(root, '_app/immutable'), { recursive: true });
		await writeFile(join(root, 'index.html'), html);
		await writeFile(join(root, '_app/immutable/start.abc123.js'), script);
		await writeFile(join(root, 'service-worker.js'), script);
		await writeFile(join(root, 'tiny.txt'), 'small');
		await writeFile(join(root, 'font.woff2'), Buffer.alloc(4096, 7));
		const result = await precompress(root);
		expect(result.written).toBe(3);
		server = createWorkshopServer({ root, log: createLogger({ write: () => {} }) });
		const { port } = await server.listen(0, '127.0.0.1');
		base = `http://127.0.0.1:${port}`;
	});
	afterAll(() => server.close());

	it('writes brotli and gzip copies of text files only, and keeps them on a second run', async () => {
		const files = await readdir(root);
		expect(files.sort()).toEqual(
			[
				'_app',
				'font.woff2',
				'index.html',
				'index.html.br',
				'index.html.gz',
				'service-worker.js',
				'service-worker.js.br',
				'service-worker.js.gz',
				'tiny.txt'
			].sort()
		);
		expect((await precompress(root)).written).toBe(0);
	});

	it.each([
		['br', 'gzip, deflate, br', (body: Buffer) => brotliDecompressSync(body)],
		['gzip', 'gzip, deflate', (body: Buffer) => gunzipSync(body)],
		[undefined, '', (body: Buffer) => body]
	])('answers Accept-Encoding with %s', async (encoding, accept, decode) => {
		for (const [path, original] of [
			['/_app/immutable/start.abc123.js', script],
			['/', html]
		]) {
			const reply = await fetchRaw(base + path, accept ? { 'Accept-Encoding': accept } : {});
			expect(reply.status, path).toBe(200);
			expect(reply.headers['content-encoding'], path).toBe(encoding);
			expect(reply.headers['vary'], path).toBe('Accept-Encoding');
			expect(decode(reply.body).toString('utf8'), path).toBe(original);
			if (encoding) expect(reply.body.length, path).toBeLessThan(Buffer.byteLength(original) / 3);
		}
	});

	it('keeps the cache rules: immutable hashed assets, everything else revalidated with 304', async () => {
		const asset = await fetchRaw(`${base}/_app/immutable/start.abc123.js`, { 'Accept-Encoding': 'br' });
		expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
		expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
		const page = await fetchRaw(`${base}/sessions/123`, { 'Accept-Encoding': 'br' });
		expect(page.headers['cache-control']).toBe('no-cache');
		expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
		expect(page.headers['x-content-type-options']).toBe('nosniff');
		const etag = String(page.headers['etag']);
		const again = await fetchRaw(`${base}/sessions/123`, { 'Accept-Encoding': 'br', 'If-None-Match': etag });
		expect(again.status).toBe(304);
		expect(again.body.length).toBe(0);
		expect(again.headers['cache-control']).toBe('no-cache');
		// A fallback page under the immutable folder is still the revalidated index, never cached for a year.
		const fallback = await fetchRaw(`${base}/_app/immutable/nothing-here`);
		expect(fallback.headers['cache-control']).toBe('no-cache');
	});

	it('sends a CSP header with every HTML page (a 304 too) that keeps connections on its own origin', async () => {
		for (const path of ['/', '/index.html', '/sessions/123', '/join']) {
			const page = await fetchRaw(`${base}${path}`, { 'Accept-Encoding': 'br' });
			expect(page.headers['content-type'], path).toBe('text/html; charset=utf-8');
			expect(page.headers['content-security-policy'], path).toBe(HTML_CSP);
			const again = await fetchRaw(`${base}${path}`, {
				'Accept-Encoding': 'br',
				'If-None-Match': String(page.headers['etag'])
			});
			expect(again.status, path).toBe(304);
			expect(again.headers['content-security-policy'], path).toBe(HTML_CSP);
		}
		expect(HTML_CSP).toMatch(/(^|; )connect-src 'self' data: blob:(;|$)/);
		const asset = await fetchRaw(`${base}/_app/immutable/start.abc123.js`);
		expect(asset.headers['content-security-policy']).toBeUndefined();
	});

	it('never answers an edited file with its stale compressed copy', async () => {
		const edited = script.replace('note 1"', 'note one"');
		await writeFile(join(root, 'service-worker.js'), edited);
		const later = new Date(Date.now() + 5000);
		await utimes(join(root, 'service-worker.js'), later, later);
		const reply = await fetchRaw(`${base}/service-worker.js`, { 'Accept-Encoding': 'gzip, br' });
		expect(reply.headers['content-encoding']).toBeUndefined();
		expect(reply.body.toString('utf8')).toBe(edited);
	});

	it('refuses what is not a file to serve', async () => {
		expect((await fetchRaw(`${base}/missing.js`)).status).toBe(404);
		expect((await fetchRaw(`${base}/`, {}, 'POST')).status).toBe(405);
		expect((await fetchRaw(`${base}/`, {}, 'DELETE')).headers['allow']).toBe('GET, HEAD');
		for (const path of ['/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/_app/..%2f..%2f..%2fetc%2fpasswd']) {
			const reply = await fetchRaw(base + path);
			expect(reply.status, path).toBe(400);
			expect(reply.body.toString(), path).not.toContain('root:');
		}
		const head = await fetchRaw(`${base}/`, { 'Accept-Encoding': 'br' }, 'HEAD');
		expect(head.status).toBe(200);
		expect(head.body.length).toBe(0);
	});
});
