/**
 * The workshop server as a value: it serves the app, `/kohtaamo-server.json` (participants.ts) and
 * the authority's certificate, and upgrades `/signal` to the signaling WebSocket. `main.ts` wires
 * it to the command line; tests start it directly.
 *
 * With TLS material it speaks HTTP and HTTPS on one port: the first byte of a TLS connection is
 * 0x16 (a handshake record), which no HTTP request starts with, so each connection is handed to the
 * HTTPS or the HTTP server by that byte. Participants' phones use plain HTTP with no warning; the
 * facilitator's tablet uses HTTPS on the same address; one signaling instance serves both, so they
 * share every room.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { clientAddress, normaliseAddress } from './client-address.ts';
import { DEFAULT_LIMITS, type Limits } from './limits.ts';
import type { Logger } from './log.ts';
import { METRICS_CONTENT_TYPE, renderMetrics } from './metrics.ts';
import { SERVER_INFO_PATH, type ParticipantBase, type ServerInfo } from './participants.ts';
import { createRedisBus, type RoomBus } from './room-bus.ts';
import { createSignaling, type Signaling } from './signaling.ts';
import { createStaticHandler, SECURITY_HEADERS } from './static.ts';
import type { TlsMaterial } from './tls.ts';

export const SIGNAL_PATH = '/signal';
export const CA_CERT_PATH = '/kohtaamo-ca.crt';
export const HEALTH_PATH = '/healthz';
export const READY_PATH = '/readyz';
export const METRICS_PATH = '/metrics';
/** Who may read `/metrics` when nobody is named: this machine only (a Prometheus beside it). */
const LOOPBACK_ADDRESSES = ['127.0.0.1', '::1'];
/** A connection that sends nothing this long is closed before it is given to either server. */
const FIRST_BYTE_TIMEOUT_MS = 10_000;
const TLS_HANDSHAKE = 0x16;

export interface WorkshopServerOptions {
	root: string;
	log: Logger;
	limits?: Partial<Limits>;
	/** Serve HTTPS beside HTTP on the same port. Without it, HTTP only. */
	tls?: TlsMaterial;
	heartbeatMs?: number;
	/**
	 * The participant base URLs `/kohtaamo-server.json` lists. A function is called with the port
	 * the server listens on (known only after `listen`, for example with port 0), on every request,
	 * so that a test can list `http://workshop.test:<port>/`. Default: none.
	 */
	participantBases?: ParticipantBase[] | ((port: number) => ParticipantBase[]);
	/** Addresses of reverse proxies whose `X-Forwarded-For` names the client (client-address.ts). */
	trustedProxies?: string[];
	/** Share rooms with other instances through Redis pub/sub at this URL (room-bus.ts). */
	redisUrl?: string;
	/**
	 * TCP peers allowed to read `/metrics` (default: loopback only). The peer, never
	 * `X-Forwarded-For`: Prometheus scrapes each instance directly, not through the proxy.
	 */
	metricsFrom?: string[];
}

export interface WorkshopServer {
	readonly signaling: Signaling;
	/** The Redis bus, with `redisUrl`. */
	readonly bus: RoomBus | undefined;
	/** Whether HTTPS is served (beside HTTP, on the same port). */
	readonly secure: boolean;
	listen(port: number, host?: string): Promise<AddressInfo>;
	close(): Promise<void>;
}

export function createWorkshopServer(options: WorkshopServerOptions): WorkshopServer {
	const limits = { ...DEFAULT_LIMITS, ...options.limits };
	const serveStatic = createStaticHandler({ root: options.root, fallback: 'index.html' });
	const trusted = new Set(options.trustedProxies ?? []);
	const metricsFrom = new Set(options.metricsFrom ?? LOOPBACK_ADDRESSES);
	const bus = options.redisUrl
		? createRedisBus({ url: options.redisUrl, log: options.log, roomMessagesPerSecond: limits.roomMessagesPerSecond })
		: undefined;
	const signaling = createSignaling({
		bus,
		path: SIGNAL_PATH,
		limits,
		log: options.log,
		heartbeatMs: options.heartbeatMs,
		addressOf: (req) => clientAddress(req, trusted)
	});
	const caCert = options.tls?.caCert;
	let listeningPort = 0;

	const serverInfo = (): ServerInfo => {
		const bases = options.participantBases;
		return {
			version: 1,
			participantBases: typeof bases === 'function' ? bases(listeningPort) : (bases ?? []),
			given: Boolean(options.tls && !options.tls.caCert)
		};
	};

	const onRequest = (req: IncomingMessage, res: ServerResponse) => {
		const path = new URL(req.url ?? '/', 'http://localhost').pathname;
		const own =
			path === SERVER_INFO_PATH ||
			path === HEALTH_PATH ||
			path === READY_PATH ||
			path === METRICS_PATH ||
			(caCert !== undefined && path === CA_CERT_PATH);
		if (own) {
			for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
			if (req.method !== 'GET' && req.method !== 'HEAD') {
				res.writeHead(405, { Allow: 'GET, HEAD' }).end();
				return;
			}
		}
		if (path === SERVER_INFO_PATH) {
			// Never cached: the app must see the addresses of today's network, not yesterday's.
			res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
			res.end(JSON.stringify(serverInfo()));
			return;
		}
		if (path === HEALTH_PATH || path === READY_PATH) {
			// Ready means: frames reach the other instances. Without Redis, alive is ready.
			const ready = path === HEALTH_PATH || !bus || bus.ready();
			res.writeHead(ready ? 200 : 503, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
			res.end(ready ? 'ok\n' : 'redis not connected\n');
			return;
		}
		if (path === METRICS_PATH) {
			if (!metricsFrom.has(normaliseAddress(req.socket.remoteAddress))) {
				res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('metrics are not public\n');
				return;
			}
			const body = renderMetrics({ signaling: signaling.stats(), dropped: options.log.droppedCounts(), bus });
			res.writeHead(200, { 'Content-Type': METRICS_CONTENT_TYPE, 'Cache-Control': 'no-store' });
			res.end(body);
			return;
		}
		if (caCert !== undefined && path === CA_CERT_PATH) {
			res.writeHead(200, {
				'Content-Type': 'application/x-x509-ca-cert',
				'Content-Disposition': 'attachment; filename="kohtaamo-ca.crt"',
				'Cache-Control': 'no-cache'
			});
			res.end(caCert);
			return;
		}
		try {
			serveStatic(req, res);
		} catch (error) {
			options.log.warn(`could not serve ${path}: ${String(error)}`);
			if (!res.headersSent) res.writeHead(500).end();
			else res.destroy();
		}
	};

	const httpServer: Server = createHttpServer(onRequest);
	const httpsServer = options.tls
		? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, onRequest)
		: undefined;
	for (const server of [httpServer, httpsServer]) {
		server?.on('upgrade', (req, socket, head) => {
			if (!signaling.handleUpgrade(req, socket, head)) socket.destroy();
		});
		server?.on('clientError', (_error, socket) => {
			if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
			else socket.destroy();
		});
	}
	httpsServer?.on('tlsClientError', (_error, socket) => socket.destroy());

	/** Every open connection, handed over or not (mid-handshake too), so that `close` ends them all. */
	const open = new Set<Socket>();
	const dispatch = (socket: Socket) => {
		open.add(socket);
		socket.once('close', () => open.delete(socket));
		if (!httpsServer) {
			httpServer.emit('connection', socket);
			return;
		}
		const silent = () => socket.destroy();
		socket.setTimeout(FIRST_BYTE_TIMEOUT_MS, silent);
		socket.once('error', silent);
		socket.once('data', (chunk: Buffer) => {
			socket.setTimeout(0);
			socket.off('timeout', silent);
			socket.pause();
			// Put the bytes back: both servers read the connection from its start. TLS takes bytes
			// already buffered on a socket as the start of its handshake (and reads the socket's
			// handle itself from then on); HTTP reads them once the socket flows again.
			socket.unshift(chunk);
			if (chunk[0] === TLS_HANDSHAKE) {
				httpsServer.emit('connection', socket);
			} else {
				httpServer.emit('connection', socket);
				socket.resume();
			}
		});
	};
	const listener = createNetServer(dispatch);

	return {
		signaling,
		bus,
		secure: Boolean(httpsServer),
		listen: (port, host) =>
			new Promise((resolve, reject) => {
				listener.once('error', reject);
				listener.listen(port, host, () => {
					listener.off('error', reject);
					const address = listener.address() as AddressInfo;
					listeningPort = address.port;
					// The inner servers never listen themselves; 'listening' starts their connection
					// tracking, which enforces request timeouts and lets `closeAllConnections` work.
					httpServer.emit('listening');
					httpsServer?.emit('listening');
					resolve(address);
				});
			}),
		async close() {
			await signaling.close();
			await new Promise<void>((resolve) => {
				listener.close(() => resolve());
				for (const server of [httpServer, httpsServer]) server?.close();
				for (const socket of open) socket.destroy();
			});
			await bus?.close();
		}
	};
}
