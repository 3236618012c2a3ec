/**
 * Notes owned by a per-note key. Why: any device can write any note's keys or delete it, and Yjs
 * records no author. So a note carries the public half of a key made for it (`owner`) and a
 * signature of its text (`textSig`) by that key or by the facilitator; a delete is valid only with
 * a signed tombstone in the top-level `noteDeletions` map. Readers skip a note whose text is not
 * validly signed, and honest devices put back what was changed or deleted without a signature
 * (`note-guard.ts`).
 *
 * The note's private key is derived from this device's secret and the note's id
 * (`deriveSigningKey`): nothing per note is stored, a restored backup (which carries the secret)
 * still owns its notes, and one person's notes are not linked by a shared key — anonymity holds.
 *
 * Only sessions with signed control check notes (the facilitator's key is needed to accept the
 * facilitator's edits and deletes); notes without `owner` come from apps before it and are read as
 * before.
 */
import type * as Y from 'yjs';
import {
	canonicalBytes,
	deriveSigningKey,
	fromBase64Url,
	isPublicKeyText,
	publicKeyOf,
	signSync,
	toBase64Url,
	verifySync
} from '../session/keys/signing';
import type { Actor } from './types';

/** Top-level map: note id → `{owner, sig}`, the signed deletion of a note. */
export const DELETIONS = 'noteDeletions';

const text = (v: unknown) => (typeof v === 'string' ? v : null);

/** The bytes a note's text is signed as: its id, activity and text (or sealed text while waiting). */
export function noteTextMessage(id: string, map: { get(key: string): unknown }): Uint8Array {
	return canonicalBytes({
		note: id,
		activityId: text(map.get('activityId')),
		text: text(map.get('text')),
		sealedText: text(map.get('sealedText'))
	});
}

const deletionMessage = (id: string) => canonicalBytes({ deleteNote: id });

/** The key this device holds for a note it wrote. */
export function noteKeyFor(actor: Actor, noteId: string) {
	return actor.secrets ? deriveSigningKey(actor.secrets.device, `kohtaamo/note/v1/${noteId}`) : null;
}

/**
 * Signs a note's current text, inside the command's transaction: with the note's own key when this
 * device wrote it (setting `owner` on a new note), else with the facilitator's key. Does nothing
 * without keys (a session from before signed control).
 */
export function signNoteText(actor: Actor, id: string, map: Y.Map<unknown>): void {
	if (!actor.secrets) return;
	const owner = map.get('owner');
	const own = noteKeyFor(actor, id)!;
	const ownText = toBase64Url(own.publicKey);
	let privateKey: Uint8Array | null = null;
	if (owner === undefined) {
		map.set('owner', ownText);
		privateKey = own.privateKey;
	} else if (owner === ownText) privateKey = own.privateKey;
	else if (actor.secrets.facilitator) privateKey = actor.secrets.facilitator;
	if (!privateKey) return;
	const message = noteTextMessage(id, map);
	const sig = toBase64Url(signSync(privateKey, message));
	map.set('textSig', sig);
	// A signature just made with the key `owner` names is valid by construction: this device's own
	// readers (the note guard, the view) need not check it again inside the command's transaction.
	if (privateKey === own.privateKey) remember(ownText, sig, message, true);
}

const cache = new Map<string, boolean>();
const cacheKey = (owner: string, sig: string, message: Uint8Array) => `${owner}|${sig}|${toBase64Url(message)}`;
function remember(owner: string, sig: string, message: Uint8Array, valid: boolean) {
	// Bounded: every note of a large session fits; a flood of forgeries cannot grow it without end.
	if (cache.size > 20_000) cache.clear();
	cache.set(cacheKey(owner, sig, message), valid);
}

/** Whether a note's text carries a valid signature by its owner key or the facilitator's. */
export function noteTextValid(id: string, map: { get(key: string): unknown }, facilitatorKey: Uint8Array): boolean {
	const owner = map.get('owner');
	const sig = map.get('textSig');
	if (typeof owner !== 'string' || typeof sig !== 'string') return false;
	// The last answer for this very map, while none of the signed fields changed: reading a board
	// (the command's free-slot search, the note guard, the view) re-checks every note, and building
	// each note's signed bytes to look the answer up cost more than the one new signature (profiled).
	const fields = [id, owner, sig, map.get('activityId'), map.get('text'), map.get('sealedText'), facilitatorKey];
	const last = lastAnswer.get(map);
	if (last && last.fields.every((value, i) => value === fields[i])) return last.valid;
	if (!isPublicKeyText(owner)) return false;
	const message = noteTextMessage(id, map);
	let valid = cache.get(cacheKey(owner, sig, message));
	if (valid === undefined) {
		const signature = fromBase64Url(sig);
		valid = verifySync(fromBase64Url(owner), message, signature) || verifySync(facilitatorKey, message, signature);
		remember(owner, sig, message, valid);
	}
	lastAnswer.set(map, { fields, valid });
	return valid;
}

/** Per note map: the signed fields last checked and the answer (see `noteTextValid`). */
const lastAnswer = new WeakMap<object, { fields: unknown[]; valid: boolean }>();

/** The tombstone that makes deleting a note valid, by its writer or the facilitator; null when this
 * device holds neither key. */
export function signDeletion(actor: Actor, id: string, owner: unknown): { owner: string; sig: string } | null {
	if (!actor.secrets || typeof owner !== 'string') return null;
	const own = noteKeyFor(actor, id)!;
	const privateKey = toBase64Url(own.publicKey) === owner ? own.privateKey : actor.secrets.facilitator;
	if (!privateKey) return null;
	return { owner, sig: toBase64Url(signSync(privateKey, deletionMessage(id))) };
}

export function deletionValid(id: string, tombstone: unknown, owner: unknown, facilitatorKey: Uint8Array): boolean {
	if (typeof tombstone !== 'object' || tombstone === null || typeof owner !== 'string') return false;
	const { owner: named, sig } = tombstone as Record<string, unknown>;
	if (named !== owner || typeof sig !== 'string' || !isPublicKeyText(owner)) return false;
	const message = deletionMessage(id);
	const signature = fromBase64Url(sig);
	return verifySync(fromBase64Url(owner), message, signature) || verifySync(facilitatorKey, message, signature);
}

/** This device's key pair as the secrets an actor signs with. */
export function actorSecrets(devicePrivateKey: Uint8Array, facilitatorPrivateKey?: Uint8Array): Actor['secrets'] {
	return facilitatorPrivateKey && publicKeyOf(facilitatorPrivateKey)
		? { device: devicePrivateKey, facilitator: facilitatorPrivateKey }
		: { device: devicePrivateKey };
}
