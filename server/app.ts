/**
 * The workshop server as a value: one HTTP(S) server that serves the app and upgrades `/signal`
 * to the signaling WebSocket. `main.ts` wires it to the command line; tests start it directly.
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { DEFAULT_LIMITS, type Limits } from './limits.ts';
import type { Logger } from './log.ts';
import { createSignaling, type Signaling } from './signaling.ts';
import { createStaticHandler } from './static.ts';
import type { TlsMaterial } from './tls.ts';

export const SIGNAL_PATH = '/signal';
export const CA_CERT_PATH = '/kohtaamo-ca.crt';

export interface WorkshopServerOptions {
	root: string;
	log: Logger;
	limits?: Partial<Limits>;
	tls?: TlsMaterial;
	heartbeatMs?: number;
}

export interface WorkshopServer {
	readonly signaling: Signaling;
	readonly secure: boolean;
	listen(port: number, host?: string): Promise<AddressInfo>;
	close(): Promise<void>;
}

export function createWorkshopServer(options: WorkshopServerOptions): WorkshopServer {
	const limits = { ...DEFAULT_LIMITS, ...options.limits };
	const serveStatic = createStaticHandler({ root: options.root, fallback: 'index.html' });
	const signaling = createSignaling({ path: SIGNAL_PATH, limits, log: options.log, heartbeatMs: options.heartbeatMs });
	const caCert = options.tls?.caCert;

	const onRequest: Parameters<typeof createHttpServer>[1] = (req, res) => {
		const path = new URL(req.url ?? '/', 'http://localhost').pathname;
		if (caCert && path === CA_CERT_PATH) {
			res.writeHead(200, {
				'Content-Type': 'application/x-x509-ca-cert',
				'Content-Disposition': 'attachment; filename="kohtaamo-ca.crt"',
				'Cache-Control': 'no-cache'
			});
			res.end(caCert);
			return;
		}
		serveStatic(req, res).catch((error: unknown) => {
			options.log.warn(`could not serve ${path}: ${String(error)}`);
			if (!res.headersSent) res.writeHead(500).end();
			else res.destroy();
		});
	};

	const server: Server = options.tls
		? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, onRequest)
		: createHttpServer(onRequest);
	server.on('upgrade', (req, socket, head) => {
		if (!signaling.handleUpgrade(req, socket, head)) socket.destroy();
	});
	server.on('clientError', (_error, socket) => {
		if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
	});

	return {
		signaling,
		secure: Boolean(options.tls),
		listen: (port, host) =>
			new Promise((resolve, reject) => {
				server.once('error', reject);
				server.listen(port, host, () => {
					server.off('error', reject);
					resolve(server.address() as AddressInfo);
				});
			}),
		async close() {
			await signaling.close();
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		}
	};
}
