/**
 * `npm start`: builds the app when needed, then runs the workshop server and tells the facilitator
 * in plain words where tablets can open it.
 */
import { resolve } from 'node:path';
import { createWorkshopServer, CA_CERT_PATH } from './app.ts';
import { buildIsStale, runBuild } from './build.ts';
import { ConfigError, parseConfig, USAGE, type ServerConfig } from './config.ts';
import { lanAddresses, terminalQr, urlFor } from './lan.ts';
import { createLogger } from './log.ts';
import { ensureSelfSigned, loadGivenCertificate, type TlsMaterial } from './tls.ts';

async function tlsFor(config: ServerConfig): Promise<TlsMaterial | undefined> {
	if (config.https === 'given') return loadGivenCertificate(config.certPath!, config.keyPath!);
	if (config.https === 'self-signed') {
		const hosts = ['localhost', '127.0.0.1', ...lanAddresses().map((a) => a.address)];
		return ensureSelfSigned(resolve(config.dataDir, 'tls'), hosts);
	}
	return undefined;
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
	if (config.build && buildIsStale(projectDir, root)) {
		console.log('Building the app (first start, or the sources changed)…');
		runBuild(projectDir);
	}

	const log = createLogger({ write: (line) => console.log(line) });
	const tls = await tlsFor(config);
	const server = createWorkshopServer({ root, log, tls });
	const address = await server.listen(config.port, config.host);
	const protocol = tls ? 'https' : 'http';

	console.log(`\nKohtaamo workshop server is running.`);
	console.log(`On this computer: ${urlFor(protocol, 'localhost', address.port)}`);
	const lan = config.host && !['0.0.0.0', '::'].includes(config.host) ? [] : lanAddresses();
	if (lan.length === 0) console.log('No network address found: only this computer can open the app.');
	for (const { interfaceName, address: ip } of lan) {
		const url = urlFor(protocol, ip, address.port);
		console.log(`\nOn tablets and phones in the same network (${interfaceName}): ${url}`);
		if (config.qr) console.log(await terminalQr(url));
	}
	if (!tls && lan.length > 0) {
		console.log(
			'Note: over plain http, tablets cannot use offline mode or encrypted sync. Start with --https for a workshop (see README).'
		);
	}
	if (tls?.caCert && lan[0]) {
		console.log(
			`To trust this server on a tablet, open ${urlFor(protocol, lan[0].address, address.port).replace(/\/$/, '')}${CA_CERT_PATH} on it and install the certificate (see README).`
		);
	}
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

main().catch((error: unknown) => {
	const message = error instanceof Error ? error.message : String(error);
	if ((error as NodeJS.ErrnoException)?.code === 'EADDRINUSE') {
		console.error('That port is already in use: is another Kohtaamo server running? Try --port 8081.');
	} else {
		console.error(`The workshop server could not start: ${message}`);
	}
	process.exit(1);
});
