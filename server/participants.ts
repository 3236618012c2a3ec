/**
 * Where participants join. The join link must not depend on where the facilitator opened the app
 * (`localhost` on the laptop is useless to a phone), so the server tells the app its participant
 * base URLs at `/kohtaamo-server.json`, and the app builds the QR code from one of them.
 *
 * The contract the app reads (version 1):
 *   { "version": 1, "participantBases": [{ "label": "wlan0", "url": "http://192.168.1.20:8080/" }], "given": false }
 * One entry per network address (IPv4 first), every URL ending in a slash; a configured URL
 * (`--participant-url`) comes first with the label "configured"; the list is empty when the
 * computer has no network address. `given` is true when the server runs with a certificate the
 * museum gave it (`--cert/--key`): then every URL is HTTPS.
 */
import type { LanAddress } from './lan.ts';
import { urlFor } from './lan.ts';

export const SERVER_INFO_PATH = '/kohtaamo-server.json';

export interface ParticipantBase {
	/** The network interface (`wlan0`), or `configured` for `--participant-url`. */
	label: string;
	/** An absolute http(s) URL ending in `/`. */
	url: string;
}

export interface ServerInfo {
	version: 1;
	participantBases: ParticipantBase[];
	given: boolean;
}

export interface ParticipantBaseInput {
	lan: LanAddress[];
	port: number;
	/** `https` only with a given, trusted certificate; the server's own authority is not on phones. */
	protocol: 'http' | 'https';
	/** `--participant-url`, already normalised (see `normaliseParticipantUrl`); `{port}` in it
	 * stands for the port the server listens on. */
	configured?: string;
}

export function participantBasesFor(input: ParticipantBaseInput): ParticipantBase[] {
	const configured = input.configured?.replace(PORT_PLACEHOLDER, `:${input.port}`);
	const bases: ParticipantBase[] = configured ? [{ label: 'configured', url: configured }] : [];
	for (const { interfaceName, address } of input.lan) {
		const url = urlFor(input.protocol, address, input.port);
		if (!bases.some((base) => base.url === url)) bases.push({ label: interfaceName, url });
	}
	return bases;
}

/** `http://workshop.test:{port}/`: the port is the one the server listens on, for `--port 0`. */
const PORT_PLACEHOLDER = ':{port}';
const PROBE_PORT = ':65535';

/** Checks a `--participant-url` and gives it the trailing slash the contract promises; throws a
 * message for the facilitator when it is not an http(s) URL. `:{port}` may stand for the port. */
export function normaliseParticipantUrl(text: string): string {
	if (text.includes(PORT_PLACEHOLDER)) {
		return normaliseParticipantUrl(text.replace(PORT_PLACEHOLDER, PROBE_PORT)).replace(PROBE_PORT, PORT_PLACEHOLDER);
	}
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw new Error(`"${text}" is not a URL (for example http://kohtaamo.local:8080/)`);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`"${text}" is not an http or https URL`);
	if (url.search || url.hash || url.username || url.password) {
		throw new Error(`"${text}" must not carry a query, a fragment or a user name`);
	}
	if (!url.pathname.endsWith('/')) url.pathname += '/';
	return url.href;
}
