/**
 * HTTPS for the facilitator's tablet. Participants join over plain HTTP (see README); the
 * facilitator's device needs a secure context for offline use, which a laptop gets on `localhost`
 * and a tablet gets over HTTPS from a server it trusts.
 *
 * The server makes and keeps its own small certificate authority (ECDSA P-256, ten years) and,
 * signed by it, a certificate for this machine's current addresses (renewed when they change or it
 * nears expiry). The authority carries critical name constraints (name-constraints.ts): a tablet
 * that installs it trusts it for local names and private addresses only, never for the internet.
 * An authority made by an older version without them is replaced, and the caller is told so.
 */
import { X509Certificate as NodeCertificate } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { x509 } from './x509.ts';
import {
	decodeNameConstraints,
	encodeNameConstraints,
	isPermitted,
	LOCAL_NAMES,
	NAME_CONSTRAINTS_OID
} from './name-constraints.ts';

export interface TlsMaterial {
	key: string;
	cert: string;
	/** The authority's certificate, to offer for download; absent for a certificate given by the user. */
	caCert?: string;
}

export interface LocalAuthority extends TlsMaterial {
	caCert: string;
	/** SHA-256 fingerprint of the authority, as phones show it when installing (AA:BB:…). */
	caFingerprint: string;
	/** True when an authority without name constraints was found and replaced by a new one. */
	replacedOldAuthority: boolean;
}

interface StoredLeaf {
	hosts: string[];
	notAfter: string;
}

const DAY = 24 * 60 * 60 * 1000;
/** Browsers refuse server certificates valid for longer than 398 days. */
const LEAF_DAYS = 397;
const CA_DAYS = 3650;
const KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING = { name: 'ECDSA', hash: 'SHA-256' } as const;
const CA_NAME = 'CN=Kohtaamo workshop server (local network only)';

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

/** Writes through a temporary file, so that two servers started at once never leave half a file. */
async function writeAtomically(path: string, text: string, mode = 0o644): Promise<void> {
	const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
	await writeFile(temporary, text, { mode });
	await rename(temporary, path);
}

/**
 * Runs `fn` while holding a lock file in `dir`: the browser tests (and a facilitator who starts two
 * servers) may start several servers on one data directory at once, and each must read a key and
 * certificate that belong together. A lock older than a minute is from a crashed start.
 */
async function withLock<T>(dir: string, fn: () => Promise<T>): Promise<T> {
	const lockPath = join(dir, '.lock');
	for (let attempt = 0; ; attempt++) {
		try {
			await (await open(lockPath, 'wx')).close();
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 300) throw error;
			const age = Date.now() - (await stat(lockPath).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
			if (age > 60_000) await rm(lockPath, { force: true });
			else await new Promise((resolve) => setTimeout(resolve, 50));
		}
	}
	try {
		return await fn();
	} finally {
		await rm(lockPath, { force: true });
	}
}

const pem = (der: ArrayBuffer, label: string) =>
	x509.PemConverter.encode(der, label).replace(/\r\n/g, '\n').trimEnd() + '\n';

async function exportKey(key: CryptoKey): Promise<string> {
	return pem(await crypto.subtle.exportKey('pkcs8', key), 'PRIVATE KEY');
}

async function importSigningKey(pemText: string): Promise<CryptoKey> {
	const der = x509.PemConverter.decodeFirst(pemText);
	return crypto.subtle.importKey('pkcs8', der, KEY_ALGORITHM, false, ['sign']);
}

const randomSerial = () =>
	Buffer.from(crypto.getRandomValues(new Uint8Array(16)))
		.toString('hex')
		.replace(/^[89a-f]/, '7');

/** True when the authority carries exactly the constraints this version writes, marked critical. */
export function hasLocalNameConstraints(caCertPem: string): boolean {
	try {
		const extension = new x509.X509Certificate(caCertPem).getExtension(NAME_CONSTRAINTS_OID);
		if (!extension?.critical) return false;
		const found = decodeNameConstraints(extension.value);
		return (
			found.excluded === 0 &&
			JSON.stringify([found.dns, found.ip]) === JSON.stringify([LOCAL_NAMES.dns, LOCAL_NAMES.ip])
		);
	} catch {
		return false;
	}
}

async function createAuthority(now: Date): Promise<{ key: string; cert: string }> {
	const keys = await crypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify']);
	const cert = await x509.X509CertificateGenerator.createSelfSigned({
		serialNumber: randomSerial(),
		name: CA_NAME,
		notBefore: new Date(now.getTime() - DAY),
		notAfter: new Date(now.getTime() + CA_DAYS * DAY),
		keys,
		signingAlgorithm: SIGNING,
		extensions: [
			new x509.BasicConstraintsExtension(true, 0, true),
			new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
			await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
			new x509.Extension(NAME_CONSTRAINTS_OID, true, encodeNameConstraints(LOCAL_NAMES))
		]
	});
	return { key: await exportKey(keys.privateKey), cert: cert.toString('pem') + '\n' };
}

async function createLeaf(
	authority: { key: string; cert: string },
	hosts: string[],
	notAfter: Date,
	now: Date
): Promise<{ key: string; cert: string }> {
	const keys = await crypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify']);
	const ca = new x509.X509Certificate(authority.cert);
	const names = hosts.map((host) =>
		/^[\d.]+$/.test(host) || host.includes(':')
			? { type: 'ip' as const, value: host }
			: { type: 'dns' as const, value: host }
	);
	const cert = await x509.X509CertificateGenerator.create({
		serialNumber: randomSerial(),
		subject: `CN=${hosts[0] ?? 'localhost'}`,
		issuer: ca.subject,
		notBefore: new Date(now.getTime() - DAY),
		notAfter,
		publicKey: keys.publicKey,
		signingKey: await importSigningKey(authority.key),
		signingAlgorithm: SIGNING,
		extensions: [
			new x509.BasicConstraintsExtension(false, undefined, true),
			new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
			new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
			new x509.SubjectAlternativeNameExtension(names),
			await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
			await x509.AuthorityKeyIdentifierExtension.create(ca)
		]
	});
	return { key: await exportKey(keys.privateKey), cert: cert.toString('pem') + '\n' };
}

function issuedBy(leafPem: string, caPem: string): boolean {
	try {
		const leaf = new NodeCertificate(leafPem);
		const ca = new NodeCertificate(caPem);
		return leaf.checkIssued(ca) && leaf.verify(ca.publicKey);
	} catch {
		return false;
	}
}

/**
 * Returns a certificate for `hosts` (names and IP addresses) from the server's own authority,
 * creating or renewing what is needed. Hosts outside the authority's constraints (a public IPv6
 * address, say) are left out: a certificate naming them would be refused as a whole.
 */
export async function ensureLocalAuthority(dir: string, hosts: string[], now = new Date()): Promise<LocalAuthority> {
	await mkdir(dir, { recursive: true, mode: 0o700 });
	return withLock(dir, () => ensureUnlocked(dir, hosts, now));
}

async function ensureUnlocked(dir: string, hosts: string[], now: Date): Promise<LocalAuthority> {
	const caKeyPath = join(dir, 'ca-key.pem');
	const caCertPath = join(dir, 'ca-cert.pem');
	let caKey = await readIfExists(caKeyPath);
	let caCert = await readIfExists(caCertPath);
	const replacedOldAuthority = Boolean(caKey && caCert && !hasLocalNameConstraints(caCert));
	if (!caKey || !caCert || replacedOldAuthority) {
		({ key: caKey, cert: caCert } = await createAuthority(now));
		await writeAtomically(caKeyPath, caKey, 0o600);
		await writeAtomically(caCertPath, caCert);
	}
	const authority = { key: caKey, cert: caCert };
	const caFingerprint = new NodeCertificate(caCert).fingerprint256;

	const wanted = [...new Set(hosts)].filter((host) => isPermitted(host, LOCAL_NAMES)).sort();
	const leafInfoPath = join(dir, 'server.json');
	const leafKeyPath = join(dir, 'server-key.pem');
	const leafCertPath = join(dir, 'server-cert.pem');
	const stored = await readIfExists(leafInfoPath);
	const key = await readIfExists(leafKeyPath);
	const cert = await readIfExists(leafCertPath);
	if (stored && key && cert && issuedBy(cert, caCert)) {
		const info = JSON.parse(stored) as StoredLeaf;
		const fresh = new Date(info.notAfter).getTime() - now.getTime() > 30 * DAY;
		if (fresh && JSON.stringify(info.hosts) === JSON.stringify(wanted)) {
			return { key, cert, caCert, caFingerprint, replacedOldAuthority };
		}
	}

	const notAfter = new Date(now.getTime() + LEAF_DAYS * DAY);
	const leaf = await createLeaf(authority, wanted, notAfter, now);
	await writeAtomically(leafKeyPath, leaf.key, 0o600);
	await writeAtomically(leafCertPath, leaf.cert);
	await writeAtomically(
		leafInfoPath,
		JSON.stringify({ hosts: wanted, notAfter: notAfter.toISOString() } satisfies StoredLeaf)
	);
	return { ...leaf, caCert, caFingerprint, replacedOldAuthority };
}
