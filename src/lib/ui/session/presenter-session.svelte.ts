/**
 * The presenter view's session: a display for the projector or a wall screen. It joins the room
 * from the invitation in its link and shows what the facilitator does, live — and nothing more:
 *
 * - it writes nothing: no commands, no check-in (so it is in no participant list or report), no
 *   migration; its document lives in memory only and is dropped when the page goes;
 * - its presence says `presenter`, which every device leaves out of who is here;
 * - it holds no facilitator rights: it has no actor at all. With a facilitator key in the link it
 *   reads the facilitator's signed record like every device (board/authority.ts) — which also
 *   publishes the keys that open sealed private notes at reveal (board/seal.ts);
 * - it follows the room when the facilitator moves it (removing a device, closing the room): it
 *   announces a join key of its own, made for this page only, so the move wraps the new room to it
 *   like to every device there (`SessionRoom`; a display that slept through it finds the signpost).
 */
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { newId } from '$lib/session/ids';
import type { Invite } from '$lib/session/join-link';
import type { SyncState } from '$lib/sync';
import { FacilitatorAuthority } from '$lib/board/authority';
import { deriveSigningKey, fromBase64Url, toBase64Url } from '$lib/session/keys/signing';
import { SessionRoom } from './session-room.svelte';
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
	/** The room the display is in, following the facilitator's moves. */
	readonly room: SessionRoom;
	#destroyed = false;

	constructor(invite: Invite, connect: PresenterConnectOptions = {}) {
		this.invite = invite;
		// Before the view: with a facilitator key, the view reads the signed record.
		// A join key for this page only (never stored): not a name, and no rights.
		const joinKey = deriveSigningKey(crypto.getRandomValues(new Uint8Array(32)), 'kohtaamo/display/v1');
		this.#authority = invite.facilitatorKey
			? new FacilitatorAuthority({
					doc: this.doc,
					facilitatorKey: fromBase64Url(invite.facilitatorKey),
					signer: joinKey
				})
			: null;
		this.view = new SessionView(this.doc);
		this.presence = new SessionPresence({
			awareness: new Awareness(this.doc),
			self: {
				participantId: `display-${newId()}`,
				role: 'presenter',
				...(this.#authority ? { key: toBase64Url(joinKey.publicKey) } : {})
			}
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
		this.room = new SessionRoom({
			doc: this.doc,
			room: { name: invite.room, secret: invite.secret },
			awareness: this.presence.awareness,
			move: (room) => this.#connection.moveTo(room.name, room.secret),
			leave: () => this.#connection.destroy()
		});
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
		this.room.destroy();
		this.#connection.destroy();
		this.presence.destroy();
		this.presence.awareness.destroy();
		this.view.destroy();
		this.#authority?.destroy();
		this.doc.destroy();
	}
}
