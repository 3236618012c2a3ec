/**
 * The y-webrtc signaling protocol, as its own `bin/server.js` speaks it: JSON text frames
 * `subscribe {topics}`, `unsubscribe {topics}`, `publish {topic, data}` and `ping`. Every frame
 * from a client is untrusted: it is parsed here into a typed message or refused with a reason.
 * The reasons are the schemas' messages (they go to the server's log).
 */
import * as v from 'valibot';
import type { Limits } from './limits.ts';

const NOT_TOPIC = 'topic is not a non-empty string';

/** The message schema for one set of limits. */
function messageSchema(limits: Limits) {
	const topic = v.pipe(
		v.string(NOT_TOPIC),
		v.nonEmpty(NOT_TOPIC),
		v.maxLength(limits.maxTopicLength, 'topic name too long')
	);
	const topics = v.pipe(
		v.array(topic, 'topics is not a list'),
		v.maxLength(limits.maxTopicsPerConnection, 'too many topics in one message')
	);
	// A missing key gets its object's message: say which key is missing.
	const publishMissing = (issue: v.BaseIssue<unknown>) =>
		issue.path?.[0]?.key === 'data' ? 'publish without data' : NOT_TOPIC;
	return v.variant(
		'type',
		[
			v.object({ type: v.literal('subscribe'), topics }),
			v.object({ type: v.literal('unsubscribe'), topics }),
			v.object({ type: v.literal('publish'), topic, data: v.unknown() }, publishMissing),
			v.object({ type: v.literal('ping') })
		],
		'unknown message type'
	);
}

export type ClientMessage = v.InferOutput<ReturnType<typeof messageSchema>>;

export type ParseResult = { ok: true; message: ClientMessage } | { ok: false; reason: string };

/** Every frame names its type first; anything else is not a message at all. */
const Typed = v.looseObject({ type: v.string() });

/** Built once per set of limits (the server has one): frames are parsed on a hot path. */
const schemas = new WeakMap<Limits, ReturnType<typeof messageSchema>>();
const FIRST_PROBLEM = { abortEarly: true } as const;

export function parseClientMessage(text: string, limits: Limits): ParseResult {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return { ok: false, reason: 'frame is not JSON' };
	}
	if (Array.isArray(raw) || !v.is(Typed, raw)) return { ok: false, reason: 'frame has no message type' };
	let schema = schemas.get(limits);
	if (!schema) schemas.set(limits, (schema = messageSchema(limits)));
	const parsed = v.safeParse(schema, raw, FIRST_PROBLEM);
	return parsed.success ? { ok: true, message: parsed.output } : { ok: false, reason: parsed.issues[0].message };
}
