/**
 * The one path sealed text takes into and out of the document: private notes before reveal, notes
 * waiting for moderation, and ballots before results (issue #15).
 *
 * Why: these travel to every device — so a reveal works while the writer's phone sleeps — and a
 * participant with developer tools reads whatever their device stores. So their text is sealed
 * (`session/keys/sealing.ts`: ECDH P-256, HKDF, AES-GCM) to a key only the facilitator holds, and
 * opened on every device when the facilitator's signed record publishes that key's private half.
 *
 * Keys. Each is derived from a sealing root (itself derived from the facilitator's private key)
 * and a label — `reveal:<activity>`, `results:<activity>`, `moderation` — so nothing new must be
 * stored or backed up: a backup that carries the facilitator's key reveals after a restore. The
 * root is wrapped to each co-facilitator (`sealRoots`), who can then publish keys too. The public halves are in the signed
 * record (`sealKeys`, label → public key), added by the facilitator's device to every record it
 * signs (`withSealingKeys`); at reveal or results the record also carries the private half
 * (`openKeys`, label → private key). A participant's device learns keys only from a verified
 * record, so nobody else can make notes seal to a key they hold.
 *
 * The writer opens its own sealed text without keeping the plaintext anywhere: the envelope's
 * ephemeral key is derived from the device's secret, the text's context (note id) and a random
 * salt stored with the envelope (ECDH is symmetric, see `openAsSender`).
 *
 * Stored form: `s1.<recipient public key>.<salt>.<envelope>`, base64url parts. A text without the
 * `s1.` prefix under `sealedText` is a waiting note from before sealing and reads as plain text.
 *
 * Rotation. Revoking a co-facilitator raises the record's `sealEpoch`: from then on every key is
 * derived from a new root (`sealingRoots`: one per epoch, each from the facilitator's key), which
 * the revoked device never receives, so what is sealed after the revocation stays closed to it;
 * what was sealed before stays readable to it at the latest when it is revealed (it held that root).
 * Keys of earlier epochs stay in the record under `<label>@<epoch>`, so notes sealed before a
 * rotation still open at reveal; the remaining co-facilitators receive every epoch's root.
 *
 * Synchronous throughout (JavaScript implementation): the board's commands and reads are. Opening
 * is cached — successes for good, failures until the record publishes another key.
 */
import type * as Y from 'yjs';
import { openAsSender, openSync, sealSync } from '../session/keys/sealing';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { deriveSigningKey, fromBase64Url, isPublicKeyText, publicKeyOf, toBase64Url } from '../session/keys/signing';
import { authorityOf, type ControlState } from './authority';
import { MAX_NOTE_LENGTH, type Actor } from './types';

export const SEALED_PREFIX = 's1.';
/** A sealed note text (the limit's worth of four-byte characters, base64url) fits well inside. */
export const MAX_SEALED_CHARS = 200 + Math.ceil(((MAX_NOTE_LENGTH * 4 + 200) * 4) / 3);
const SALT_BYTES = 16;

export type SealLabel = 'moderation' | `reveal:${string}` | `results:${string}`;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const derived = new Map<string, { publicKey: string; privateKey: Uint8Array }>();

/**
 * The secret every sealing key of a session derives from. It is derived from the facilitator's key
 * (so a backup carrying that key reveals after a restore) and wrapped to each co-facilitator's
 * device key in the record (`sealRoots`), so a co-facilitator can publish reveal and results keys
 * when the facilitator's device is gone.
 */
export function sealingRoot(facilitatorPrivate: Uint8Array, epoch = 0): Uint8Array {
	// Epoch 0 keeps the label of sessions sealed before rotation existed.
	const label = epoch === 0 ? 'kohtaamo/seal-root/v1' : `kohtaamo/seal-root/v1/${epoch}`;
	return hmac(sha256, facilitatorPrivate, encoder.encode(label));
}

/** At most this many rotations (co-facilitator revocations) per session; later ones keep the last
 * root (said in the revoke dialog's help). Each adds a set of public keys to the record. */
export const MAX_SEAL_EPOCH = 32;

/** The record's sealing epoch (0 before any revocation). */
export function sealEpochOf(state: ControlState | Record<string, unknown>): number {
	const epoch = (state as Record<string, unknown>).sealEpoch;
	return typeof epoch === 'number' && Number.isSafeInteger(epoch) && epoch >= 0 ? Math.min(epoch, MAX_SEAL_EPOCH) : 0;
}

/** Every epoch's root up to `epoch`, oldest first (the facilitator's device). */
export function sealingRoots(facilitatorPrivate: Uint8Array, epoch: number): Uint8Array[] {
	return Array.from({ length: Math.min(epoch, MAX_SEAL_EPOCH) + 1 }, (_, e) => sealingRoot(facilitatorPrivate, e));
}

const labelAt = (label: string, epoch: number, current: number) => (epoch === current ? label : `${label}@${epoch}`);

/** A sealing label read back: its base label and epoch (`reveal:a1@0` → `reveal:a1`, 0). */
function splitLabel(label: string, current: number): { base: string; epoch: number } {
	const at = label.lastIndexOf('@');
	if (at < 0) return { base: label, epoch: current };
	const epoch = Number(label.slice(at + 1));
	return Number.isSafeInteger(epoch) && epoch >= 0 ? { base: label.slice(0, at), epoch } : { base: label, epoch: -1 };
}

/** The key pair a sealing root gives for a label (cached: derivation costs a scalar
 * multiplication). */
export function sealingKeyPair(root: Uint8Array, label: string) {
	const cacheKey = `${toBase64Url(root)}|${label}`;
	let pair = derived.get(cacheKey);
	if (!pair) {
		const keys = deriveSigningKey(root, `kohtaamo/seal/v1/${label}`);
		pair = { publicKey: toBase64Url(keys.publicKey), privateKey: keys.privateKey };
		if (derived.size > 1000) derived.clear();
		derived.set(cacheKey, pair);
	}
	return pair;
}

const ROOT_CONTEXT = encoder.encode('kohtaamo/seal-root');

/** The sealing roots as a co-facilitator receives them (every epoch's, oldest first, one after
 * the other): sealed to its device key. */
export function wrapRoot(roots: Uint8Array | Uint8Array[], delegateKey: string): string {
	const list = Array.isArray(roots) ? roots : [roots];
	const joined = new Uint8Array(list.length * 32);
	list.forEach((root, i) => joined.set(root, i * 32));
	return toBase64Url(sealSync(fromBase64Url(delegateKey), joined, { context: ROOT_CONTEXT }));
}

/** The sealing roots this device may use, one per epoch up to the record's: the facilitator's
 * own, or those wrapped to this device in the record (a co-facilitator); null for everyone else —
 * a revoked co-facilitator included, whose wrap is gone. */
export function rootFor(
	state: ControlState,
	signer: { publicKey: string; privateKey: Uint8Array } | null,
	isFacilitator: boolean
): Uint8Array[] | null {
	if (!signer) return null;
	const epoch = sealEpochOf(state);
	if (isFacilitator) return sealingRoots(signer.privateKey, epoch);
	const roots = (state as unknown as Record<string, unknown>).sealRoots;
	const wrapped = isObject(roots) ? roots[signer.publicKey] : undefined;
	if (typeof wrapped !== 'string') return null;
	const joined = openSync(signer.privateKey, fromBase64Url(wrapped), ROOT_CONTEXT);
	// Exactly the record's epochs: a wrap from before a rotation is not used for the new one.
	if (!joined || joined.length !== (epoch + 1) * 32) return null;
	return Array.from({ length: epoch + 1 }, (_, e) => joined.slice(e * 32, e * 32 + 32));
}

/** The signed record's sealing keys, checked: malformed entries are left out. */
function sealingOf(state: ControlState): { sealKeys: Map<string, string>; openKeys: Map<string, Uint8Array> } {
	const cached = sealingCache.get(state);
	if (cached) return cached;
	const sealKeys = new Map<string, string>();
	const openKeys = new Map<string, Uint8Array>();
	const { sealKeys: seal, openKeys: open } = state as unknown as Record<string, unknown>;
	if (isObject(seal))
		for (const [label, key] of Object.entries(seal))
			if (typeof key === 'string' && isPublicKeyText(key)) sealKeys.set(label, key);
	if (isObject(open))
		for (const [label, key] of Object.entries(open)) {
			if (typeof key !== 'string' || !sealKeys.has(label)) continue;
			const privateKey = fromBase64Url(key);
			try {
				// Only a private half that matches the published public half counts.
				if (privateKey.length === 32 && toBase64Url(publicKeyOf(privateKey)) === sealKeys.get(label))
					openKeys.set(label, privateKey);
			} catch {
				// Not a scalar on the curve.
			}
		}
	const result = { sealKeys, openKeys };
	sealingCache.set(state, result);
	return result;
}
const sealingCache = new WeakMap<ControlState, ReturnType<typeof sealingOf>>();

/**
 * The state with every sealing key the facilitator owes: a public key for each activity's reveal
 * and results and for moderation, and the private key of each reveal and results already shown —
 * for the current epoch under the plain label, for each earlier one under `<label>@<epoch>`.
 * Called on the facilitator's (and co-facilitators') device for every record it signs. `roots`:
 * every epoch's root, oldest first (`rootFor`).
 */
export function withSealingKeys(
	state: ControlState,
	roots: Uint8Array | Uint8Array[],
	delegates: string[] = []
): ControlState {
	const list = Array.isArray(roots) ? roots : [roots];
	const current = list.length - 1;
	const record = state as unknown as Record<string, unknown>;
	const sealKeys: Record<string, string> = isObject(record.sealKeys)
		? { ...(record.sealKeys as Record<string, string>) }
		: {};
	const openKeys: Record<string, string> = isObject(record.openKeys)
		? { ...(record.openKeys as Record<string, string>) }
		: {};
	const labels: string[] = ['moderation'];
	for (const id of Object.keys(state.activities)) labels.push(`reveal:${id}`, `results:${id}`);
	list.forEach((root, epoch) => {
		for (const label of labels) sealKeys[labelAt(label, epoch, current)] = sealingKeyPair(root, label).publicKey;
		for (const [id, entry] of Object.entries(state.activities)) {
			for (const [flag, label] of [
				[entry.revealed, `reveal:${id}`],
				[entry.resultsShown, `results:${id}`]
			] as const)
				if (flag === true)
					openKeys[labelAt(label, epoch, current)] = toBase64Url(sealingKeyPair(root, label).privateKey);
		}
	});
	// Wrapped once per co-facilitator and epoch (a new wrap every record would grow the document).
	const old = isObject(record.sealRoots) ? (record.sealRoots as Record<string, string>) : {};
	const fresh = record.sealRootsEpoch === current;
	const sealRoots: Record<string, string> = {};
	for (const key of delegates) sealRoots[key] = fresh && typeof old[key] === 'string' ? old[key] : wrapRoot(list, key);
	return { ...state, sealKeys, openKeys, sealRoots, sealRootsEpoch: current } as ControlState;
}

/** The public key to seal to for a label, or null when there is none or it is already opened (the
 * text is then written plain: everyone may read it). */
function recipientFor(doc: Y.Doc, label: SealLabel): string | null {
	const authority = authorityOf(doc);
	if (!authority) return null;
	const { sealKeys, openKeys } = sealingOf(authority.state);
	return openKeys.has(label) ? null : (sealKeys.get(label) ?? null);
}

const senderKey = (device: Uint8Array, context: string, salt: string) =>
	deriveSigningKey(device, `kohtaamo/seal/v1/sender/${context}/${salt}`).privateKey;

/**
 * Seals text for a label, bound to `context` (the note's id, the ballot's key). Null when the
 * session has no such key yet (a session from before signed control, or before the facilitator's
 * device signed one) or it is already opened, or this device has no secret: write the text plain.
 */
export function sealText(doc: Y.Doc, actor: Actor, context: string, label: SealLabel, text: string): string | null {
	const recipient = recipientFor(doc, label);
	if (!recipient || !actor.secrets) return null;
	const salt = toBase64Url(crypto.getRandomValues(new Uint8Array(SALT_BYTES)));
	const ephemeral = senderKey(actor.secrets.device, context, salt);
	const sealed = sealSync(fromBase64Url(recipient), encoder.encode(text), {
		ephemeral,
		context: encoder.encode(context)
	});
	const stored = `${SEALED_PREFIX}${recipient}.${salt}.${toBase64Url(sealed)}`;
	cachesOf(doc)?.opened.set(`${context}|${stored}`, text);
	return stored;
}

/** Whether a stored value is sealed text (in the `s1.` form, whether or not this device opens it). */
export const isSealed = (value: unknown): value is string =>
	typeof value === 'string' && value.startsWith(SEALED_PREFIX);

/** Which label a sealed value was sealed for, per the current record, without its epoch (an edit
 * seals again to the current epoch's key); null when unknown. */
export function labelOf(doc: Y.Doc, value: string): string | null {
	const authority = authorityOf(doc);
	if (!authority || !isSealed(value)) return null;
	const recipient = value.slice(SEALED_PREFIX.length).split('.')[0];
	for (const [label, key] of sealingOf(authority.state).sealKeys)
		if (key === recipient) return splitLabel(label, 0).base;
	return null;
}

/** Per device (authority), never shared: one device's opened text must not leak to another's
 * reads (several documents live in one test process). */
const caches = new WeakMap<object, { opened: Map<string, string>; failed: Map<string, string> }>();
function cachesOf(doc: Y.Doc | null | undefined) {
	const authority = authorityOf(doc);
	if (!authority) return null;
	let found = caches.get(authority);
	if (!found) caches.set(authority, (found = { opened: new Map(), failed: new Map() }));
	return found;
}

/** What this device can open with, as one string: a failure is retried only when it changes. */
function keyringVersion(doc: Y.Doc): string {
	const authority = authorityOf(doc);
	if (!authority) return '';
	return `${authority.sealingRoots?.length ?? 0}|${[...sealingOf(authority.state).openKeys.keys()].join(',')}`;
}

/**
 * Opens sealed text: with the private half the record published, with the facilitator's own key
 * on the facilitator's device, or as its writer. Undefined when the value is malformed, null when
 * this device cannot open it (yet).
 */
export function openText(doc: Y.Doc | null | undefined, context: string, value: unknown): string | null | undefined {
	if (typeof value !== 'string' || value.length > MAX_SEALED_CHARS || !isSealed(value)) return undefined;
	const parts = value.slice(SEALED_PREFIX.length).split('.');
	if (parts.length !== 3 || !isPublicKeyText(parts[0])) return undefined;
	const authority = authorityOf(doc);
	const { opened, failed } = cachesOf(doc) ?? {};
	if (!authority || !opened || !failed) return null;
	const cacheKey = `${context}|${value}`;
	const known = opened.get(cacheKey);
	if (known !== undefined) return known;
	const version = keyringVersion(doc!);
	if (failed.get(cacheKey) === version) return null;
	const [recipient, salt, body] = parts;
	const envelope = fromBase64Url(body);
	const aad = encoder.encode(context);
	const { sealKeys, openKeys } = sealingOf(authority.state);
	let plain: Uint8Array | null = null;
	for (const [label, key] of sealKeys) {
		if (key !== recipient) continue;
		const roots = authority.sealingRoots;
		const { base, epoch } = splitLabel(label, (roots?.length ?? 1) - 1);
		const root = roots?.[epoch];
		const privateKey = openKeys.get(label) ?? (root ? sealingKeyPair(root, base).privateKey : undefined);
		if (privateKey) plain = openSync(privateKey, envelope, aad);
		break;
	}
	if (!plain && authority.signerPrivateKey && fromBase64Url(salt).length === SALT_BYTES)
		plain = openAsSender(senderKey(authority.signerPrivateKey, context, salt), fromBase64Url(recipient), envelope, aad);
	let text: string | null = null;
	try {
		text = plain ? decoder.decode(plain) : null;
	} catch {
		text = null;
	}
	// Bounded: every note of a large session fits; a flood of junk cannot grow them without end.
	if (opened.size > 20_000) opened.clear();
	if (failed.size > 20_000) failed.clear();
	if (text !== null && text.length > MAX_NOTE_LENGTH) text = null;
	if (text !== null) opened.set(cacheKey, text);
	else failed.set(cacheKey, version);
	return text;
}

/** A waiting note's text as stored: sealed to the facilitator's moderation key when the session
 * has one, else plain (sessions from before signed control). */
export function sealWaitingText(doc: Y.Doc, actor: Actor, noteId: string, text: string): string {
	return sealText(doc, actor, noteId, 'moderation', text) ?? text;
}

/** The text of a waiting note: undefined when missing or malformed, null when this device cannot
 * open it (anyone but the facilitator and the writer). */
export function openWaitingText(
	doc: Y.Doc | null | undefined,
	noteId: string,
	sealed: unknown
): string | null | undefined {
	if (isSealed(sealed)) return openText(doc, noteId, sealed);
	return typeof sealed === 'string' && sealed.length <= MAX_NOTE_LENGTH ? sealed : undefined;
}

/**
 * Writes every sealed text of a document plain, opened with the session's sealing root: for a copy
 * of a session that gets a new facilitator key (`export/backup-copy.ts`) and so could never open
 * them. Opened notes lose their owner signature (it signed the sealed form), so the copy reads them
 * as notes from before signed control. Not a board command: it rewrites a scratch copy that no
 * other device shares, before its activities are re-keyed (the keys' labels name the old ids).
 */
export function unsealAll(doc: Y.Doc, roots: Uint8Array | Uint8Array[], activityIds: string[], origin: unknown): void {
	const keys = new Map<string, Uint8Array>();
	for (const root of Array.isArray(roots) ? roots : [roots])
		for (const label of ['moderation', ...activityIds.flatMap((id) => [`reveal:${id}`, `results:${id}`])]) {
			const pair = sealingKeyPair(root, label);
			keys.set(pair.publicKey, pair.privateKey);
		}
	const open = (context: string, value: unknown): string | null => {
		if (!isSealed(value)) return null;
		const [recipient, , body] = value.slice(SEALED_PREFIX.length).split('.');
		const privateKey = keys.get(recipient);
		const plain = privateKey && body ? openSync(privateKey, fromBase64Url(body), encoder.encode(context)) : null;
		try {
			return plain ? decoder.decode(plain) : null;
		} catch {
			return null;
		}
	};
	doc.transact(() => {
		doc.getMap<unknown>('notes').forEach((note, id) => {
			if (!isObject(note) || typeof (note as { get?: unknown }).get !== 'function') return;
			const map = note as unknown as Y.Map<unknown>;
			const text = open(id, map.get('sealedText'));
			if (text === null) return;
			if (map.get('moderation') === 'waiting') map.set('sealedText', text);
			else {
				map.set('text', text);
				map.delete('sealedText');
			}
			map.delete('owner');
			map.delete('textSig');
		});
		const votes = doc.getMap<unknown>('votes');
		for (const [key, ballot] of [...votes.entries()]) {
			if (!isObject(ballot)) continue;
			const text = open(`ballot/${key}`, ballot.sealed);
			if (text === null) continue;
			const { sealed: _sealed, ...rest } = ballot;
			try {
				votes.set(key, { ...rest, noteIds: JSON.parse(text) as unknown });
			} catch {
				// Not a ballot: left sealed, and skipped by readers.
			}
		}
	}, origin);
}
