import { get } from 'node:https';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkshopServer, CA_CERT_PATH } from './app.ts';
import { createLogger } from './log.ts';
import { ensureSelfSigned } from './tls.ts';

const fetchTls = (url: string, ca: string) =>
	new Promise<{ status: number; body: string; type: string }>((resolve, reject) => {
		get(url, { ca }, (res) => {
			let body = '';
			res.on('data', (chunk) => (body += chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body, type: String(res.headers['content-type']) }));
		}).on('error', reject);
	});

describe('workshop server over HTTPS', () => {
	it('serves the app with its own certificate, trusted through the offered authority', async () => {
		const root = await mkdtemp(join(tmpdir(), 'kohtaamo-root-'));
		await writeFile(join(root, 'index.html'), '<!doctype html><title>Kohtaamo</title>');
		const tls = await ensureSelfSigned(join(root, '..', `${root.split('/').pop()}-tls`), ['localhost', '127.0.0.1']);
		const server = createWorkshopServer({ root, log: createLogger({ write: () => {} }), tls });
		const { port } = await server.listen(0, '127.0.0.1');
		try {
			const page = await fetchTls(`https://localhost:${port}/sessions/abc`, tls.caCert!);
			expect(page.status).toBe(200);
			expect(page.body).toContain('<title>Kohtaamo</title>');
			const ca = await fetchTls(`https://localhost:${port}${CA_CERT_PATH}`, tls.caCert!);
			expect(ca.type).toBe('application/x-x509-ca-cert');
			expect(ca.body).toBe(tls.caCert);
			// Without trusting the authority, the connection is refused by the client.
			await expect(fetchTls(`https://localhost:${port}/`, '')).rejects.toThrow();
		} finally {
			await server.close();
		}
	}, 60_000);
});
