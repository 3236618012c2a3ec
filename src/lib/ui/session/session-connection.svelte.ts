/**
 * This device's link to the room: a `SessionSync` while the page is shown, none while it is hidden
 * away. The page going into the back-forward cache or being closed (`pagehide`) leaves the room, so
 * the others' presence lists update at once; coming back (`pageshow` from the cache) joins again.
 *
 * The sync layer's log is kept here: the most recent events for diagnostics and tests, and drops
 * and errors on the console — at most one line per kind every ten seconds, so a peer sending
 * garbage cannot flood it.
 */
import { SessionSync, type SessionSyncOptions, type SyncLogEvent, type SyncState } from '$lib/sync';
import type { SignalingSettings } from './signaling-url';

const LOG_SIZE = 200;
const CONSOLE_EVERY_MS = 10_000;

export interface SessionConnectionOptions {
	doc: SessionSyncOptions['doc'];
	awareness: SessionSyncOptions['awareness'];
	room: string;
	secret: string;
	/** Read on every (re)connect: the settings may have changed meanwhile. */
	settings: () => SignalingSettings;
	/** Where `pagehide` and `pageshow` arrive (the window in the app). */
	page: EventTarget;
	/** Makes the provider (tests inject their WebSocket, registry and timings here). */
	createSync?: (options: SessionSyncOptions) => SessionSync;
	console?: Pick<Console, 'warn'>;
}

const OFFLINE: SyncState = { signaling: 'offline', direct: 0, relayed: 0, synced: false };

export class SessionConnection {
	#o: SessionConnectionOptions;
	#sync: SessionSync | null = null;
	#destroyed = false;
	#state = $state.raw<SyncState>({ signaling: 'connecting', direct: 0, relayed: 0, synced: false });
	readonly #log: SyncLogEvent[] = [];
	readonly #lastOnConsole = new Map<string, number>();

	constructor(options: SessionConnectionOptions) {
		this.#o = options;
		options.page.addEventListener('pagehide', this.#onPageHide);
		options.page.addEventListener('pageshow', this.#onPageShow);
	}

	get state(): SyncState {
		return this.#state;
	}

	/** Whether a provider is running (the page is shown and the connection not destroyed). */
	get connected(): boolean {
		return this.#sync !== null;
	}

	/** The most recent sync log events, oldest first. */
	get log(): readonly SyncLogEvent[] {
		return this.#log;
	}

	/** Joins the room (idempotent). */
	connect(): void {
		if (this.#sync || this.#destroyed) return;
		const o = this.#o;
		const settings = o.settings();
		const options: SessionSyncOptions = {
			doc: o.doc,
			awareness: o.awareness,
			room: o.room,
			secret: o.secret,
			signalingUrl: settings.url,
			iceServers: settings.iceServers,
			log: this.#record
		};
		const sync = o.createSync ? o.createSync(options) : new SessionSync(options);
		sync.on('state', (state) => (this.#state = state));
		this.#state = sync.state;
		this.#sync = sync;
	}

	/** Moves to another room (the facilitator removed a device and re-keyed the room; see
	 * `board/room-move.ts`): leaves the old one and, unless disconnected, joins the new one. */
	moveTo(room: string, secret: string): void {
		if (this.#o.room === room && this.#o.secret === secret) return;
		const wasConnected = this.#sync !== null;
		this.disconnect();
		this.#o = { ...this.#o, room, secret };
		if (wasConnected) this.connect();
	}

	/** Leaves the room, telling the others (idempotent; `connect` joins again). */
	disconnect(): void {
		this.#sync?.destroy();
		this.#sync = null;
		this.#state = OFFLINE;
	}

	destroy(): void {
		this.#destroyed = true;
		this.#o.page.removeEventListener('pagehide', this.#onPageHide);
		this.#o.page.removeEventListener('pageshow', this.#onPageShow);
		this.disconnect();
	}

	#record = (event: SyncLogEvent) => {
		this.#log.push(event);
		if (this.#log.length > LOG_SIZE) this.#log.splice(0, this.#log.length - LOG_SIZE);
		if (event.type !== 'dropped' && event.type !== 'error') return;
		const kind = event.type === 'dropped' ? `dropped:${event.reason}` : `error:${event.where}`;
		const now = Date.now();
		if (now - (this.#lastOnConsole.get(kind) ?? -Infinity) < CONSOLE_EVERY_MS) return;
		this.#lastOnConsole.set(kind, now);
		(this.#o.console ?? console).warn('sync', event);
	};

	#onPageHide = () => this.disconnect();
	#onPageShow = (event: Event) => {
		if ((event as PageTransitionEvent).persisted) this.connect();
	};
}
