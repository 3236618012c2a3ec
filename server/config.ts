/**
 * Command-line flags and environment variables of the workshop server. Flags win over the
 * environment; the environment wins over defaults. Parsing is pure so that it can be tested.
 */
import { isIP } from 'node:net';
import { normaliseParticipantUrl } from './participants.ts';

export interface ServerConfig {
	port: number;
	/** Interface to listen on; undefined means every interface (IPv4 and IPv6). */
	host: string | undefined;
	/**
	 * HTTPS beside HTTP on the same port: `own` (default) with a certificate from the server's own
	 * name-constrained authority, `given` with the museum's certificate, `off` for plain HTTP only.
	 */
	https: 'own' | 'given' | 'off';
	certPath?: string;
	keyPath?: string;
	/** `--participant-url`, normalised to end in `/`. */
	participantUrl?: string;
	trustedProxies: string[];
	/** `--redis`: share rooms with other instances through Redis at this URL. */
	redisUrl?: string;
	/** Who may read `/metrics` (default: loopback). */
	metricsFrom?: string[];
	roomMessagesPerSecond?: number;
	maxConnectionsPerAddress?: number;
	maxTopicsPerAddress?: number;
	root: string;
	dataDir: string;
	build: boolean;
	qr: boolean;
	help: boolean;
}

export const DEFAULT_PORT = 8080;

export const USAGE = `Kohtaamo workshop server: serves the app and its peer-to-peer signaling on one port,
over HTTP (for participants' phones) and HTTPS (for the facilitator's tablet) alike.

Usage: npm start -- [options]

  --port <n>              port to listen on (env PORT; default ${DEFAULT_PORT}; 0 picks a free one)
  --host <addr>           interface to listen on (env HOST; default: all interfaces)
  --cert <file>           serve HTTPS with this trusted certificate (PEM; env KOHTAAMO_CERT) ...
  --key <file>            ... and this private key (PEM; env KOHTAAMO_KEY); every join link is then HTTPS
  --participant-url <url> the address participants join, listed first (env KOHTAAMO_PARTICIPANT_URL);
                          :{port} in it stands for the port the server listens on
  --no-https              plain HTTP only: no authority, no HTTPS (env KOHTAAMO_HTTPS=0)
  --https                 accepted for older scripts: HTTPS with the server's own authority is the default
  --trusted-proxy <addr>  a reverse proxy whose X-Forwarded-For names the client; comma-separated
                          (env KOHTAAMO_TRUSTED_PROXY)
  --redis <url>           run as one of several instances sharing rooms through Redis pub/sub,
                          e.g. redis://10.0.0.5:6379 (env KOHTAAMO_REDIS_URL; see README, Deployment)
  --room-messages-per-second <n>     frames one room may publish per second across instances (default 2000)
  --metrics-from <addr>   addresses allowed to read /metrics; comma-separated (env KOHTAAMO_METRICS_FROM;
                          default: this machine only)
  --max-connections-per-address <n>  signaling connections one device may hold (default 32)
  --max-topics-per-address <n>       rooms one device may join at once (default 16)
  --root <dir>            the built app to serve (default: build)
  --data-dir <dir>        where the server keeps its authority and certificate
                          (env KOHTAAMO_DATA_DIR; default: .kohtaamo)
  --no-build              do not rebuild the app even when the sources are newer than the build
  --no-qr                 do not print QR codes
  --help                  show this text
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
		const takesValue = [
			'port',
			'host',
			'cert',
			'key',
			'root',
			'data-dir',
			'participant-url',
			'trusted-proxy',
			'redis',
			'metrics-from',
			'room-messages-per-second',
			'max-connections-per-address',
			'max-topics-per-address'
		].includes(name);
		const known = takesValue || ['https', 'no-https', 'no-build', 'no-qr', 'help'].includes(name);
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
	const httpsOff =
		flags.has('no-https') || ['0', 'false', 'no', 'off'].includes((env.KOHTAAMO_HTTPS ?? '').toLowerCase());
	if (httpsOff && certPath) throw new ConfigError('--no-https and --cert/--key contradict each other');

	const participantText = str('participant-url', 'KOHTAAMO_PARTICIPANT_URL');
	let participantUrl: string | undefined;
	if (participantText !== undefined) {
		try {
			participantUrl = normaliseParticipantUrl(participantText);
		} catch (error) {
			throw new ConfigError(`--participant-url: ${(error as Error).message}`);
		}
	}
	const trustedProxies = (str('trusted-proxy', 'KOHTAAMO_TRUSTED_PROXY') ?? '')
		.split(',')
		.map((address) => address.trim())
		.filter(Boolean);
	for (const address of trustedProxies) {
		if (!isIP(address)) throw new ConfigError(`--trusted-proxy: "${address}" is not an IP address`);
	}
	const redisUrl = str('redis', 'KOHTAAMO_REDIS_URL');
	if (redisUrl !== undefined && !/^rediss?:\/\/[^\s]+$/.test(redisUrl)) {
		throw new ConfigError(`--redis: "${redisUrl}" is not a redis:// or rediss:// URL`);
	}
	const metricsText = str('metrics-from', 'KOHTAAMO_METRICS_FROM');
	const metricsFrom = metricsText
		?.split(',')
		.map((address) => address.trim())
		.filter(Boolean);
	for (const address of metricsFrom ?? []) {
		if (!isIP(address)) throw new ConfigError(`--metrics-from: "${address}" is not an IP address`);
	}
	const count = (flag: string) => {
		const value = flags.get(flag);
		if (typeof value !== 'string') return undefined;
		if (!/^[1-9]\d{0,5}$/.test(value)) throw new ConfigError(`--${flag}: "${value}" is not a positive whole number`);
		return Number(value);
	};

	return {
		port: portText === undefined ? DEFAULT_PORT : parsePort(portText, flags.has('port') ? '--port' : 'PORT'),
		host: str('host', 'HOST'),
		https: certPath ? 'given' : httpsOff ? 'off' : 'own',
		certPath,
		keyPath,
		participantUrl,
		trustedProxies,
		redisUrl,
		metricsFrom,
		roomMessagesPerSecond: count('room-messages-per-second'),
		maxConnectionsPerAddress: count('max-connections-per-address'),
		maxTopicsPerAddress: count('max-topics-per-address'),
		root: str('root', 'KOHTAAMO_ROOT') ?? 'build',
		dataDir: str('data-dir', 'KOHTAAMO_DATA_DIR') ?? '.kohtaamo',
		build: !flags.has('no-build'),
		qr: !flags.has('no-qr'),
		help: flags.has('help')
	};
}
