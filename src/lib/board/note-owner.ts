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
	map.set('textSig', toBase64Url(signSync(privateKey, noteTextMessage(id, map))));
}

const cache = new Map<string, boolean>();

/** Whether a note's text carries a valid signature by its owner key or the facilitator's. */
export function noteTextValid(id: string, map: { get(key: string): unknown }, facilitatorKey: Uint8Array): boolean {
	const owner = map.get('owner');
	const sig = map.get('textSig');
	if (typeof owner !== 'string' || typeof sig !== 'string' || !isPublicKeyText(owner)) return false;
	const message = noteTextMessage(id, map);
	const key = `${owner}|${sig}|${toBase64Url(message)}`;
	const known = cache.get(key);
	if (known !== undefined) return known;
	const signature = fromBase64Url(sig);
	const valid = verifySync(fromBase64Url(owner), message, signature) || verifySync(facilitatorKey, message, signature);
	// Bounded: every note of a large session fits; a flood of forgeries cannot grow it without end.
	if (cache.size > 20_000) cache.clear();
	cache.set(key, valid);
	return valid;
}

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
