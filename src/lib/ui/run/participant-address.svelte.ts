/**
 * Where participants' phones join: the address the QR code and the poster point at.
 *
 * It must not follow the facilitator's own address — `http://localhost:8080` means nothing to a
 * phone, and an `https://` address with the server's own authority shows a certificate warning on
 * every phone that has not installed it. The workshop server says at `/kohtaamo-server.json` which
 * plain addresses phones can reach (one per network the laptop is on); the facilitator picks one
 * when there are several, and both the list and the choice are kept in this device's settings so an
 * offline start (a tablet opening the app from its cache) still shows the right code.
 */
import { base } from '$app/paths';
import {
	chooseParticipantBase,
	parseServerInfo,
	SERVER_INFO_PATH,
	type ParticipantBase
} from '$lib/session/server-info';
import { readSetting, writeSetting } from '$lib/storage/settings';

export type AddressSource = 'server' | 'remembered' | 'page';

const FETCH_TIMEOUT_MS = 3000;

export class ParticipantAddress {
	readonly #pageBase: string;
	readonly #fetch: typeof fetch;
	#offered = $state.raw<ParticipantBase[]>([]);
	#chosen = $state.raw('');
	#source = $state.raw<AddressSource>('page');
	#loaded = $state.raw(false);

	/** `pageBase` is the app's root as this page sees it, e.g. `http://localhost:8080/`. */
	constructor(pageBase: string, fetcher: typeof fetch = (...args) => fetch(...args)) {
		this.#pageBase = pageBase;
		this.#fetch = fetcher;
	}

	/** Asks the server, falling back to what it said last time; never throws. */
	async load(): Promise<void> {
		const [remembered, chosen] = await Promise.all([
			readSetting('participantBases').catch(() => []),
			readSetting('participantBase').catch(() => '')
		]);
		this.#chosen = chosen;
		const fresh = await this.#ask();
		if (fresh) {
			this.#offered = fresh;
			this.#source = 'server';
			if (JSON.stringify(fresh) !== JSON.stringify(remembered))
				await writeSetting('participantBases', fresh).catch(() => {});
		} else {
			this.#offered = remembered;
			this.#source = remembered.length > 0 ? 'remembered' : 'page';
		}
		this.#loaded = true;
	}

	async #ask(): Promise<ParticipantBase[] | null> {
		const controller = new AbortController();
		const timer = setTimeout(() => controller.abort(), FETCH_TIMEOUT_MS);
		try {
			const response = await this.#fetch(new URL(SERVER_INFO_PATH, this.#pageBase).href, {
				cache: 'no-store',
				signal: controller.signal
			});
			if (!response.ok) return null;
			return parseServerInfo(await response.json())?.participantBases ?? null;
		} catch {
			return null; // offline, a static host without the endpoint, or not JSON
		} finally {
			clearTimeout(timer);
		}
	}

	get loaded(): boolean {
		return this.#loaded;
	}
	/** The addresses to choose from (several when the laptop is on several networks). */
	get options(): ParticipantBase[] {
		return this.#offered;
	}
	get source(): AddressSource {
		return this.#source;
	}
	// Cheap enough to compute on each read; reading the state fields keeps it reactive.
	get #choice() {
		return chooseParticipantBase(this.#offered, this.#chosen, this.#pageBase);
	}
	/** The app root that join links use. */
	get url(): string {
		return this.#choice.url;
	}
	/** False when the only address known points at this device itself (a phone cannot open it). */
	get reachable(): boolean {
		return this.#choice.reachable;
	}

	async choose(url: string): Promise<void> {
		if (!this.#offered.some((b) => b.url === url)) return;
		this.#chosen = url;
		await writeSetting('participantBase', url).catch(() => {});
	}
}

/** The app's root as the current page sees it. */
export const pageAppBase = (): string => new URL(`${base}/`, window.location.href).href;
