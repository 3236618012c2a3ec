/**
 * The addresses tablets can reach this computer at, and how to show them in a terminal. A
 * facilitator reads these off the laptop's screen or scans the QR code with a tablet's camera.
 */
import { networkInterfaces } from 'node:os';
import QRCode from 'qrcode';

export interface LanAddress {
	interfaceName: string;
	address: string;
}

/** IPv4 addresses of this machine other than loopback. IPv6 link-local addresses need a zone id
 * that phones cannot type, so only IPv4 is offered. */
export function lanAddresses(): LanAddress[] {
	const found: LanAddress[] = [];
	for (const [interfaceName, infos] of Object.entries(networkInterfaces())) {
		for (const info of infos ?? []) {
			if (info.family === 'IPv4' && !info.internal) found.push({ interfaceName, address: info.address });
		}
	}
	return found;
}

export function urlFor(protocol: 'http' | 'https', host: string, port: number): string {
	const defaultPort = protocol === 'https' ? 443 : 80;
	return `${protocol}://${host}${port === defaultPort ? '' : `:${port}`}/`;
}

export async function terminalQr(text: string): Promise<string> {
	return QRCode.toString(text, { type: 'terminal', small: true, errorCorrectionLevel: 'M' });
}
