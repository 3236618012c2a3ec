/**
 * A session open on this device, made of parts with one job each:
 * - storage binding: the document loaded from IndexedDB (`openSessionDoc`) and this device's own
 *   notes (`OwnNotes`);
 * - `SessionView`: the document mirrored into Svelte state;
 * - `SessionPresence`: who is here, and the facilitator's clock for the shared timer;
 * - `SessionConnection`: sync with the room while the page is shown;
 * - `SessionHistory`: this device's undo and redo;
 * - `SessionCommands` (which this class extends): every change, through the board's commands.
 *
 * Pages own its life: they `open` one when they mount and `destroy` it when they leave (see
 * `PageSession`) — never in `load`, which also runs when a link is merely hovered.
 */
import { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import * as facilitation from '$lib/board/facilitation';
import { migrateDoc } from '$lib/board/doc';
import { reconcileOwnNotes } from '$lib/board/note-guard';
import { fromBase64Url } from '$lib/session/keys/signing';
import { recordAnswers } from '$lib/board/participation';
import type { Actor } from '$lib/board/types';
import type { SessionSummary } from '$lib/session/types';
import { openSessionDoc, ownNoteIds, rememberOwnNote, type OpenDoc } from '$lib/storage/session-doc';
import { ensureSessionKeys, getSession, updateSessionRoom } from '$lib/storage/sessions';
import { authorityOf } from '$lib/board/authority';
import { moveRoom, openMoveRoom, roomNotice, wrappedKeys } from '$lib/board/room-move';
import { RoomSignposts } from './room-signposts';
import { newRoomKey } from '$lib/session/ids';
import { SessionRoom } from './session-room.svelte';
import type { SyncLogEvent, SyncState } from '$lib/sync';
import { OwnNotes } from './own-notes.svelte';
import type { Present } from './presence';
import { SessionCommands } from './session-commands';
import { SessionConnection, type SessionConnectionOptions } from './session-connection.svelte';
import { SessionAuthority } from './session-authority.svelte';
import { SessionHistory } from './session-history.svelte';
import { SessionPresence } from './session-presence.svelte';
import { SessionView } from './session-view.svelte';
import { deviceSettingsApplied } from '$lib/ui/settings/device-settings';
import { signalingSettings } from './signaling-url';

export type { Refusal } from '$lib/board/commands';

/** How a session joins its room; tests replace the parts that need a browser. */
export type ConnectOptions = Partial<Pick<SessionConnectionOptions, 'settings' | 'page' | 'createSync' | 'console'>>;

export interface OpenOptions {
	/** `false`: do not join the room (a test of the session alone). */
	connect?: ConnectOptions | false;
}

export class LiveSession extends SessionCommands {
	readonly summary: SessionSummary;
	readonly view: SessionView;
	readonly actor: Actor;
	readonly presence: SessionPresence;
	readonly history: SessionHistory;
	readonly authority: SessionAuthority;
	/** The room this device is in, following the facilitator's moves (removing a device). */
	readonly room: SessionRoom;
	readonly #open: OpenDoc;
	/** Signposts in the rooms this session left (facilitator and co-facilitators only). */
	#signposts: RoomSignposts | null = null;
	#stopSignposts: () => void = () => {};
	readonly #own: OwnNotes;
	readonly #connectOptions: ConnectOptions | false;
	#connection: SessionConnection | null = null;
	#destroyed = false;

	private constructor(summary: SessionSummary, open: OpenDoc, own: OwnNotes, connect: ConnectOptions | false) {
		migrateDoc(open.doc);
		// Before the view: with a facilitator key, the view reads facilitator state from the record.
		const authority = new SessionAuthority(open.doc, summary);
		const view = new SessionView(open.doc);
		const actor: Actor = {
			participantId: summary.participantId,
			role: summary.role,
			nickname: summary.anonymous ? undefined : summary.nickname,
			owns: (id) => own.has(id)
		};
		// Keys to sign notes and facilitator changes with (sessions with signed control only).
		if (summary.facilitatorKey && summary.signingKey) {
			const device = fromBase64Url(summary.signingKey.privateKey);
			actor.secrets =
				summary.signingKey.publicKey === summary.facilitatorKey ? { device, facilitator: device } : { device };
		}
		// Counting activity by group: only in anonymous sessions (see session/participation.ts).
		const countBy = summary.anonymous ? summary.participation?.countBy : null;
		const category = countBy ? summary.answers?.[countBy] : undefined;
		if (category) actor.category = category;
		const presence = new SessionPresence({
			awareness: new Awareness(open.doc),
			self: {
				participantId: summary.participantId,
				role: summary.role,
				...(actor.nickname ? { name: actor.nickname } : {}),
				...(summary.signingKey ? { key: summary.signingKey.publicKey } : {})
			}
		});
		const history = new SessionHistory(open.doc, actor, () => void [view.run, view.fromNewerVersion]);
		super({
			doc: open.doc,
			actor,
			view,
			own,
			history,
			// One answer to "is this session anonymous" (see isAnonymousSession).
			anonymous: () => facilitation.isAnonymousSession(open.doc, summary.anonymous),
			facilitatorNow: () => presence.facilitatorNow()
		});
		this.summary = summary;
		this.authority = authority;
		this.room = new SessionRoom({
			doc: open.doc,
			room: summary.room,
			previous: summary.previousRooms ?? [],
			awareness: presence.awareness,
			move: (room, previous) => {
				void updateSessionRoom(summary.id, room, previous).catch((error: unknown) =>
					console.error('could not store the room', error)
				);
				this.#connection?.moveTo(room.name, room.secret);
				this.#updateSignposts();
			},
			leave: () => this.#connection?.destroy()
		});
		this.#open = open;
		this.#own = own;
		this.view = view;
		this.actor = actor;
		this.presence = presence;
		this.history = history;
		this.#connectOptions = connect;
		// A debug handle on this device's own document and view, in every build. It gives the page's
		// owner nothing they lack (devtools reach the same objects), and it is how the browser tests
		// act as a curious participant writing straight into the document (tests/browser/authority).
		(globalThis as { kohtaamo?: unknown }).kohtaamo = { doc: open.doc, view, authority };
	}

	/** Opens a session stored on this device, checks in and joins its room; null when there is none. */
	static async open(sessionId: string, options: OpenOptions = {}): Promise<LiveSession | null> {
		// The device's network settings before joining (the root layout no longer reads them).
		const [stored] = await Promise.all([getSession(sessionId), deviceSettingsApplied()]);
		if (!stored) return null;
		const summary = await ensureSessionKeys(stored);
		const open = await openSessionDoc(sessionId);
		if (!open) return null;
		const own = new OwnNotes(await ownNoteIds(sessionId), (noteId) => rememberOwnNote(sessionId, noteId));
		const live = new LiveSession(summary, open, own, options.connect ?? {});
		facilitation.checkIn(open.doc, live.actor, summary.group ?? null, live.anonymous);
		if (summary.role === 'participant' && summary.answersKey)
			recordAnswers(open.doc, summary.answersKey, summary.answers ?? {});
		live.connect();
		return live;
	}

	/** Starts syncing with the other devices of the room (idempotent). */
	connect(): void {
		if (this.#destroyed || this.#connectOptions === false || this.room.removed) return;
		if (!this.#connection) {
			const o = this.#connectOptions;
			this.#connection = new SessionConnection({
				doc: this.#open.doc,
				awareness: this.awareness,
				room: this.room.current.name,
				secret: this.room.current.secret,
				settings: o.settings ?? signalingSettings,
				page: o.page ?? window,
				createSync: o.createSync,
				console: o.console
			});
		}
		this.#connection.connect();
		this.#startSignposts();
	}

	/** The facilitator's and co-facilitators' devices keep a signpost in each room the session left,
	 * for as long as the session is open here, so a device that slept through a move finds its way
	 * (`room-signposts.ts`). */
	#startSignposts() {
		const authority = authorityOf(this.doc);
		if (this.#signposts || !authority || this.#connectOptions === false) return;
		const o = this.#connectOptions;
		this.#signposts = new RoomSignposts({ settings: o.settings ?? signalingSettings, createSync: o.createSync });
		this.#stopSignposts = authority.subscribe(() => this.#updateSignposts());
		this.#updateSignposts();
	}

	#updateSignposts() {
		const authority = authorityOf(this.doc);
		if (!this.#signposts || !authority) return;
		const notice = authority.canControl && !this.room.removed ? roomNotice(this.doc) : null;
		this.#signposts.update(
			this.room.previous.filter((r) => r.name !== this.room.current.name),
			notice
		);
	}

	/** The rooms with a signpost of this device now (tests). */
	get signposts(): string[] {
		return this.#signposts?.rooms ?? [];
	}

	get doc(): Y.Doc {
		return this.#open.doc;
	}
	get awareness(): Awareness {
		return this.presence.awareness;
	}
	get sync(): SyncState {
		return this.#connection?.state ?? { signaling: 'offline', direct: 0, relayed: 0, synced: false };
	}
	/** The most recent sync log events (diagnostics; browser tests read them). */
	get syncLog(): readonly SyncLogEvent[] {
		return this.#connection?.log ?? [];
	}
	get present(): Present[] {
		return this.presence.present;
	}
	get facilitatorPresent(): boolean {
		return this.presence.facilitatorPresent;
	}
	get clockOffset(): number {
		return this.presence.clockOffset;
	}
	/** Whether the session is anonymous (`isAnonymousSession`: the plan or join link, or the document). */
	get anonymous(): boolean {
		return facilitation.isAnonymousSession(this.doc, this.summary.anonymous);
	}
	get isFacilitator(): boolean {
		return this.summary.role === 'facilitator';
	}
	get canUndo(): boolean {
		return this.history.canUndo;
	}
	get canRedo(): boolean {
		return this.history.canRedo;
	}

	/** The facilitator's clock, as well as this device can tell (the shared timer runs on it). */
	facilitatorNow(): number {
		return this.presence.facilitatorNow();
	}

	/**
	 * Removes a device (by its join key, as presence announces it): the room moves to a new name and
	 * secret, wrapped to every other device of the session and to this one, and the removed device
	 * learns nothing after it. A device asleep now follows through the signpost this device keeps in
	 * the old room; printed posters and shown QR codes stay behind.
	 */
	removeDevice(key: string) {
		return moveRoom(this.doc, this.actor, newRoomKey(), this.#members(), [key]);
	}

	/**
	 * Closes the room to new devices: the room moves to a new name and secret wrapped to every
	 * device of the session (not only those connected now: one asleep follows through a signpost),
	 * and the join panel hides the invitation. Every device here keeps working.
	 */
	closeRoom() {
		return moveRoom(this.doc, this.actor, newRoomKey(), this.#members(), [], { closed: true });
	}

	/** Opens the room to new devices again: the invitation of the room the close moved to. Links
	 * and posters from before the close stay invalid (they lead to the old room). */
	reopenRoom() {
		const room = openMoveRoom(this.doc) ?? this.room.current;
		return moveRoom(this.doc, this.actor, room, this.#members(), [], { closed: false });
	}

	/** Every join key of the session as this device knows it: seen here since the session opened,
	 * and wrapped to by the last move (devices it never saw, asleep now). The removed are left out
	 * by `moveRoom`. */
	#members(): string[] {
		const keys = new Set([...this.presence.seenKeys, ...wrappedKeys(this.doc)]);
		const own = this.summary.signingKey?.publicKey;
		if (own) keys.add(own);
		for (const key of authorityOf(this.doc)?.delegates ?? []) keys.add(key);
		const removed = new Set(authorityOf(this.doc)?.state.removed ?? []);
		return [...keys].filter((key) => !removed.has(key));
	}

	/** Whether this device wrote the note (reactive). */
	owns(noteId: string): boolean {
		return this.#own.has(noteId);
	}

	/** Undo and redo go through the board's rules like every other change (see `BoardHistory`);
	 * what they bring back is signed again for the notes this device owns. */
	undo() {
		const result = this.history.undo();
		reconcileOwnNotes(this.doc, this.actor, this.#own.ids);
		return result;
	}
	redo() {
		const result = this.history.redo();
		reconcileOwnNotes(this.doc, this.actor, this.#own.ids);
		return result;
	}

	/** Leaves the room and lets go of everything (idempotent). */
	destroy(): void {
		if (this.#destroyed) return;
		this.#destroyed = true;
		this.#connection?.destroy();
		this.#connection = null;
		this.#stopSignposts();
		this.#signposts?.destroy();
		this.#signposts = null;
		this.room.destroy();
		this.presence.destroy();
		this.awareness.destroy();
		this.history.destroy();
		this.view.destroy();
		this.authority.destroy();
		const handle = globalThis as { kohtaamo?: { doc?: unknown } };
		if (handle.kohtaamo?.doc === this.#open.doc) delete handle.kohtaamo;
		this.#open.release();
	}
}
