/**
 * The facilitator's control as one signed record in the document.
 *
 * Why: Yjs cannot refuse a change — any device with the room secret can write any key — so the
 * facilitator's powers (current activity, phase, reveal, results, lock, timer, dot budget, the
 * published agenda, the end of the session, removals, co-facilitators) cannot be enforced by
 * filtering the sync stream. Instead they live in one self-authenticating record, `control.record`:
 * `{seq, state}` as canonical JSON, signed by the facilitator's key (whose public half every device
 * learned from the join link, not from the document) or by a co-facilitator the facilitator
 * delegated to. Every device
 * - applies the valid record with the highest order (`recordOrder`), ignoring anything else;
 * - re-publishes the best record it holds whenever the document holds something else, so a forged,
 *   stale or malformed write is overwritten — also on the writer's own device.
 *
 * Delegation is itself a facilitator-signed sub-record `{seq, keys}` carried inside the state. A
 * record's order compares the delegation's seq first, so once the facilitator revokes a
 * co-facilitator (a higher delegation seq), no record the revoked key signs under the old delegation
 * can win, however high its own seq.
 *
 * Reading is synchronous (Svelte derivations and commands read the document directly) while
 * WebCrypto signing is asynchronous. So verification uses the synchronous JavaScript verifier and
 * is cached by the record's exact text (one verification per new record, not per read), and a
 * command on the signing device applies its new state at once as *pending* — shown on this device
 * only — while the signature is made; the signed record then lands in the document in order.
 */
import type * as Y from 'yjs';
import { canonicalJson, fromBase64Url, PUBLIC_KEY_BYTES, sign, toBase64Url, verifySync } from '../session/keys/signing';
import { LOCAL_ORIGIN } from './doc';
import { readTimer, type TimerState } from './timer';
import { MAX_SEAL_EPOCH, rootFor, sealEpochOf, withSealingKeys } from './seal';

const sealRootsOf = (state: ControlState): Record<string, unknown> => {
	const roots = (state as unknown as Record<string, unknown>).sealRoots;
	return typeof roots === 'object' && roots !== null ? (roots as Record<string, unknown>) : {};
};

/** A record larger than this is ignored (a whole agenda with its boards fits many times over). */
export const MAX_RECORD_CHARS = 1_000_000;
export const MAX_DELEGATES = 8;
/** Transactions that put the best known record back. Not `LOCAL_ORIGIN`: never undoable. */
export const HEAL_ORIGIN = Symbol('kohtaamo-authority-heal');

/** What the record says about one activity: the planned fields the agenda publishes and its run
 * state, with the same keys as an activity's map in the document (read by `read.ts`). */
export type ActivityControl = Record<string, unknown>;

export interface ControlState {
	activityId: string | null;
	locked: boolean;
	timer: TimerState;
	endedAt: number | null;
	keepCopy: boolean;
	activities: Record<string, ActivityControl>;
	/** Facilitator-signed list of co-facilitator keys; null when there are none. */
	delegation: SignedDelegation | null;
	/** Devices the facilitator removed (ids their join keys give; see the removal commands). */
	removed: string[];
}

export interface SignedDelegation {
	/** Canonical JSON of `{seq, keys}`. */
	body: string;
	sig: string;
}

export interface Delegation {
	seq: number;
	keys: string[];
}

/** The record as stored in `control.record`. */
export interface StoredRecord {
	body: string;
	by: string;
	sig: string;
}

export interface VerifiedRecord {
	seq: number;
	state: ControlState;
	delegation: Delegation;
	stored: StoredRecord;
}

export const EMPTY_STATE: ControlState = {
	activityId: null,
	locked: false,
	timer: { status: 'idle', durationMs: 0 },
	endedAt: null,
	keepCopy: false,
	activities: {},
	delegation: null,
	removed: []
};

const NO_DELEGATION: Delegation = { seq: 0, keys: [] };
const encoder = new TextEncoder();
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isKey = (v: unknown): v is string => typeof v === 'string' && fromBase64Url(v).length === PUBLIC_KEY_BYTES;
const isSeq = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** The delegation a state carries, if the facilitator signed it. */
export function readDelegation(signed: unknown, facilitatorKey: Uint8Array): Delegation | null {
	if (!isObject(signed) || typeof signed.body !== 'string' || typeof signed.sig !== 'string') return null;
	if (signed.body.length > 10_000) return null;
	const body = parseJson(signed.body);
	if (!isObject(body) || !isSeq(body.seq) || !Array.isArray(body.keys)) return null;
	if (body.keys.length > MAX_DELEGATES || !body.keys.every(isKey)) return null;
	if (!verifySync(facilitatorKey, encoder.encode(signed.body), fromBase64Url(signed.sig))) return null;
	return { seq: body.seq, keys: body.keys as string[] };
}

function readState(value: unknown): ControlState | null {
	if (!isObject(value)) return null;
	const { activityId, locked, timer, endedAt, keepCopy, activities, delegation, removed } = value;
	if (activityId !== null && (typeof activityId !== 'string' || activityId.length > 100)) return null;
	if (typeof locked !== 'boolean' || typeof keepCopy !== 'boolean') return null;
	if (endedAt !== null && (typeof endedAt !== 'number' || !Number.isFinite(endedAt))) return null;
	if (!isObject(activities) || Object.values(activities).some((a) => !isObject(a))) return null;
	if (!Array.isArray(removed) || !removed.every((r) => typeof r === 'string' && r.length <= 200)) return null;
	if (delegation !== null && !isObject(delegation)) return null;
	// Fields a newer app adds are kept (they are signed) and ignored here.
	return {
		...value,
		activityId,
		locked,
		timer: readTimer(timer),
		endedAt: endedAt as number | null,
		keepCopy,
		activities: activities as Record<string, ActivityControl>,
		delegation: delegation as SignedDelegation | null,
		removed: removed as string[]
	};
}

/** A stored record checked against the facilitator's key; null unless everything holds. */
export function verifyRecord(stored: unknown, facilitatorKey: Uint8Array): VerifiedRecord | null {
	if (!isObject(stored)) return null;
	const { body, by, sig } = stored;
	if (typeof body !== 'string' || typeof by !== 'string' || typeof sig !== 'string') return null;
	if (body.length > MAX_RECORD_CHARS || !isKey(by)) return null;
	const parsed = parseJson(body);
	if (!isObject(parsed) || !isSeq(parsed.seq)) return null;
	// Only the canonical text is accepted: one record, one spelling, one cache entry. A number too
	// large to sign (1e999 parses to Infinity) makes canonicalJson throw: not canonical either.
	try {
		if (canonicalJson(parsed) !== body) return null;
	} catch {
		return null;
	}
	const state = readState(parsed.state);
	if (!state) return null;
	const delegation = state.delegation ? readDelegation(state.delegation, facilitatorKey) : NO_DELEGATION;
	if (!delegation) return null;
	const signer = fromBase64Url(by);
	const isFacilitator = by === toBase64Url(facilitatorKey);
	if (!isFacilitator && !delegation.keys.includes(by)) return null;
	if (!verifySync(signer, encoder.encode(body), fromBase64Url(sig))) return null;
	return { seq: parsed.seq, state, delegation, stored: { body, by, sig } };
}

/**
 * Positive when `a` wins over `b`: the higher delegation seq, then the higher seq, then (two
 * signers concurrently using one seq) the greater signature text, so every device picks the same.
 */
export function recordOrder(a: VerifiedRecord, b: VerifiedRecord): number {
	return (
		a.delegation.seq - b.delegation.seq ||
		a.seq - b.seq ||
		(a.stored.sig < b.stored.sig ? -1 : a.stored.sig > b.stored.sig ? 1 : 0)
	);
}

export interface AuthorityOptions {
	doc: Y.Doc;
	/** The facilitator's public key, from the join link (or the session's own key). */
	facilitatorKey: Uint8Array;
	/** This device's signing key pair: the facilitator's, or a device key that may be delegated. */
	signer?: { publicKey: Uint8Array; privateKey: Uint8Array };
}

const registry = new WeakMap<Y.Doc, FacilitatorAuthority>();

/** The authority watching a document, when the session has a facilitator key. Sessions from before
 * signed control have none and are read as before (see README.md, "Authority"). */
export function authorityOf(doc: Y.Doc | null | undefined): FacilitatorAuthority | undefined {
	return doc ? registry.get(doc) : undefined;
}

/** The facilitator state every reader uses: the pending or best verified state, or null when the
 * document has no authority (legacy reading). */
export function controlStateOf(doc: Y.Doc | null | undefined): ControlState | null {
	return authorityOf(doc)?.state ?? null;
}

export class FacilitatorAuthority {
	readonly doc: Y.Doc;
	readonly facilitatorKey: Uint8Array;
	readonly #facilitatorText: string;
	readonly #signer: AuthorityOptions['signer'];
	readonly #signerText: string | null;
	readonly #control: Y.Map<unknown>;
	#best: VerifiedRecord | null = null;
	#pending: { seq: number; state: ControlState } | null = null;
	#queue: Promise<void> = Promise.resolve();
	#listeners = new Set<() => void>();
	/** Record texts already judged, so a record is verified once however often it is read. */
	#seen = new Map<string, VerifiedRecord | null>();
	#ignored = 0;
	#destroyed = false;
	#roots: { state: ControlState; roots: Uint8Array[] | null } | null = null;
	readonly #observer: (event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => void;

	constructor(options: AuthorityOptions) {
		this.doc = options.doc;
		this.facilitatorKey = options.facilitatorKey;
		this.#facilitatorText = toBase64Url(options.facilitatorKey);
		this.#signer = options.signer;
		this.#signerText = options.signer ? toBase64Url(options.signer.publicKey) : null;
		this.#control = options.doc.getMap('control');
		this.#observer = (event) => {
			if (event.keysChanged.has('record')) this.#take(this.#control.get('record'));
		};
		this.#control.observe(this.#observer);
		registry.set(options.doc, this);
		this.#take(this.#control.get('record'));
	}

	/** The state this device shows: its own pending change, else the best verified record. */
	get state(): ControlState {
		return this.#pending?.state ?? this.#best?.state ?? EMPTY_STATE;
	}
	get seq(): number {
		return this.#pending?.seq ?? this.#best?.seq ?? 0;
	}
	get best(): VerifiedRecord | null {
		return this.#best;
	}
	/** Co-facilitator keys in force. */
	get delegates(): string[] {
		return this.#best?.delegation.keys ?? [];
	}
	/** Records seen in the document that failed validation or their signature. */
	get ignoredRecords(): number {
		return this.#ignored;
	}
	get isFacilitator(): boolean {
		return this.#signerText === this.#facilitatorText;
	}
	/** Whether this device may change the facilitator state: it holds the facilitator's key or one
	 * the facilitator delegated to. */
	get canControl(): boolean {
		return this.#signerText !== null && (this.isFacilitator || this.delegates.includes(this.#signerText));
	}
	get signerKey(): string | null {
		return this.#signerText;
	}
	/** This device's private key, to open what it sealed itself and, on the facilitator's device,
	 * everything sealed to the facilitator (`seal.ts`). */
	get signerPrivateKey(): Uint8Array | null {
		return this.#signer?.privateKey ?? null;
	}
	/** The secrets this device derives sealing keys from, one per sealing epoch, oldest first
	 * (facilitator and co-facilitators; see `seal.ts`, "Rotation"); null for everyone else. */
	get sealingRoots(): Uint8Array[] | null {
		const state = this.state;
		if (this.#roots?.state !== state) this.#roots = { state, roots: this.#rootsFor(state) };
		return this.#roots.roots;
	}
	/** The current epoch's sealing root. */
	get sealingRoot(): Uint8Array | null {
		return this.sealingRoots?.at(-1) ?? null;
	}

	#rootsFor(state: ControlState): Uint8Array[] | null {
		const signer = this.#signer ? { publicKey: this.#signerText!, privateKey: this.#signer.privateKey } : null;
		return rootFor(state, signer, this.isFacilitator);
	}

	subscribe(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/**
	 * Applies a change to the facilitator state: shown here at once, signed, then written. False when
	 * this device may not control the session. `change` gets a copy it may modify.
	 */
	propose(change: (state: ControlState) => ControlState | void): boolean {
		if (!this.canControl || this.#destroyed) return false;
		const draft = structuredClone(this.state);
		let next = change(draft) ?? draft;
		// The facilitator's (or a co-facilitator's) device puts every sealing key it owes into each
		// record it signs: public keys, the private ones of reveals and results, wraps for delegates.
		const roots = this.sealingRoots;
		if (roots)
			next = withSealingKeys(next, roots, this.isFacilitator ? this.delegates : Object.keys(sealRootsOf(next)));
		// Publishing the agenda on every mount changes nothing: no new record for it.
		if (canonicalJson(next) === canonicalJson(this.state)) return true;
		const seq = this.seq + 1;
		this.#pending = { seq, state: next };
		this.#notify();
		this.#enqueue(async () => {
			await this.#publish(seq, next);
			if (this.#pending?.state === next) this.#pending = null;
		});
		return true;
	}

	/** The facilitator grants (or, with `granted` false, revokes) co-facilitator rights to a key.
	 * Revoking also rotates the sealing root (`seal.ts`, "Rotation"): what is sealed afterwards is
	 * closed to the revoked device; what it could read before stays readable to it. */
	setDelegate(publicKey: string, granted: boolean): boolean {
		if (!this.isFacilitator || this.#destroyed || !isKey(publicKey)) return false;
		const signer = this.#signer!;
		const current = this.#best?.delegation ?? NO_DELEGATION;
		const keys = granted
			? [...new Set([...current.keys, publicKey])].slice(-MAX_DELEGATES)
			: current.keys.filter((k) => k !== publicKey);
		this.#enqueue(async () => {
			const latest = this.#best?.delegation ?? NO_DELEGATION;
			const body = canonicalJson({ seq: Math.max(latest.seq, current.seq) + 1, keys });
			const sig = toBase64Url(await sign(signer.privateKey, encoder.encode(body)));
			let state: ControlState = { ...structuredClone(this.state), delegation: { body, sig } };
			const revoked = !granted && current.keys.includes(publicKey);
			const epoch = sealEpochOf(state);
			if (revoked && epoch < MAX_SEAL_EPOCH) (state as unknown as Record<string, unknown>).sealEpoch = epoch + 1;
			// The co-facilitator gets the sealing roots with its rights (and a revoked one's wrap goes).
			const roots = this.#rootsFor(state);
			if (roots) state = withSealingKeys(state, roots, keys);
			await this.#publish(this.seq + 1, state);
		});
		return true;
	}

	/** Resolves when every change proposed so far is signed and in the document. */
	settled(): Promise<void> {
		return this.#queue;
	}

	destroy(): void {
		this.#destroyed = true;
		this.#control.unobserve(this.#observer);
		if (registry.get(this.doc) === this) registry.delete(this.doc);
		this.#listeners.clear();
	}

	#enqueue(task: () => Promise<void>) {
		this.#queue = this.#queue.then(task).catch((error: unknown) => console.error('authority', error));
	}

	async #publish(seq: number, state: ControlState) {
		const signer = this.#signer;
		if (!signer || this.#destroyed) return;
		const body = canonicalJson({ seq, state });
		const sig = toBase64Url(await sign(signer.privateKey, encoder.encode(body)));
		if (this.#destroyed) return;
		const stored: StoredRecord = { body, by: this.#signerText!, sig };
		const verified = this.#judge(stored);
		if (!verified) return;
		if (!this.#best || recordOrder(verified, this.#best) > 0) this.#best = verified;
		// Written even when a better record arrived meanwhile: #take then puts the better one back.
		this.doc.transact(() => this.#control.set('record', this.#best!.stored), LOCAL_ORIGIN);
		this.#notify();
	}

	#judge(stored: unknown): VerifiedRecord | null {
		if (!isObject(stored)) return null;
		const key = `${String(stored.body)}\u0000${String(stored.by)}\u0000${String(stored.sig)}`;
		if (this.#seen.has(key)) return this.#seen.get(key)!;
		const verified = verifyRecord(stored, this.facilitatorKey);
		// Bounded: a device flooding forged records cannot grow the cache without end.
		if (this.#seen.size > 256) this.#seen.clear();
		this.#seen.set(key, verified);
		return verified;
	}

	#take(value: unknown) {
		if (value === undefined && !this.#best) return;
		const verified = value === undefined ? null : this.#judge(value);
		let changed = false;
		if (value !== undefined && !verified) {
			this.#ignored++;
			changed = true;
		}
		if (verified && (!this.#best || recordOrder(verified, this.#best) > 0)) {
			this.#best = verified;
			// A better record from elsewhere replaces this device's unsigned change.
			if (this.#pending && this.#pending.seq <= verified.seq) this.#pending = null;
			changed = true;
			// Someone revealed or showed results, or delegated: a device that holds the sealing root
			// adds the keys the record owes (propose signs only when something changes).
			if (this.canControl) queueMicrotask(() => this.#destroyed || this.propose(() => {}));
		}
		const best = this.#best;
		if (best && (!verified || verified.stored.sig !== best.stored.sig)) {
			// The document holds something worse than what this device knows: put the best back.
			// After the current transaction, as Yjs runs observers while one is being cleaned up.
			queueMicrotask(() => {
				if (this.#destroyed || this.#best !== best) return;
				const now = this.#control.get('record');
				if (isObject(now) && now.sig === best.stored.sig) return;
				this.doc.transact(() => this.#control.set('record', best.stored), HEAL_ORIGIN);
			});
		}
		if (changed) this.#notify();
	}

	#notify() {
		for (const listener of this.#listeners) listener();
	}
}
