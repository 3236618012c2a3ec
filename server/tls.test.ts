import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { x509 } from './x509.ts';
import { describe, expect, it } from 'vitest';
import { decodeNameConstraints, isPermitted, LOCAL_NAMES, NAME_CONSTRAINTS_OID } from './name-constraints.ts';
import { ensureLocalAuthority, hasLocalNameConstraints } from './tls.ts';

const tempDir = () => mkdtemp(join(tmpdir(), 'kohtaamo-tls-'));

describe('the name constraints checker', () => {
	it.each([
		['localhost', true],
		['LOCALHOST', true],
		['a.localhost', true],
		['laptop.local', true],
		['kohtaamo.museum.local', true],
		['local', true],
		['127.0.0.1', true],
		['10.20.30.40', true],
		['172.16.0.1', true],
		['172.31.255.254', true],
		['192.168.1.20', true],
		['169.254.10.10', true],
		['fd12:3456::1', true],
		['fe80::1', true],
		['example.com', false],
		['museum.fi', false],
		['evillocal', false],
		['local.example.com', false],
		['localhost.example.com', false],
		['8.8.8.8', false],
		['172.32.0.1', false],
		['172.15.255.255', false],
		['192.169.0.1', false],
		['11.0.0.1', false],
		['2001:4860:4860::8888', false],
		['::1', false]
	])('%s → %s', (name, inside) => {
		expect(isPermitted(name, LOCAL_NAMES)).toBe(inside);
	});

	it('leaves a name type without a subtree unconstrained, as RFC 5280 does', () => {
		expect(isPermitted('example.com', { dns: [], ip: ['10.0.0.0/8'] })).toBe(true);
		expect(isPermitted('8.8.8.8', { dns: ['local'], ip: [] })).toBe(true);
	});
});

describe('ensureLocalAuthority', () => {
	it('makes an authority limited by critical name constraints to local names and private addresses', async () => {
		const tls = await ensureLocalAuthority(await tempDir(), ['localhost', '127.0.0.1', '192.168.1.20']);
		const ca = new x509.X509Certificate(tls.caCert);
		const constraints = ca.getExtension(NAME_CONSTRAINTS_OID);
		expect(constraints?.critical).toBe(true);
		const permitted = decodeNameConstraints(constraints!.value);
		expect(permitted).toEqual({
			dns: ['localhost', 'local'],
			ip: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '127.0.0.0/8', '169.254.0.0/16', 'fc00::/7', 'fe80::/10'],
			excluded: 0
		});
		const basic = ca.getExtension(x509.BasicConstraintsExtension);
		expect(basic?.ca).toBe(true);
		expect(basic?.critical).toBe(true);
		expect(ca.publicKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });

		// Public names would be outside; every name the server's own certificate carries is inside.
		for (const name of ['example.com', '8.8.8.8', 'www.google.com', '2606:4700::1111']) {
			expect(isPermitted(name, permitted), name).toBe(false);
		}
		const leaf = new x509.X509Certificate(tls.cert);
		const san = leaf.getExtension(x509.SubjectAlternativeNameExtension)!;
		const names = san.names.items.map((n) => n.value);
		expect(names.sort()).toEqual(['127.0.0.1', '192.168.1.20', 'localhost']);
		for (const name of names) expect(isPermitted(name, permitted), name).toBe(true);
		expect(tls.caFingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
	});

	it('keeps the certificate while the addresses stay, and renews it from the same authority when they change', async () => {
		const dir = await tempDir();
		const first = await ensureLocalAuthority(dir, ['localhost', '127.0.0.1', '192.168.1.20']);
		const leaf = new X509Certificate(first.cert);
		const ca = new X509Certificate(first.caCert);
		expect(leaf.checkIssued(ca)).toBe(true);
		expect(leaf.verify(ca.publicKey)).toBe(true);
		expect(leaf.checkIP('192.168.1.20')).toBe('192.168.1.20');
		const days = (new Date(leaf.validTo).getTime() - Date.now()) / 86_400_000;
		expect(days).toBeLessThanOrEqual(397);

		const again = await ensureLocalAuthority(dir, ['192.168.1.20', 'localhost', '127.0.0.1']);
		expect(again.cert).toBe(first.cert);

		const moved = await ensureLocalAuthority(dir, ['localhost', '10.0.0.5']);
		expect(moved.cert).not.toBe(first.cert);
		expect(moved.caCert).toBe(first.caCert);
		expect(new X509Certificate(moved.cert).checkIP('10.0.0.5')).toBe('10.0.0.5');
		expect(await readFile(join(dir, 'ca-key.pem'), 'utf8')).toContain('PRIVATE KEY');
	});

	it('leaves out addresses the authority may not vouch for', async () => {
		const tls = await ensureLocalAuthority(await tempDir(), [
			'localhost',
			'192.168.1.20',
			'2001:db8::5',
			'203.0.113.9'
		]);
		const leaf = new X509Certificate(tls.cert);
		expect(leaf.subjectAltName).toContain('IP Address:192.168.1.20');
		expect(leaf.subjectAltName).not.toContain('2001');
		expect(leaf.subjectAltName).not.toContain('203.0.113.9');
	});

	it('replaces an old authority without name constraints and says so', async () => {
		const dir = await tempDir();
		// An authority as older versions made it: a CA certificate with no name constraints.
		const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
		const old = await x509.X509CertificateGenerator.createSelfSigned({
			name: 'CN=Kohtaamo workshop server (local)',
			keys,
			signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
			extensions: [new x509.BasicConstraintsExtension(true, undefined, true)]
		});
		const oldKey = x509.PemConverter.encode(await crypto.subtle.exportKey('pkcs8', keys.privateKey), 'PRIVATE KEY');
		await writeFile(join(dir, 'ca-cert.pem'), old.toString('pem'));
		await writeFile(join(dir, 'ca-key.pem'), oldKey);
		expect(hasLocalNameConstraints(old.toString('pem'))).toBe(false);

		const tls = await ensureLocalAuthority(dir, ['localhost']);
		expect(tls.replacedOldAuthority).toBe(true);
		expect(hasLocalNameConstraints(tls.caCert)).toBe(true);
		expect(new X509Certificate(tls.cert).checkIssued(new X509Certificate(tls.caCert))).toBe(true);
		expect((await ensureLocalAuthority(dir, ['localhost'])).replacedOldAuthority).toBe(false);
	});

	it('gives every server started at once a key and certificate that belong together', async () => {
		const dir = await tempDir();
		const all = await Promise.all(Array.from({ length: 4 }, () => ensureLocalAuthority(dir, ['localhost'])));
		for (const tls of all) {
			const leaf = new X509Certificate(tls.cert);
			expect(leaf.checkPrivateKey((await import('node:crypto')).createPrivateKey(tls.key))).toBe(true);
			expect(leaf.checkIssued(new X509Certificate(tls.caCert))).toBe(true);
		}
	});
});
