/**
 * Command-line flags and environment variables of the workshop server. Flags win over the
 * environment; the environment wins over defaults. Parsing is pure so that it can be tested.
 */
export interface ServerConfig {
	port: number;
	/** Interface to listen on; undefined means every interface (IPv4 and IPv6). */
	host: string | undefined;
	https: 'off' | 'self-signed' | 'given';
	certPath?: string;
	keyPath?: string;
	root: string;
	dataDir: string;
	build: boolean;
	qr: boolean;
	help: boolean;
}

export const DEFAULT_PORT = 8080;

export const USAGE = `Kohtaamo workshop server: serves the app and its peer-to-peer signaling on one port.

Usage: npm start -- [options]

  --port <n>        port to listen on (env PORT; default ${DEFAULT_PORT}; 0 picks a free one)
  --host <addr>     interface to listen on (env HOST; default: all interfaces)
  --https           serve HTTPS with a certificate this server makes and keeps (env KOHTAAMO_HTTPS=1)
  --cert <file>     serve HTTPS with this certificate (PEM; env KOHTAAMO_CERT) ...
  --key <file>      ... and this private key (PEM; env KOHTAAMO_KEY)
  --root <dir>      the built app to serve (default: build)
  --data-dir <dir>  where the server keeps its certificates (env KOHTAAMO_DATA_DIR; default: .kohtaamo)
  --no-build        do not rebuild the app even when the sources are newer than the build
  --no-qr           do not print QR codes
  --help            show this text
`;

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function parsePort(value: string, from: string): number {
	const port = Number(value);
	if (!/^\d+$/.test(value) || port > 65535) throw new ConfigError(`${from}: "${value}" is not a port number (0–65535)`);
	return port;
}

export function parseConfig(argv: string[], env: Env): ServerConfig {
	const flags = new Map<string, string | true>();
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (!arg.startsWith('--')) throw new ConfigError(`unexpected argument "${arg}" (see --help)`);
		const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
		const takesValue = ['port', 'host', 'cert', 'key', 'root', 'data-dir'].includes(name);
		const known = takesValue || ['https', 'no-build', 'no-qr', 'help'].includes(name);
		if (!known) throw new ConfigError(`unknown option --${name} (see --help)`);
		if (takesValue) {
			const value = inline ?? argv[++i];
			if (value === undefined || value.startsWith('--')) throw new ConfigError(`--${name} needs a value`);
			flags.set(name, value);
		} else {
			flags.set(name, true);
		}
	}
	const str = (flag: string, envName: string) => {
		const v = flags.get(flag);
		return typeof v === 'string' ? v : env[envName] || undefined;
	};

	const portText = str('port', 'PORT');
	const certPath = str('cert', 'KOHTAAMO_CERT');
	const keyPath = str('key', 'KOHTAAMO_KEY');
	if (Boolean(certPath) !== Boolean(keyPath)) throw new ConfigError('--cert and --key must be given together');
	const selfSigned = flags.has('https') || ['1', 'true', 'yes'].includes((env.KOHTAAMO_HTTPS ?? '').toLowerCase());

	return {
		port: portText === undefined ? DEFAULT_PORT : parsePort(portText, flags.has('port') ? '--port' : 'PORT'),
		host: str('host', 'HOST'),
		https: certPath ? 'given' : selfSigned ? 'self-signed' : 'off',
		certPath,
		keyPath,
		root: str('root', 'KOHTAAMO_ROOT') ?? 'build',
		dataDir: str('data-dir', 'KOHTAAMO_DATA_DIR') ?? '.kohtaamo',
		build: !flags.has('no-build'),
		qr: !flags.has('no-qr'),
		help: flags.has('help')
	};
}
