/**
 * Honest devices put back notes changed or deleted without a valid signature (see note-owner.ts).
 *
 * Why here and not in the sync stream: Yjs cannot refuse a change, and a delete carries no author.
 * So every device keeps a plain copy of each validly signed note and, when a note is deleted without
 * a valid tombstone in `noteDeletions`, or its text, owner or signature is changed into something
 * that no longer verifies, writes the last valid copy back. The restore is an ordinary change that
 * reaches every device — also the one that made the bad change.
 *
 * A writer's undo deletes its note in one transaction and signs the tombstone in the next (Yjs's
 * undo runs its own transaction), and the two may reach another device in separate messages. So a
 * deleted note is put back only after `DELETE_GRACE_MS` without a valid tombstone, and a valid
 * tombstone that arrives for a note that is there (put back meanwhile by a device that had not
 * waited) removes it: a signed delete always wins.
 */
import * as Y from 'yjs';
import { sessionMaps } from './doc';
import { readNote } from './read';
import { HEAL_ORIGIN } from './authority';
import { DELETIONS, deletionValid, noteKeyFor, noteTextValid, signDeletion } from './note-owner';
import { toBase64Url } from '../session/keys/signing';
import type { Actor } from './types';

/** How long a delete may wait for its signed tombstone before the note is put back. */
export const DELETE_GRACE_MS = 2_000;

export class NoteGuard {
	readonly #doc: Y.Doc;
	readonly #facilitatorKey: Uint8Array;
	readonly #notes: Y.Map<Y.Map<unknown>>;
	readonly #deletions: Y.Map<unknown>;
	/** The last validly signed copy of each note, by id. */
	readonly #valid = new Map<string, Record<string, unknown>>();
	readonly #observer: (events: Y.YEvent<Y.AbstractType<unknown>>[]) => void;
	readonly #tombstones: (event: Y.YMapEvent<unknown>) => void;
	readonly #waiting = new Set<ReturnType<typeof setTimeout>>();
	#restored = 0;

	constructor(doc: Y.Doc, facilitatorKey: Uint8Array) {
		this.#doc = doc;
		this.#facilitatorKey = facilitatorKey;
		this.#notes = sessionMaps(doc).notes;
		this.#deletions = doc.getMap(DELETIONS);
		this.#notes.forEach((_, id) => this.#check(id));
		this.#observer = (events) => {
			const ids = new Set<string>();
			for (const event of events) {
				if (event.target === this.#notes) for (const key of event.changes.keys.keys()) ids.add(key);
				else if (typeof event.path[0] === 'string') ids.add(event.path[0]);
			}
			for (const id of ids) this.#check(id);
		};
		this.#notes.observeDeep(this.#observer);
		this.#tombstones = (event) => {
			for (const [id, change] of event.changes.keys) {
				if (change.action === 'delete') continue;
				const map = this.#notes.get(id);
				const copy = this.#valid.get(id);
				const owner = map instanceof Y.Map ? map.get('owner') : copy?.owner;
				if (!map || !deletionValid(id, this.#deletions.get(id), owner, this.#facilitatorKey)) continue;
				queueMicrotask(() => {
					if (!this.#notes.has(id) || !deletionValid(id, this.#deletions.get(id), owner, this.#facilitatorKey)) return;
					this.#valid.delete(id);
					this.#doc.transact(() => this.#notes.delete(id), HEAL_ORIGIN);
				});
			}
		};
		this.#deletions.observe(this.#tombstones);
	}

	/** Notes this device has put back (diagnostics and tests). */
	get restored(): number {
		return this.#restored;
	}

	destroy(): void {
		this.#notes.unobserveDeep(this.#observer);
		this.#deletions.unobserve(this.#tombstones);
		for (const timer of this.#waiting) clearTimeout(timer);
		this.#waiting.clear();
	}

	#check(id: string) {
		const map = this.#notes.get(id);
		const copy = this.#valid.get(id);
		if (map instanceof Y.Map && this.#valid_(id, map)) {
			this.#valid.set(id, map.toJSON() as Record<string, unknown>);
			return;
		}
		// A note never seen valid here is simply not shown (read.ts); nothing to put back.
		if (!copy) return;
		// After the current transaction (Yjs is running observers), and only if still needed then.
		// A delete waits for its tombstone (see the header); a spoilt note is mended at once.
		if (map instanceof Y.Map) {
			queueMicrotask(() => this.#restore(id, copy));
			return;
		}
		const timer = setTimeout(() => {
			this.#waiting.delete(timer);
			this.#restore(id, copy);
		}, DELETE_GRACE_MS);
		this.#waiting.add(timer);
	}

	/** A note as every reader accepts it, with a valid signature. */
	#valid_(id: string, map: Y.Map<unknown>): boolean {
		return map.get('owner') !== undefined && noteTextValid(id, map, this.#facilitatorKey) && readNote(id, map) !== null;
	}

	#restore(id: string, copy: Record<string, unknown>) {
		const map = this.#notes.get(id);
		if (!map) {
			if (deletionValid(id, this.#deletions.get(id), copy.owner, this.#facilitatorKey)) {
				this.#valid.delete(id);
				return;
			}
			this.#doc.transact(() => {
				const note = new Y.Map<unknown>();
				this.#notes.set(id, note);
				for (const [key, value] of Object.entries(copy)) note.set(key, value);
			}, HEAL_ORIGIN);
			this.#restored++;
			return;
		}
		if (this.#valid_(id, map)) return;
		// Every field back: a note spoilt in any field (a colour no app knows, a position off the
		// board) would otherwise stay hidden everywhere — a delete by other means.
		this.#doc.transact(() => {
			for (const key of [...map.keys()]) if (!(key in copy)) map.delete(key);
			for (const [key, value] of Object.entries(copy))
				if (JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, value);
		}, HEAL_ORIGIN);
		this.#restored++;
	}
}

/**
 * After this device's undo or redo: a note of its own that the undo removed gets its signed
 * tombstone (else other devices would put it back), and one a redo brought back loses its old
 * tombstone (else a later unsigned delete would pass as valid).
 */
export function reconcileOwnNotes(doc: Y.Doc, actor: Actor, ownIds: Iterable<string>): void {
	if (!actor.secrets) return;
	const notes = sessionMaps(doc).notes;
	const deletions = doc.getMap(DELETIONS);
	const changes: (() => void)[] = [];
	for (const id of ownIds) {
		const present = notes.has(id);
		if (present && deletions.has(id)) changes.push(() => deletions.delete(id));
		if (!present && !deletions.has(id)) {
			const owner = toBase64Url(noteKeyFor(actor, id)!.publicKey);
			const tombstone = signDeletion(actor, id, owner);
			if (tombstone) changes.push(() => deletions.set(id, tombstone));
		}
	}
	if (changes.length) doc.transact(() => changes.forEach((change) => change()), HEAL_ORIGIN);
}
