/**
 * Which device a request comes from, for the per-address limits. Normally that is the TCP peer.
 * Behind a reverse proxy every request comes from the proxy, so the proxy's `X-Forwarded-For` is
 * believed — but only from proxies the facilitator named (`--trusted-proxy`): from anyone else the
 * header is a claim a device could make up to dodge its limits or to blame another device.
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** `::ffff:192.168.1.20` (an IPv4 client on a dual-stack socket) and `192.168.1.20` are one device. */
export function normaliseAddress(address: string | undefined): string {
	if (!address) return 'unknown';
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
	return (mapped ? mapped[1] : address).toLowerCase();
}

export function clientAddress(req: IncomingMessage, trustedProxies: ReadonlySet<string>): string {
	const peer = normaliseAddress(req.socket.remoteAddress);
	if (!trustedProxies.has(peer)) return peer;
	const header = req.headers['x-forwarded-for'];
	const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
		.split(',')
		.map((hop) => hop.trim())
		.filter(Boolean);
	// The rightmost hop that is not one of our proxies is the last one a trusted proxy saw.
	for (let i = hops.length - 1; i >= 0; i--) {
		const hop = normaliseAddress(hops[i]);
		if (!isIP(hop)) return peer;
		if (!trustedProxies.has(hop)) return hop;
	}
	return peer;
}
