/**
 * `npm start`: builds the app when needed, then runs the workshop server and tells the facilitator
 * in plain words which address is for their own device and which one participants join.
 */
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { createWorkshopServer, CA_CERT_PATH } from './app.ts';
import { buildIsStale, runBuild } from './build.ts';
import { ConfigError, parseConfig, USAGE, type ServerConfig } from './config.ts';
import { lanAddresses, terminalQr, urlFor, type LanAddress } from './lan.ts';
import { createLogger } from './log.ts';
import { isPermitted, LOCAL_NAMES } from './name-constraints.ts';
import { participantBasesFor } from './participants.ts';
import { precompress } from './precompress.ts';
import { ensureLocalAuthority, loadGivenCertificate, type LocalAuthority, type TlsMaterial } from './tls.ts';

const WILDCARD_HOSTS = ['0.0.0.0', '::'];
const LOOPBACK = /^(127\.|::1$|localhost$)/;

/** The addresses other devices can reach this server at, given the interface it listens on. */
function reachableAddresses(host: string | undefined): LanAddress[] {
	const all = lanAddresses();
	if (host === undefined || WILDCARD_HOSTS.includes(host)) return all;
	if (LOOPBACK.test(host)) return [];
	const matching = all.filter((lan) => lan.address === host);
	return matching.length > 0 ? matching : [{ interfaceName: 'host', address: host }];
}

async function tlsFor(config: ServerConfig, lan: LanAddress[]): Promise<TlsMaterial | LocalAuthority | undefined> {
	if (config.https === 'given') return loadGivenCertificate(config.certPath!, config.keyPath!);
	if (config.https === 'off') return undefined;
	// `laptop.local` is what a tablet finds the laptop by where the network has mDNS.
	const mdnsName = /^[a-z0-9-]+$/i.test(hostname()) ? [`${hostname().toLowerCase()}.local`] : [];
	const hosts = ['localhost', '127.0.0.1', ...mdnsName, ...lan.map((a) => a.address)];
	return ensureLocalAuthority(resolve(config.dataDir, 'tls'), hosts);
}

async function prepareApp(config: ServerConfig, projectDir: string, root: string): Promise<void> {
	if (!config.build) return;
	if (buildIsStale(projectDir, root)) {
		console.log('Building the app (first start, or the sources changed)…');
		runBuild(projectDir);
	}
	// Also after a plain `vite build`: only missing or stale copies are made.
	const { written } = await precompress(root);
	if (written > 0) console.log(`Compressed ${written} files for the Wi-Fi.`);
}

async function main(): Promise<void> {
	let config: ServerConfig;
	try {
		config = parseConfig(process.argv.slice(2), process.env);
	} catch (error) {
		if (error instanceof ConfigError) {
			process.stderr.write(`${error.message}\n\n${USAGE}`);
			process.exit(2);
		}
		throw error;
	}
	if (config.help) {
		process.stdout.write(USAGE);
		return;
	}

	const projectDir = process.cwd();
	const root = resolve(projectDir, config.root);
	await prepareApp(config, projectDir, root);

	const log = createLogger({ write: (line) => console.log(line) });
	const lan = reachableAddresses(config.host);
	const tls = await tlsFor(config, lan);
	const participantProtocol = config.https === 'given' ? 'https' : 'http';
	const server = createWorkshopServer({
		root,
		log,
		tls,
		trustedProxies: config.trustedProxies,
		redisUrl: config.redisUrl,
		metricsFrom: config.metricsFrom,
		limits: {
			...(config.roomMessagesPerSecond && { roomMessagesPerSecond: config.roomMessagesPerSecond }),
			...(config.maxConnectionsPerAddress && { maxConnectionsPerAddress: config.maxConnectionsPerAddress }),
			...(config.maxTopicsPerAddress && { maxTopicsPerAddress: config.maxTopicsPerAddress })
		},
		// Read afresh on each request: a laptop that moves to another network tells the app at once.
		participantBases: (port) =>
			participantBasesFor({
				lan: reachableAddresses(config.host),
				port,
				protocol: participantProtocol,
				configured: config.participantUrl
			})
	});
	const { port } = await server.listen(config.port, config.host);
	await printAddresses(config, lan, port, tls);
	console.log('\nPress Ctrl+C to stop.');

	let stopping = false;
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal}: stopping the workshop server…`);
		const force = setTimeout(() => process.exit(1), 5000);
		force.unref();
		server.close().then(
			() => {
				console.log('Stopped. The sessions stay saved on each device.');
				process.exit(0);
			},
			() => process.exit(1)
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

async function printAddresses(
	config: ServerConfig,
	lan: LanAddress[],
	port: number,
	tls: TlsMaterial | LocalAuthority | undefined
): Promise<void> {
	const participants = participantBasesFor({
		lan,
		port,
		protocol: config.https === 'given' ? 'https' : 'http',
		configured: config.participantUrl
	});
	console.log('\nKohtaamo workshop server is running.');

	console.log("\nFor the facilitator's device (works offline after the first visit):");
	console.log(`On this computer: ${urlFor('http', 'localhost', port)}`);
	const first = lan[0]?.address;
	// The authority may vouch only for private addresses; a tablet on any other needs --cert.
	const local = lan.find((a) => isPermitted(a.address, LOCAL_NAMES))?.address;
	if (config.https === 'own' && tls && 'caFingerprint' in tls && local) {
		console.log(`On a tablet:      ${urlFor('https', local, port)}`);
		console.log(
			`  once the tablet trusts this server: open ${urlFor('http', local, port).slice(0, -1)}${CA_CERT_PATH}`
		);
		console.log(`  on it and install the certificate (SHA-256 ${tls.caFingerprint}).`);
		console.log('  It is valid for local addresses only; see README.');
	} else if (config.https === 'own' && first) {
		console.log(`A tablet cannot use HTTPS at ${first} (not a private address): use --cert/--key (see README).`);
	} else if (config.https === 'given' && first) {
		console.log(`On a tablet:      ${participants[0]?.url ?? urlFor('https', first, port)}`);
	} else if (first) {
		console.log('A tablet can open the participant address below, but without offline use (no HTTPS).');
	}
	if (tls && 'replacedOldAuthority' in tls && tls.replacedOldAuthority) {
		console.log(
			'\nThis server made a new authority, limited to local addresses. A tablet that installed the old' +
				'\n"Kohtaamo workshop server (local)" certificate should remove it (see README) and install the new one.'
		);
	}

	if (participants.length === 0) {
		console.log('\nNo network address found: only this computer can open the app.');
		return;
	}
	console.log(
		`\nFor participants: join over the same Wi-Fi network${lan[0] ? ` (${lan[0].interfaceName})` : ''}. The app's QR code links to:`
	);
	for (const [index, { label, url }] of participants.entries()) {
		console.log(`${label}: ${url}`);
		// IPv6 addresses make QR codes too dense for a phone across the room; they stay as text.
		if (config.qr && (index === 0 || !url.includes('['))) console.log(await terminalQr(url));
	}
}

main().catch((error: unknown) => {
	const message = error instanceof Error ? error.message : String(error);
	if ((error as NodeJS.ErrnoException)?.code === 'EADDRINUSE') {
		console.error('That port is already in use: is another Kohtaamo server running? Try --port 8081.');
	} else {
		console.error(`The workshop server could not start: ${message}`);
	}
	process.exit(1);
});
