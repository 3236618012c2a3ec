/**
 * HTTPS for the workshop LAN. Tablets need a secure context for the service worker (offline use)
 * and for `crypto.subtle` (the room's encryption), and plain http://192.168.x.x is not one.
 *
 * With `--https` the server makes and keeps its own small certificate authority (valid ten years)
 * and, signed by it, a server certificate for this machine's current addresses (renewed when the
 * addresses change or it nears expiry). A device that trusts the authority — its certificate is
 * offered at /kohtaamo-ca.crt — gets a fully secure page; a device that only clicks through the
 * browser's warning gets a working page but no offline mode in Chrome.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface TlsMaterial {
	key: string;
	cert: string;
	/** The authority's certificate, to offer for download; absent for a certificate given by the user. */
	caCert?: string;
}

interface StoredLeaf {
	hosts: string[];
	notAfter: string;
}

const DAY = 24 * 60 * 60 * 1000;
/** Apple devices refuse server certificates valid for more than 825 days; stay well under. */
const LEAF_DAYS = 397;

export async function loadGivenCertificate(certPath: string, keyPath: string): Promise<TlsMaterial> {
	const [cert, key] = await Promise.all([readFile(certPath, 'utf8'), readFile(keyPath, 'utf8')]);
	return { cert, key };
}

async function readIfExists(path: string): Promise<string | null> {
	try {
		return await readFile(path, 'utf8');
	} catch {
		return null;
	}
}

/** Returns a certificate for `hosts` (names and IP addresses), creating or renewing what is needed. */
export async function ensureSelfSigned(dir: string, hosts: string[], now = new Date()): Promise<TlsMaterial> {
	await mkdir(dir, { recursive: true, mode: 0o700 });
	const caKeyPath = join(dir, 'ca-key.pem');
	const caCertPath = join(dir, 'ca-cert.pem');
	let caKey = await readIfExists(caKeyPath);
	let caCert = await readIfExists(caCertPath);
	if (!caKey || !caCert) {
		const ca = await generate([{ name: 'commonName', value: 'Kohtaamo workshop server (local)' }], {
			keySize: 2048,
			algorithm: 'sha256',
			notBeforeDate: new Date(now.getTime() - DAY),
			notAfterDate: new Date(now.getTime() + 3650 * DAY),
			extensions: [
				{ name: 'basicConstraints', cA: true, critical: true },
				{ name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true }
			]
		});
		caKey = ca.private;
		caCert = ca.cert;
		await writeFile(caKeyPath, caKey, { mode: 0o600 });
		await writeFile(caCertPath, caCert);
	}

	const wanted = [...new Set(hosts)].sort();
	const leafInfoPath = join(dir, 'server.json');
	const leafKeyPath = join(dir, 'server-key.pem');
	const leafCertPath = join(dir, 'server-cert.pem');
	const stored = await readIfExists(leafInfoPath);
	const key = await readIfExists(leafKeyPath);
	const cert = await readIfExists(leafCertPath);
	if (stored && key && cert) {
		const info = JSON.parse(stored) as StoredLeaf;
		const fresh = new Date(info.notAfter).getTime() - now.getTime() > 30 * DAY;
		if (fresh && JSON.stringify(info.hosts) === JSON.stringify(wanted)) return { key, cert, caCert };
	}

	const notAfter = new Date(now.getTime() + LEAF_DAYS * DAY);
	const leaf = await generate([{ name: 'commonName', value: wanted[0] ?? 'localhost' }], {
		keySize: 2048,
		algorithm: 'sha256',
		notBeforeDate: new Date(now.getTime() - DAY),
		notAfterDate: notAfter,
		ca: { key: caKey, cert: caCert },
		extensions: [
			{ name: 'basicConstraints', cA: false },
			{ name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
			{ name: 'extKeyUsage', serverAuth: true },
			{
				name: 'subjectAltName',
				altNames: wanted.map((host) =>
					/^[\d.]+$/.test(host) || host.includes(':') ? { type: 7, ip: host } : { type: 2, value: host }
				)
			}
		]
	});
	await writeFile(leafKeyPath, leaf.private, { mode: 0o600 });
	await writeFile(leafCertPath, leaf.cert);
	await writeFile(
		leafInfoPath,
		JSON.stringify({ hosts: wanted, notAfter: notAfter.toISOString() } satisfies StoredLeaf)
	);
	return { key: leaf.private, cert: leaf.cert, caCert };
}
