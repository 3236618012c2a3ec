/**
 * "One provider per room per page."
 *
 * Why: two providers on one room in one page would each announce, connect and relay the same
 * document — double traffic and presence that lists this device twice. y-webrtc keeps a module-global
 * map for this; so do we, but as a value that can be passed in, so tests can run several "devices" in
 * one process (each with its own registry). A provider is released synchronously by `destroy()`, so a
 * new one for the same room can be created right after (y-webrtc's asynchronous destroy trips that).
 */
import type { SessionSync } from './session-sync.ts';

export class SessionRegistry {
	readonly #sessions = new Map<string, SessionSync>();

	/** The live provider for `room`, if any. */
	get(room: string): SessionSync | undefined {
		return this.#sessions.get(room);
	}

	/** Records `session` as the provider of `room`; throws when the room already has a live one. */
	claim(room: string, session: SessionSync): void {
		if (this.#sessions.has(room)) {
			throw new Error(`A SessionSync for room "${room}" already exists on this page; destroy it first.`);
		}
		this.#sessions.set(room, session);
	}

	release(room: string, session: SessionSync): void {
		if (this.#sessions.get(room) === session) this.#sessions.delete(room);
	}
}

/** The registry used when `SessionSyncOptions.registry` is not given: one per page. */
export const pageRegistry = new SessionRegistry();
