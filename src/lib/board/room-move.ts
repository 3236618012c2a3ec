/**
 * Moving the room to a new name and secret, for removing a device (issue #15, point 4) — the board's
 * half only. NOT WIRED YET: no UI calls `moveRoom`, and the sync layer does not yet follow
 * `roomFor`; see README.md, "Removing a device".
 *
 * Why in the signed record: the remaining devices must learn the new room from someone they trust,
 * and the removed device must not learn it. So the facilitator (or a co-facilitator) signs a record
 * whose `roomMove` carries the new room sealed (`session/keys/sealing.ts`) to each remaining
 * device's join key — the public key it announces at join, which is not a name, so anonymous
 * sessions stay anonymous — and lists the removed device's key in `removed`. A device opens its
 * own wrap with its private key; the removed device finds none, and is told it has left.
 */
import type * as Y from 'yjs';
import { openSync, sealSync } from '../session/keys/sealing';
import { fromBase64Url, isPublicKeyText, toBase64Url } from '../session/keys/signing';
import { authorityOf, type ControlState } from './authority';
import type { CommandResult } from './commands';
import { facilitatorChange } from './control';
import type { Actor } from './types';

export interface RoomKey {
	name: string;
	secret: string;
}

export interface RoomMove {
	seq: number;
	/** Join key → the new room, sealed to that key. */
	wraps: Record<string, string>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
const TOKEN = /^[A-Za-z0-9_-]{8,100}$/;
export const MAX_ROOM_WRAPS = 500;

const contextFor = (seq: number) => encoder.encode(`kohtaamo/room-move/v1/${seq}`);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The record's room move, checked; null when there is none or it is malformed. */
export function readRoomMove(state: ControlState | null): RoomMove | null {
	const move = state ? (state as unknown as Record<string, unknown>).roomMove : undefined;
	if (!isObject(move) || !Number.isSafeInteger(move.seq) || (move.seq as number) < 1 || !isObject(move.wraps))
		return null;
	const wraps: Record<string, string> = {};
	const entries = Object.entries(move.wraps);
	if (entries.length > MAX_ROOM_WRAPS) return null;
	for (const [key, wrap] of entries) if (isPublicKeyText(key) && typeof wrap === 'string') wraps[key] = wrap;
	return { seq: move.seq as number, wraps };
}

/** The new room sealed to one join key. */
export function wrapRoom(room: RoomKey, joinKey: string, seq: number): string {
	const plain = encoder.encode(JSON.stringify({ name: room.name, secret: room.secret }));
	return toBase64Url(sealSync(fromBase64Url(joinKey), plain, { context: contextFor(seq) }));
}

/** Opens a wrap with a join key's private half; null unless it holds a well-formed room. */
export function unwrapRoom(wrap: string, privateKey: Uint8Array, seq: number): RoomKey | null {
	const plain = openSync(privateKey, fromBase64Url(wrap), contextFor(seq));
	if (!plain) return null;
	try {
		const room = JSON.parse(decoder.decode(plain)) as unknown;
		if (!isObject(room) || typeof room.name !== 'string' || typeof room.secret !== 'string') return null;
		if (!TOKEN.test(room.name) || !TOKEN.test(room.secret)) return null;
		return { name: room.name, secret: room.secret };
	} catch {
		return null;
	}
}

/**
 * Moves the room: `room` sealed to every key in `keep` (the remaining devices' join keys, this
 * device's own among them), and `remove` added to the removed list and never wrapped to.
 */
export function moveRoom(
	doc: Y.Doc,
	actor: Actor,
	room: RoomKey,
	keep: string[],
	remove: string[] = []
): CommandResult {
	if (!TOKEN.test(room.name) || !TOKEN.test(room.secret)) return { ok: false, reason: 'invalid' };
	const removed = new Set(remove.filter(isPublicKeyText));
	const keys = [...new Set(keep)].filter((key) => isPublicKeyText(key) && !removed.has(key));
	if (keys.length > MAX_ROOM_WRAPS) return { ok: false, reason: 'invalid' };
	return facilitatorChange(
		doc,
		actor,
		// Apps before signed control cannot follow a move: nothing for them in the plain fields.
		() => {},
		(state) => {
			const seq = (readRoomMove(state)?.seq ?? 0) + 1;
			const wraps: Record<string, string> = {};
			for (const key of keys) wraps[key] = wrapRoom(room, key, seq);
			state.removed = [...new Set([...state.removed, ...removed])];
			(state as unknown as Record<string, unknown>).roomMove = { seq, wraps } satisfies RoomMove;
		}
	);
}

/** The room this device must be in per the record: its own wrap opened; null when the record
 * moved no room or has nothing for this device. */
export function roomFor(doc: Y.Doc): (RoomKey & { seq: number }) | null {
	const authority = authorityOf(doc);
	// The signed record only, never this device's pending change: the facilitator's device must not
	// leave before its record is in the document the others receive.
	const move = readRoomMove(authority?.best?.state ?? null);
	const key = authority?.signerKey;
	const privateKey = authority?.signerPrivateKey;
	if (!move || !key || !privateKey || !Object.hasOwn(move.wraps, key)) return null;
	const room = unwrapRoom(move.wraps[key], privateKey, move.seq);
	return room ? { ...room, seq: move.seq } : null;
}

/** Whether the facilitator removed this device from the session (per the signed record). */
export function isRemoved(doc: Y.Doc): boolean {
	const authority = authorityOf(doc);
	const key = authority?.signerKey;
	return key !== null && key !== undefined && (authority?.best?.state.removed.includes(key) ?? false);
}
