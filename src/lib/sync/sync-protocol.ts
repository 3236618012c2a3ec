/**
 * The messages two peers exchange once a link (direct or relayed) is open: the y-protocols sync and
 * awareness messages, plus three small controls.
 *
 * Why a layer of our own around y-protocols: messages from peers are untrusted input. They are parsed
 * here into a typed `PeerMessage` or refused (null) — never half-applied, never thrown into an event
 * handler. Awareness updates are rebuilt entry by entry, so a peer cannot overwrite this device's own
 * presence. (y-protocols' own `readSyncMessage` logs apply errors to the console; we report them.)
 *
 * Layout: one kind byte, then the body.
 *   0 sync      — a y-protocols sync message (step 1, step 2 or update)
 *   1 awareness — a y-protocols awareness update
 *   2 resync    — "please run a sync exchange with me" (send step 1 and your presence); one flag
 *                 byte: urgent (I have news for you, do not skip because we synced a moment ago)
 *   3 ping      — keeps a quiet data channel alive
 *   4 bye       — the sender is leaving the room
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

const KIND_SYNC = 0;
const KIND_AWARENESS = 1;
const KIND_RESYNC = 2;
const KIND_PING = 3;
const KIND_BYE = 4;

/** Awareness entries accepted in one update; a workshop has tens of devices. */
const MAX_AWARENESS_ENTRIES = 1000;

export type PeerMessage =
	| { kind: 'sync-step1'; stateVector: Uint8Array }
	| { kind: 'sync-step2'; update: Uint8Array }
	| { kind: 'sync-update'; update: Uint8Array }
	| { kind: 'awareness'; update: Uint8Array }
	| { kind: 'resync'; urgent: boolean }
	| { kind: 'ping' }
	| { kind: 'bye' };

function finish(encoder: encoding.Encoder): Uint8Array<ArrayBuffer> {
	return encoding.toUint8Array(encoder) as Uint8Array<ArrayBuffer>;
}

/** Sync step 1: this document's state vector ("what I have"). */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array<ArrayBuffer> {
	const encoder = encoding.createEncoder();
	encoding.writeUint8(encoder, KIND_SYNC);
	syncProtocol.writeSyncStep1(encoder, doc);
	return finish(encoder);
}

/** Sync step 2: what `doc` has that a peer with `stateVector` lacks. Throws on a corrupt vector. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array<ArrayBuffer> {
	const encoder = encoding.createEncoder();
	encoding.writeUint8(encoder, KIND_SYNC);
	syncProtocol.writeSyncStep2(encoder, doc, stateVector);
	return finish(encoder);
}

/** An incremental document update. */
export function encodeUpdate(update: Uint8Array): Uint8Array<ArrayBuffer> {
	const encoder = encoding.createEncoder();
	encoding.writeUint8(encoder, KIND_SYNC);
	syncProtocol.writeUpdate(encoder, update);
	return finish(encoder);
}

/** The awareness states of `clients` (removed clients are encoded as null states). */
export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array<ArrayBuffer> {
	const encoder = encoding.createEncoder();
	encoding.writeUint8(encoder, KIND_AWARENESS);
	encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
	return finish(encoder);
}

/** A request for a sync exchange; `urgent` when the sender has data the receiver may lack. */
export function encodeResync(urgent: boolean): Uint8Array<ArrayBuffer> {
	return Uint8Array.of(KIND_RESYNC, urgent ? 1 : 0);
}

export function encodeControl(kind: 'ping' | 'bye'): Uint8Array<ArrayBuffer> {
	return Uint8Array.of(kind === 'ping' ? KIND_PING : KIND_BYE);
}

/** Parses a message from a peer; null when it is not one we send. */
export function parsePeerMessage(bytes: Uint8Array): PeerMessage | null {
	try {
		const decoder = decoding.createDecoder(bytes);
		const kind = decoding.readUint8(decoder);
		switch (kind) {
			case KIND_SYNC: {
				const type = decoding.readVarUint(decoder);
				const data = decoding.readVarUint8Array(decoder);
				if (decoding.hasContent(decoder)) return null;
				if (type === syncProtocol.messageYjsSyncStep1) return { kind: 'sync-step1', stateVector: data };
				if (type === syncProtocol.messageYjsSyncStep2) return { kind: 'sync-step2', update: data };
				if (type === syncProtocol.messageYjsUpdate) return { kind: 'sync-update', update: data };
				return null;
			}
			case KIND_AWARENESS: {
				const update = decoding.readVarUint8Array(decoder);
				return decoding.hasContent(decoder) ? null : { kind: 'awareness', update };
			}
			case KIND_RESYNC: {
				const flags = decoding.readUint8(decoder);
				return flags > 1 || decoding.hasContent(decoder) ? null : { kind: 'resync', urgent: flags === 1 };
			}
			case KIND_PING:
			case KIND_BYE:
				if (decoding.hasContent(decoder)) return null;
				return { kind: kind === KIND_PING ? 'ping' : 'bye' };
			default:
				return null;
		}
	} catch {
		return null;
	}
}

/**
 * Validates an awareness update from a peer and rebuilds it without entries that would replace this
 * device's own state (a removal of it is kept: y-protocols answers that by re-announcing us).
 * Returns null when the update is malformed or its states are not JSON objects or null.
 */
export function sanitizeAwarenessUpdate(update: Uint8Array, localClientId: number): Uint8Array | null {
	try {
		const decoder = decoding.createDecoder(update);
		const count = decoding.readVarUint(decoder);
		if (count > MAX_AWARENESS_ENTRIES) return null;
		const entries: { client: number; clock: number; json: string }[] = [];
		for (let i = 0; i < count; i++) {
			const client = decoding.readVarUint(decoder);
			const clock = decoding.readVarUint(decoder);
			const json = decoding.readVarString(decoder);
			const state: unknown = JSON.parse(json);
			if (state !== null && (typeof state !== 'object' || Array.isArray(state))) return null;
			if (client === localClientId && state !== null) continue;
			entries.push({ client, clock, json });
		}
		if (decoding.hasContent(decoder)) return null;
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, entries.length);
		for (const entry of entries) {
			encoding.writeVarUint(encoder, entry.client);
			encoding.writeVarUint(encoder, entry.clock);
			encoding.writeVarString(encoder, entry.json);
		}
		return encoding.toUint8Array(encoder);
	} catch {
		return null;
	}
}
