/**
 * Moving the room to a new name and secret (issue #15, point 4): for removing a device, and for
 * closing the room to new devices — the board's half. The app follows it in
 * `ui/session/session-room.svelte.ts`.
 *
 * Why in the signed record: the remaining devices must learn the new room from someone they trust,
 * and the removed device must not learn it. So the facilitator (or a co-facilitator) signs a record
 * whose `roomMove` carries the new room sealed (`session/keys/sealing.ts`) to each remaining
 * device's join key — the public key it announces at join, which is not a name, so anonymous
 * sessions stay anonymous — and lists the removed device's key in `removed`. A device opens its
 * own wrap with its private key; the removed device finds none, and is told it has left.
 *
 * Closing is the same move keeping every device (`closed: true`): the new room's secret reaches
 * only the devices there now, so no link, QR code or poster leads into it, and the join panel
 * shows no invitation while the flag is set. Reopening signs the same room again with
 * `closed: false`; posters printed before the close still lead to the old room.
 *
 * The move is itself signed (`{body, by, sig}`, body `{seq, wraps, removed, closed}`), apart from the
 * record: a device asleep during the move wakes up in the old room, where the facilitator's device
 * hands it just this notice (`roomNotice`, passed on by `ui/session/room-signposts.ts`) — the
 * remaining devices find their wrap in it, the removed one learns only that it has left, and a new
 * device from an old poster learns only that the room is closed or moved, never the session's state.
 */
import type * as Y from 'yjs';
import { openSync, sealSync } from '../session/keys/sealing';
import {
	canonicalJson,
	fromBase64Url,
	isPublicKeyText,
	signSync,
	toBase64Url,
	verifySync
} from '../session/keys/signing';
import { authorityOf, readDelegation, type ControlState, type StoredRecord } from './authority';
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
	/** Every join key removed so far. */
	removed: string[];
	/** The room takes no new devices: the join panel shows no invitation. */
	closed: boolean;
}

/** What a device asleep during a move is handed in the old room: the signed move and the
 * delegation that makes a co-facilitator's signature count. */
export interface RoomNotice {
	move: StoredRecord;
	delegation: unknown;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
const TOKEN = /^[A-Za-z0-9_-]{8,100}$/;
export const MAX_ROOM_WRAPS = 500;
/** A notice larger than this is ignored (500 wraps and as many removed keys fit). */
export const MAX_NOTICE_CHARS = 400_000;

const contextFor = (seq: number) => encoder.encode(`kohtaamo/room-move/v1/${seq}`);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** Whether `body` is the canonical text of `parsed` (one notice, one spelling). Never throws: a
 * body that is no JSON, or holds a number too large to sign, is simply not canonical. */
function isCanonical(parsed: unknown, body: string): boolean {
	try {
		return parsed !== undefined && canonicalJson(parsed) === body;
	} catch {
		return false;
	}
}

/** A move's body, checked; malformed wraps and keys are left out. */
function readMoveBody(move: unknown): RoomMove | null {
	if (!isObject(move) || !Number.isSafeInteger(move.seq) || (move.seq as number) < 1 || !isObject(move.wraps))
		return null;
	const wraps: Record<string, string> = {};
	const entries = Object.entries(move.wraps);
	if (entries.length > MAX_ROOM_WRAPS) return null;
	for (const [key, wrap] of entries) if (isPublicKeyText(key) && typeof wrap === 'string') wraps[key] = wrap;
	const removed = Array.isArray(move.removed)
		? move.removed.filter((k): k is string => typeof k === 'string' && isPublicKeyText(k))
		: [];
	return { seq: move.seq as number, wraps, removed, closed: move.closed === true };
}

/** The record's room move, checked; null when there is none or it is malformed. The record itself
 * is verified, so the move's own signature is not checked again here. A move written before moves
 * were signed on their own (`{seq, wraps}` inline) reads too. */
export function readRoomMove(state: ControlState | null): RoomMove | null {
	const move = state ? (state as unknown as Record<string, unknown>).roomMove : undefined;
	if (isObject(move) && typeof move.body === 'string') {
		if (move.body.length > MAX_NOTICE_CHARS) return null;
		return readMoveBody(parseJson(move.body));
	}
	const read = readMoveBody(move);
	const removed = Array.isArray(state?.removed) ? state.removed.filter(isPublicKeyText) : [];
	return read && { ...read, removed };
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
 * Moves the room: `room` sealed to every key in `keep` (the devices that stay, this device's own
 * among them), and `remove` added to the removed list and never wrapped to. `closed` sets whether
 * the room takes new devices (unchanged when not given).
 */
export function moveRoom(
	doc: Y.Doc,
	actor: Actor,
	room: RoomKey,
	keep: string[],
	remove: string[] = [],
	options: { closed?: boolean } = {}
): CommandResult {
	if (!TOKEN.test(room.name) || !TOKEN.test(room.secret)) return { ok: false, reason: 'invalid' };
	const removed = new Set(remove.filter(isPublicKeyText));
	const keys = [...new Set(keep)].filter((key) => isPublicKeyText(key) && !removed.has(key));
	if (keys.length > MAX_ROOM_WRAPS) return { ok: false, reason: 'invalid' };
	const authority = authorityOf(doc);
	const by = authority?.signerKey;
	const privateKey = authority?.signerPrivateKey;
	// A move needs signed control: apps before it cannot follow one.
	if (!by || !privateKey) return { ok: false, reason: 'not-allowed' };
	return facilitatorChange(
		doc,
		actor,
		// Apps before signed control cannot follow a move: nothing for them in the plain fields.
		() => {},
		(state) => {
			const previous = readRoomMove(state);
			const seq = (previous?.seq ?? 0) + 1;
			const wraps: Record<string, string> = {};
			for (const key of keys) wraps[key] = wrapRoom(room, key, seq);
			state.removed = [...new Set([...state.removed, ...removed])];
			const body = canonicalJson({
				seq,
				wraps,
				removed: state.removed.filter(isPublicKeyText),
				closed: options.closed ?? previous?.closed ?? false
			});
			// Signed on its own (synchronously: commands are), so it can be handed on without the record.
			const sig = toBase64Url(signSync(privateKey, encoder.encode(body)));
			(state as unknown as Record<string, unknown>).roomMove = { body, by, sig } satisfies StoredRecord;
		}
	);
}

/** The room of the latest move as this device opens its wrap, its own pending move included (so
 * reopening right after closing keeps the room the close moved to). */
export function openMoveRoom(doc: Y.Doc): RoomKey | null {
	const authority = authorityOf(doc);
	const move = readRoomMove(authority?.state ?? null);
	const key = authority?.signerKey;
	const privateKey = authority?.signerPrivateKey;
	if (!move || !key || !privateKey || !Object.hasOwn(move.wraps, key)) return null;
	return unwrapRoom(move.wraps[key], privateKey, move.seq);
}

/** Whether the room is closed to new devices (this device's pending change included, for the UI). */
export function isRoomClosed(doc: Y.Doc): boolean {
	return readRoomMove(authorityOf(doc)?.state ?? null)?.closed ?? false;
}

/** The join keys the room was last wrapped to (so a later move keeps devices asleep now). */
export function wrappedKeys(doc: Y.Doc): string[] {
	return Object.keys(readRoomMove(authorityOf(doc)?.best?.state ?? null)?.wraps ?? {});
}

/** The notice a device hands on in the rooms the session left; null when there is no signed move. */
export function roomNotice(doc: Y.Doc): RoomNotice | null {
	const state = authorityOf(doc)?.best?.state;
	const move = state ? (state as unknown as Record<string, unknown>).roomMove : undefined;
	if (!state || !isObject(move) || typeof move.body !== 'string') return null;
	const { body, by, sig } = move;
	if (typeof by !== 'string' || typeof sig !== 'string') return null;
	return { move: { body, by, sig }, delegation: state.delegation };
}

/**
 * A notice received in an old room, checked: signed by the facilitator, or by a co-facilitator
 * the facilitator delegated to with a delegation at least as recent as `minDelegationSeq` (what
 * this device already knows — a revoked co-facilitator cannot use an old delegation).
 */
export function readRoomNotice(notice: unknown, facilitatorKey: Uint8Array, minDelegationSeq = 0): RoomMove | null {
	if (!isObject(notice) || !isObject(notice.move)) return null;
	const { body, by, sig } = notice.move;
	if (typeof body !== 'string' || typeof by !== 'string' || typeof sig !== 'string') return null;
	if (body.length > MAX_NOTICE_CHARS || !isPublicKeyText(by)) return null;
	if (by !== toBase64Url(facilitatorKey)) {
		const delegation = readDelegation(notice.delegation, facilitatorKey);
		if (!delegation || delegation.seq < minDelegationSeq || !delegation.keys.includes(by)) return null;
	}
	const parsed = parseJson(body);
	if (!isCanonical(parsed, body)) return null;
	if (!verifySync(fromBase64Url(by), encoder.encode(body), fromBase64Url(sig))) return null;
	return readMoveBody(parsed);
}

/** What a notice means for the device holding join key `key`. */
export type NoticeVerdict =
	{ kind: 'move'; room: RoomKey; seq: number } | { kind: 'removed' } | { kind: 'turned-away'; closed: boolean };

export function noticeVerdict(move: RoomMove, key: string, privateKey: Uint8Array): NoticeVerdict {
	if (move.removed.includes(key)) return { kind: 'removed' };
	const wrap = Object.hasOwn(move.wraps, key) ? move.wraps[key] : undefined;
	const room = wrap ? unwrapRoom(wrap, privateKey, move.seq) : null;
	return room ? { kind: 'move', room, seq: move.seq } : { kind: 'turned-away', closed: move.closed };
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
