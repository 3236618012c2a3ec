import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureSelfSigned } from './tls.ts';

describe('ensureSelfSigned', () => {
	it('makes a local authority and a server certificate for the given addresses, and keeps them', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'kohtaamo-tls-'));
		const first = await ensureSelfSigned(dir, ['localhost', '127.0.0.1', '192.168.1.20']);
		const leaf = new X509Certificate(first.cert);
		const ca = new X509Certificate(first.caCert!);
		expect(leaf.checkIssued(ca)).toBe(true);
		expect(leaf.verify(ca.publicKey)).toBe(true);
		expect(ca.ca).toBe(true);
		expect(leaf.subjectAltName).toContain('DNS:localhost');
		expect(leaf.subjectAltName).toContain('IP Address:192.168.1.20');
		expect(leaf.checkIP('192.168.1.20')).toBe('192.168.1.20');
		const days = (new Date(leaf.validTo).getTime() - Date.now()) / 86_400_000;
		expect(days).toBeLessThan(400);

		// Same addresses: the same certificate is reused (tablets that trusted it keep working).
		const again = await ensureSelfSigned(dir, ['192.168.1.20', 'localhost', '127.0.0.1']);
		expect(again.cert).toBe(first.cert);

		// A new address: a new server certificate from the same authority.
		const moved = await ensureSelfSigned(dir, ['localhost', '10.0.0.5']);
		expect(moved.cert).not.toBe(first.cert);
		expect(moved.caCert).toBe(first.caCert);
		expect(new X509Certificate(moved.cert).checkIP('10.0.0.5')).toBe('10.0.0.5');
		expect(await readFile(join(dir, 'ca-key.pem'), 'utf8')).toContain('PRIVATE KEY');
	}, 60_000);
});
