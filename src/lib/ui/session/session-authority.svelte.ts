/**
 * This device's part in signed facilitator control (`$lib/board/authority`): it starts the
 * authority that checks and heals the facilitator's record when the session has a facilitator key,
 * seeds the first record from the plain fields on the facilitator's device (a session from before
 * signed control, or a restored copy), and mirrors what the UI shows — whether this device may
 * move the workshop on, the co-facilitators, how many records were ignored — into Svelte state.
 */
import type * as Y from 'yjs';
import { FacilitatorAuthority } from '$lib/board/authority';
import { plainControlState } from '$lib/board/control';
import { NoteGuard } from '$lib/board/note-guard';
import { fromBase64Url } from '$lib/session/keys/signing';
import type { SessionSummary } from '$lib/session/types';

export class SessionAuthority {
	readonly #authority: FacilitatorAuthority | null;
	#canControl = $state.raw(false);
	#delegates = $state.raw<string[]>([]);
	#ignored = $state.raw(0);
	#stop: () => void = () => {};
	#guard: NoteGuard | null = null;

	constructor(doc: Y.Doc, summary: Pick<SessionSummary, 'facilitatorKey' | 'signingKey'>) {
		if (!summary.facilitatorKey) {
			this.#authority = null;
			return;
		}
		const plain = plainControlState(doc);
		const signer = summary.signingKey && {
			publicKey: fromBase64Url(summary.signingKey.publicKey),
			privateKey: fromBase64Url(summary.signingKey.privateKey)
		};
		const authority = new FacilitatorAuthority({
			doc,
			facilitatorKey: fromBase64Url(summary.facilitatorKey),
			...(signer ? { signer } : {})
		});
		this.#authority = authority;
		this.#guard = new NoteGuard(doc, authority.facilitatorKey);
		if (authority.isFacilitator && !authority.best && plain) authority.propose(() => plain);
		const mirror = () => {
			this.#canControl = authority.canControl;
			this.#delegates = authority.delegates;
			this.#ignored = authority.ignoredRecords;
		};
		mirror();
		this.#stop = authority.subscribe(mirror);
	}

	/** Whether the session has signed control (sessions from before it have none). */
	get signed(): boolean {
		return this.#authority !== null;
	}
	/** This device holds the facilitator's key or a delegated one. */
	get canControl(): boolean {
		return this.#canControl;
	}
	get isFacilitator(): boolean {
		return this.#authority?.isFacilitator ?? false;
	}
	/** Co-facilitators' public keys. */
	get delegates(): string[] {
		return this.#delegates;
	}
	/** Facilitator records in the document that failed their checks. */
	get ignoredRecords(): number {
		return this.#ignored;
	}

	/** Makes a device (by its public key) a co-facilitator, or takes that back. */
	setDelegate(publicKey: string, granted: boolean): boolean {
		return this.#authority?.setDelegate(publicKey, granted) ?? false;
	}

	/** Resolves when this device's changes are signed and in the document (tests). */
	settled(): Promise<void> {
		return this.#authority?.settled() ?? Promise.resolve();
	}

	destroy(): void {
		this.#stop();
		this.#guard?.destroy();
		this.#authority?.destroy();
	}
}
