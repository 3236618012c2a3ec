/**
 * The presenter view's session: a display for the projector or a wall screen. It joins the room
 * from the invitation in its link and shows what the facilitator does, live — and nothing more:
 *
 * - it writes nothing: no commands, no check-in (so it is in no participant list or report), no
 *   migration; its document lives in memory only and is dropped when the page goes;
 * - its presence says `presenter`, which every device leaves out of who is here;
 * - it holds no facilitator rights: it has no actor at all. With a facilitator key in the link it
 *   reads the facilitator's signed record like every device (board/authority.ts) — which also
 *   publishes the keys that open sealed private notes at reveal (board/seal.ts).
 */
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { newId } from '$lib/session/ids';
import type { Invite } from '$lib/session/join-link';
import type { SyncState } from '$lib/sync';
import { FacilitatorAuthority } from '$lib/board/authority';
import { fromBase64Url } from '$lib/session/keys/signing';
import { SessionConnection, type SessionConnectionOptions } from './session-connection.svelte';
import { SessionPresence } from './session-presence.svelte';
import { SessionView } from './session-view.svelte';
import { signalingSettings } from './signaling-url';

export type PresenterConnectOptions = Partial<Pick<SessionConnectionOptions, 'settings' | 'page' | 'createSync'>>;

export class PresenterSession {
	readonly invite: Invite;
	readonly doc = new Y.Doc();
	readonly view: SessionView;
	readonly presence: SessionPresence;
	readonly #connection: SessionConnection;
	readonly #authority: FacilitatorAuthority | null;
	#destroyed = false;

	constructor(invite: Invite, connect: PresenterConnectOptions = {}) {
		this.invite = invite;
		// Before the view: with a facilitator key, the view reads the signed record.
		this.#authority = invite.facilitatorKey
			? new FacilitatorAuthority({ doc: this.doc, facilitatorKey: fromBase64Url(invite.facilitatorKey) })
			: null;
		this.view = new SessionView(this.doc);
		this.presence = new SessionPresence({
			awareness: new Awareness(this.doc),
			self: { participantId: `display-${newId()}`, role: 'presenter' }
		});
		this.#connection = new SessionConnection({
			doc: this.doc,
			awareness: this.presence.awareness,
			room: invite.room,
			secret: invite.secret,
			settings: connect.settings ?? signalingSettings,
			page: connect.page ?? window,
			createSync: connect.createSync
		});
		this.#connection.connect();
	}

	get sync(): SyncState {
		return this.#connection.state;
	}

	/** The facilitator's clock, as well as this display can tell (the shared timer runs on it). */
	facilitatorNow(): number {
		return this.presence.facilitatorNow();
	}

	destroy(): void {
		if (this.#destroyed) return;
		this.#destroyed = true;
		this.#connection.destroy();
		this.presence.destroy();
		this.presence.awareness.destroy();
		this.view.destroy();
		this.#authority?.destroy();
		this.doc.destroy();
	}
}
