/**
 * What the workshop server tells the app about itself at `/kohtaamo-server.json`: the addresses at
 * which participants' phones can reach it. The facilitator may have opened the app on `localhost`
 * (useless to a phone) or over HTTPS with the server's own authority (a certificate warning on
 * every phone that has not installed it); the join link must not follow that address but point
 * phones at a plain address on the workshop's network. Validated here, at the edge, because a
 * static host or an old server may answer with anything.
 */
import * as v from 'valibot';

export const SERVER_INFO_PATH = 'kohtaamo-server.json';
export const SERVER_INFO_VERSION = 1;
export const MAX_PARTICIPANT_BASES = 16;

const HttpUrl = v.pipe(
	v.string(),
	v.maxLength(300),
	v.check((value) => {
		try {
			const url = new URL(value);
			return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password && !url.hash;
		} catch {
			return false;
		}
	}, 'not an http(s) address')
);

export const ParticipantBaseSchema = v.object({
	/** The network interface (or "configured") the address belongs to, shown to the facilitator. */
	label: v.pipe(v.string(), v.maxLength(60)),
	/** The app's root on that address, with a trailing slash. */
	url: HttpUrl
});
export type ParticipantBase = v.InferOutput<typeof ParticipantBaseSchema>;

export const ParticipantBasesSchema = v.pipe(v.array(ParticipantBaseSchema), v.maxLength(MAX_PARTICIPANT_BASES));

const ServerInfoSchema = v.object({
	version: v.literal(SERVER_INFO_VERSION),
	participantBases: ParticipantBasesSchema,
	/** True when the server runs with a certificate the museum gave it (links are HTTPS then). */
	given: v.optional(v.boolean(), false)
});
export type ServerInfo = v.InferOutput<typeof ServerInfoSchema>;

/** Reads the server's answer; null for anything that is not a valid version-1 answer. */
export function parseServerInfo(value: unknown): ServerInfo | null {
	const result = v.safeParse(ServerInfoSchema, value);
	if (!result.success) return null;
	return { ...result.output, participantBases: result.output.participantBases.map(withSlash) };
}

const withSlash = (base: ParticipantBase): ParticipantBase => ({
	...base,
	url: base.url.endsWith('/') ? base.url : `${base.url}/`
});

/** Names no phone can reach: the facilitator's own machine. */
export function isLoopbackUrl(url: string): boolean {
	try {
		const host = new URL(url).hostname;
		return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\./.test(host);
	} catch {
		return false;
	}
}

/**
 * The base a join link uses. The facilitator's remembered choice wins while the server still offers
 * it; then the server's first address; then, with no server answer at all (a static host), the
 * page's own address unless that is loopback.
 */
export function chooseParticipantBase(
	offered: readonly ParticipantBase[],
	remembered: string | undefined,
	pageBase: string
): { url: string; reachable: boolean } {
	const chosen = offered.find((b) => b.url === remembered) ?? offered[0];
	if (chosen) return { url: chosen.url, reachable: true };
	return { url: pageBase, reachable: !isLoopbackUrl(pageBase) };
}
