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
import * as v from 'valibot';
import { fromUtf8, isPeerId, prefixed, utf8 } from './bytes.ts';

export const ENVELOPE_VERSION = 1;
/** Recipients one frame may name; more than a workshop has devices. */
export const MAX_RECIPIENTS = 256;
const MAX_SDP_CHARS = 64 * 1024;
const MAX_CANDIDATE_CHARS = 4 * 1024;

// Schemas are built once: envelopes and room messages are parsed for every frame.
const PeerId = v.custom<string>(isPeerId);
const Count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
/** Refused at the first problem: a frame is dropped whole, and nobody reads why. */
const FIRST_PROBLEM = { abortEarly: true } as const;

const EnvelopeSchema = v.pipe(
	v.object({
		v: v.literal(ENVELOPE_VERSION),
		from: PeerId,
		to: v.optional(
			v.pipe(
				v.array(PeerId),
				v.minLength(1),
				v.maxLength(MAX_RECIPIENTS),
				v.check((to) => new Set(to).size === to.length)
			)
		),
		/** Relay frames only: `seq[i]` counts the frames this sender has relayed to `to[i]`. */
		seq: v.optional(v.array(Count)),
		c: v.pipe(v.string(), v.nonEmpty())
	}),
	v.check(({ to, seq }) => seq === undefined || (to !== undefined && seq.length === to.length))
);

export type Envelope = v.InferOutput<typeof EnvelopeSchema>;

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

/** A text field that may be left out or null (browsers write null); read as absent then. */
const maybe = <T extends v.GenericSchema>(schema: T) => v.nullish(schema);
const withoutNulls = <T extends object>(value: T) =>
	Object.fromEntries(Object.entries(value).filter(([, item]) => item !== null && item !== undefined)) as {
		[K in keyof T]: Exclude<T[K], null>;
	};

/** Announce body: `{c: awareness client id, r: can do WebRTC}`. */
const AnnounceSchema = v.pipe(
	v.object({ c: v.pipe(Count, v.maxValue(0xffffffff)), r: v.boolean() }),
	v.transform(({ c, r }): RoomMessage => ({ kind: 'announce', clientId: c, rtc: r }))
);

const CandidateSchema = v.pipe(
	v.object({
		candidate: v.pipe(v.string(), v.maxLength(MAX_CANDIDATE_CHARS)),
		sdpMid: maybe(v.pipe(v.string(), v.maxLength(64))),
		sdpMLineIndex: maybe(v.pipe(Count, v.maxValue(1024))),
		usernameFragment: maybe(v.pipe(v.string(), v.maxLength(256)))
	}),
	v.transform(withoutNulls)
) satisfies v.GenericSchema<unknown, RTCIceCandidateInit>;

/** Signal body: `{a: attempt, d?: description, i?: candidate, h?: true}`. */
const SignalSchema = v.pipe(
	v.object({
		a: Count,
		d: v.optional(
			v.object({ type: v.picklist(['offer', 'answer']), sdp: v.pipe(v.string(), v.maxLength(MAX_SDP_CHARS)) })
		),
		i: v.optional(CandidateSchema),
		h: v.optional(v.literal(true))
	}),
	v.transform(({ a, d, i, h }): RoomMessage => {
		const signal: DirectSignal = { attempt: a };
		if (d) signal.description = d;
		if (i) signal.candidate = i;
		if (h) signal.hangup = h;
		return { kind: 'signal', signal };
	})
);

/** Parses the clear part of a frame; null when it is not an envelope we would send. */
export function parseEnvelope(data: unknown, maxSealedChars: number): Envelope | null {
	const parsed = v.safeParse(EnvelopeSchema, data, FIRST_PROBLEM);
	return parsed.success && parsed.output.c.length <= maxSealedChars ? parsed.output : null;
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
			return parseJson(AnnounceSchema, body);
		case KIND_LEAVE:
			return body.length === 0 ? { kind: 'leave' } : null;
		case KIND_SIGNAL:
			return parseJson(SignalSchema, body);
		case KIND_RELAY:
			return body.length > 0 ? { kind: 'relay', chunk: body } : null;
		default:
			return null;
	}
}

function parseJson(schema: v.GenericSchema<unknown, RoomMessage>, bytes: Uint8Array): RoomMessage | null {
	const text = fromUtf8(bytes);
	if (text === null) return null;
	let raw: unknown;
	try {
		raw = JSON.parse(text) as unknown;
	} catch {
		return null;
	}
	const parsed = v.safeParse(schema, raw, FIRST_PROBLEM);
	return parsed.success ? parsed.output : null;
}
