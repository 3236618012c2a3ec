/**
 * The addresses phones and tablets can reach this computer at, and how to show them in a terminal.
 * A facilitator reads these off the laptop's screen; participants scan the QR code.
 */
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import QRCode from 'qrcode';

export interface LanAddress {
	interfaceName: string;
	address: string;
}

/** Addresses of this machine other than loopback, IPv4 first. IPv6 link-local addresses need a zone
 * id that phones cannot use, so they are left out. */
export function lanAddresses(interfaces = networkInterfaces()): LanAddress[] {
	const v4: LanAddress[] = [];
	const v6: LanAddress[] = [];
	for (const [interfaceName, infos] of Object.entries(interfaces)) {
		for (const info of infos ?? []) {
			if (info.internal) continue;
			if (info.family === 'IPv4') v4.push({ interfaceName, address: info.address });
			else if (!/^fe[89ab]/i.test(info.address)) v6.push({ interfaceName, address: info.address });
		}
	}
	return [...v4, ...v6];
}

export function urlFor(protocol: 'http' | 'https', host: string, port: number): string {
	const defaultPort = protocol === 'https' ? 443 : 80;
	const name = isIP(host) === 6 ? `[${host}]` : host;
	return `${protocol}://${name}${port === defaultPort ? '' : `:${port}`}/`;
}

export async function terminalQr(text: string): Promise<string> {
	return QRCode.toString(text, { type: 'terminal', small: true, errorCorrectionLevel: 'M' });
}
