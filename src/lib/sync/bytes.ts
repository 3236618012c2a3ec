/**
 * Byte helpers for messages from the network: strict base64, peer ids, UTF-8.
 *
 * Why strict: Node's `Buffer.from(text, 'base64')` silently skips characters that are not base64,
 * so a mangled frame would decode to *something*. Everything that arrives from the server or a peer
 * is checked here and refused (null) when it is not exactly what we send.
 */
import { fromBase64 as decodeBase64, toBase64 as encodeBase64 } from 'lib0/buffer';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const PEER_ID = /^[0-9a-f]{24}$/;

/** A fresh random peer id: 12 random bytes as 24 lowercase hex digits. */
export function randomPeerId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(12));
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Whether a value from the network is a peer id in the form `randomPeerId` makes. */
export function isPeerId(value: unknown): value is string {
	return typeof value === 'string' && PEER_ID.test(value);
}

export function toBase64(bytes: Uint8Array): string {
	return encodeBase64(bytes);
}

/** Decodes canonical base64 of at most `maxChars` characters; anything else gives null. */
export function fromBase64(text: unknown, maxChars: number): Uint8Array<ArrayBuffer> | null {
	if (typeof text !== 'string' || text.length > maxChars || !BASE64.test(text)) return null;
	try {
		// lib0 returns a fresh copy, never a view on a pooled buffer.
		return decodeBase64(text) as Uint8Array<ArrayBuffer>;
	} catch {
		return null;
	}
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function utf8(text: string): Uint8Array<ArrayBuffer> {
	return encoder.encode(text);
}

/** Decodes UTF-8, or null when the bytes are not valid UTF-8. */
export function fromUtf8(bytes: Uint8Array): string | null {
	try {
		return decoder.decode(bytes);
	} catch {
		return null;
	}
}

/** A fresh array holding `prefix` followed by `body`. */
export function prefixed(prefix: number, body: Uint8Array): Uint8Array<ArrayBuffer> {
	const out = new Uint8Array(body.length + 1);
	out[0] = prefix;
	out.set(body, 1);
	return out;
}
