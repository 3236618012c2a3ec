/**
 * The y-webrtc signaling protocol, as its own `bin/server.js` speaks it: JSON text frames
 * `subscribe {topics}`, `unsubscribe {topics}`, `publish {topic, data}` and `ping`. Every frame
 * from a client is untrusted: it is parsed here into a typed message or refused with a reason.
 */
import type { Limits } from './limits.ts';

export type ClientMessage =
	| { type: 'subscribe'; topics: string[] }
	| { type: 'unsubscribe'; topics: string[] }
	| { type: 'publish'; topic: string; data: unknown }
	| { type: 'ping' };

export type ParseResult = { ok: true; message: ClientMessage } | { ok: false; reason: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseTopics(value: unknown, limits: Limits): string[] | string {
	if (!Array.isArray(value)) return 'topics is not a list';
	if (value.length > limits.maxTopicsPerConnection) return 'too many topics in one message';
	for (const topic of value) {
		const problem = topicProblem(topic, limits);
		if (problem) return problem;
	}
	return value as string[];
}

function topicProblem(topic: unknown, limits: Limits): string | null {
	if (typeof topic !== 'string' || topic.length === 0) return 'topic is not a non-empty string';
	if (topic.length > limits.maxTopicLength) return 'topic name too long';
	return null;
}

export function parseClientMessage(text: string, limits: Limits): ParseResult {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return { ok: false, reason: 'frame is not JSON' };
	}
	if (!isRecord(raw) || typeof raw.type !== 'string') {
		return { ok: false, reason: 'frame has no message type' };
	}
	switch (raw.type) {
		case 'subscribe':
		case 'unsubscribe': {
			const topics = parseTopics(raw.topics, limits);
			if (typeof topics === 'string') return { ok: false, reason: topics };
			return { ok: true, message: { type: raw.type, topics } };
		}
		case 'publish': {
			const problem = topicProblem(raw.topic, limits);
			if (problem) return { ok: false, reason: problem };
			if (!('data' in raw)) return { ok: false, reason: 'publish without data' };
			return { ok: true, message: { type: 'publish', topic: raw.topic as string, data: raw.data } };
		}
		case 'ping':
			return { ok: true, message: { type: 'ping' } };
		default:
			return { ok: false, reason: 'unknown message type' };
	}
}
