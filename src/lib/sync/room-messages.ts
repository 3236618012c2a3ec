/**
 * What devices say to each other through the workshop server, and the clear envelope it travels in.
 *
 * Why this split: the server needs nothing to forward a frame but the topic, so the envelope carries
 * only routing — `from`, `to` (random peer ids) and, on relay frames, one sequence number per
 * recipient. Everything else (announce, leave, WebRTC offers/answers/candidates, relayed Yjs chunks)
 * is a `RoomMessage`, sealed by `room-crypto.ts` with the envelope's routing bound in as context.
 * Both halves arrive from the network, so both are parsed into types here or refused.
 *
 * Envelope (the `data` of a y-webrtc `publish`): `{ v: 1, from, to?, seq?, c }`, `c` = base64 of
 * the sealed message. No `to` means "everyone in the room".
 * Sealed message: one kind byte, then the body — JSON for announce and signal, raw bytes for relay.
 */
import { fromUtf8, isPeerId, prefixed, utf8 } from './bytes.ts';

export const ENVELOPE_VERSION = 1;
/** Recipients one frame may name; more than a workshop has devices. */
export const MAX_RECIPIENTS = 256;
const MAX_SDP_CHARS = 64 * 1024;
const MAX_CANDIDATE_CHARS = 4 * 1024;

export interface Envelope {
	v: typeof ENVELOPE_VERSION;
	from: string;
	to?: string[];
	/** Relay frames only: `seq[i]` counts the frames this sender has relayed to `to[i]`. */
	seq?: number[];
	c: string;
}

/** A WebRTC signal for one connection attempt (numbered by the initiating peer). */
export interface DirectSignal {
	attempt: number;
	description?: { type: 'offer' | 'answer'; sdp: string };
	candidate?: RTCIceCandidateInit;
	/** The sender gave up on this attempt. */
	hangup?: true;
}

export type RoomMessage =
	| { kind: 'announce'; clientId: number; rtc: boolean }
	| { kind: 'leave' }
	| { kind: 'signal'; signal: DirectSignal }
	| { kind: 'relay'; chunk: Uint8Array<ArrayBuffer> };

const KIND_ANNOUNCE = 1;
const KIND_LEAVE = 2;
const KIND_SIGNAL = 3;
const KIND_RELAY = 4;

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const isCount = (value: unknown): value is number =>
	typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function isPeerIdList(value: unknown): value is string[] {
	return Array.isArray(value) && value.length > 0 && value.length <= MAX_RECIPIENTS && value.every(isPeerId);
}

/** Parses the clear part of a frame; null when it is not an envelope we would send. */
export function parseEnvelope(data: unknown, maxSealedChars: number): Envelope | null {
	if (!isRecord(data) || data.v !== ENVELOPE_VERSION || !isPeerId(data.from)) return null;
	if (typeof data.c !== 'string' || data.c.length === 0 || data.c.length > maxSealedChars) return null;
	const envelope: Envelope = { v: ENVELOPE_VERSION, from: data.from, c: data.c };
	if (data.to !== undefined) {
		if (!isPeerIdList(data.to) || new Set(data.to).size !== data.to.length) return null;
		envelope.to = data.to;
	}
	if (data.seq !== undefined) {
		const to = envelope.to;
		if (!to || !Array.isArray(data.seq) || data.seq.length !== to.length || !data.seq.every(isCount)) return null;
		envelope.seq = data.seq;
	}
	return envelope;
}

/** The authenticated context of a sealed message: its routing, so it cannot be re-addressed. */
export function envelopeContext(room: string, envelope: Omit<Envelope, 'c'>): Uint8Array<ArrayBuffer> {
	return utf8(
		JSON.stringify(['kohtaamo-sync', envelope.v, room, envelope.from, envelope.to ?? null, envelope.seq ?? null])
	);
}

/** Serializes a room message for sealing. */
export function encodeRoomMessage(message: RoomMessage): Uint8Array<ArrayBuffer> {
	switch (message.kind) {
		case 'announce':
			return prefixed(KIND_ANNOUNCE, utf8(JSON.stringify({ c: message.clientId, r: message.rtc })));
		case 'leave':
			return Uint8Array.of(KIND_LEAVE);
		case 'signal': {
			const { attempt, description, candidate, hangup } = message.signal;
			return prefixed(KIND_SIGNAL, utf8(JSON.stringify({ a: attempt, d: description, i: candidate, h: hangup })));
		}
		case 'relay':
			return prefixed(KIND_RELAY, message.chunk);
	}
}

/** Parses a decrypted room message; null when it is not one we send. */
export function parseRoomMessage(bytes: Uint8Array<ArrayBuffer>): RoomMessage | null {
	if (bytes.length === 0) return null;
	const body = bytes.subarray(1);
	switch (bytes[0]) {
		case KIND_ANNOUNCE:
			return parseAnnounce(readJson(body));
		case KIND_LEAVE:
			return body.length === 0 ? { kind: 'leave' } : null;
		case KIND_SIGNAL: {
			const signal = parseSignal(readJson(body));
			return signal ? { kind: 'signal', signal } : null;
		}
		case KIND_RELAY:
			return body.length > 0 ? { kind: 'relay', chunk: body } : null;
		default:
			return null;
	}
}

function readJson(bytes: Uint8Array): unknown {
	const text = fromUtf8(bytes);
	if (text === null) return undefined;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

function parseAnnounce(raw: unknown): RoomMessage | null {
	if (!isRecord(raw) || !isCount(raw.c) || raw.c > 0xffffffff || typeof raw.r !== 'boolean') return null;
	return { kind: 'announce', clientId: raw.c, rtc: raw.r };
}

function parseSignal(raw: unknown): DirectSignal | null {
	if (!isRecord(raw) || !isCount(raw.a)) return null;
	const signal: DirectSignal = { attempt: raw.a };
	if (raw.d !== undefined) {
		const d = raw.d;
		if (!isRecord(d) || (d.type !== 'offer' && d.type !== 'answer')) return null;
		if (typeof d.sdp !== 'string' || d.sdp.length > MAX_SDP_CHARS) return null;
		signal.description = { type: d.type, sdp: d.sdp };
	}
	if (raw.i !== undefined) {
		const candidate = parseCandidate(raw.i);
		if (!candidate) return null;
		signal.candidate = candidate;
	}
	if (raw.h !== undefined) {
		if (raw.h !== true) return null;
		signal.hangup = true;
	}
	return signal;
}

function parseCandidate(raw: unknown): RTCIceCandidateInit | null {
	if (!isRecord(raw)) return null;
	const { candidate, sdpMid, sdpMLineIndex, usernameFragment } = raw;
	if (typeof candidate !== 'string' || candidate.length > MAX_CANDIDATE_CHARS) return null;
	const init: RTCIceCandidateInit = { candidate };
	if (sdpMid !== undefined && sdpMid !== null) {
		if (typeof sdpMid !== 'string' || sdpMid.length > 64) return null;
		init.sdpMid = sdpMid;
	}
	if (sdpMLineIndex !== undefined && sdpMLineIndex !== null) {
		if (!isCount(sdpMLineIndex) || sdpMLineIndex > 1024) return null;
		init.sdpMLineIndex = sdpMLineIndex;
	}
	if (usernameFragment !== undefined && usernameFragment !== null) {
		if (typeof usernameFragment !== 'string' || usernameFragment.length > 256) return null;
		init.usernameFragment = usernameFragment;
	}
	return init;
}
