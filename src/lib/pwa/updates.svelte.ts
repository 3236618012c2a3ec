/**
 * Registers the service worker with workbox-window and tells the UI when a new version is waiting,
 * so a facilitator decides when to reload — never in the middle of a workshop by surprise.
 *
 * The worker installs with only what a participant's phone needs; a facilitator page asks it to
 * keep the whole app (`keepWholeApp`), and "works offline" is said once that is stored.
 */
import type { Workbox } from 'workbox-window';
import { base } from '$app/paths';
import { dev } from '$app/environment';

class AppUpdates {
	#waiting = $state.raw(false);
	#offlineReady = $state.raw(false);
	#workbox: Workbox | undefined;
	#registering: Promise<void> | undefined;
	#wholeApp: Promise<void> | undefined;

	/** A new version is installed and waits for a reload. */
	get waiting(): boolean {
		return this.#waiting;
	}
	/** The app has just been stored for offline use for the first time. */
	get offlineReady(): boolean {
		return this.#offlineReady;
	}

	register(): void {
		if (dev || !('serviceWorker' in navigator) || this.#registering) return;
		// Loaded after the first paint: a participant's phone shows the join form without waiting for it.
		this.#registering = import('workbox-window')
			.then(({ Workbox }) => this.#register(new Workbox(`${base}/service-worker.js`, { scope: `${base}/` })))
			.catch((error: unknown) => console.warn('service worker not registered', error));
	}

	#register(workbox: Workbox): Promise<void> {
		workbox.addEventListener('waiting', () => (this.#waiting = true));
		workbox.addEventListener('installed', (event) => {
			// A facilitator page says so once the whole app is stored, not just the participant's part.
			if (!event.isUpdate && !this.#wholeApp) this.#announceOfflineReady();
		});
		workbox.addEventListener('controlling', (event) => {
			if (event.isUpdate) window.location.reload();
		});
		this.#workbox = workbox;
		return workbox.register().then(() => undefined);
	}

	/**
	 * Asks the service worker to keep the whole app for offline use (a facilitator's device), once
	 * per page; a worker that already keeps it answers at once.
	 */
	keepWholeApp(): void {
		if (dev || !('serviceWorker' in navigator) || this.#wholeApp) return;
		this.#wholeApp = (async () => {
			const registration = await navigator.serviceWorker.ready;
			const worker = registration.active;
			if (!worker) return;
			const reply = await messageWorker(worker, { type: 'KEEP_WHOLE_APP' });
			if (reply.newly) this.#announceOfflineReady();
		})().catch((error: unknown) => console.warn('the whole app could not be stored for offline use', error));
	}

	#announceOfflineReady() {
		this.#offlineReady = true;
		// A short confirmation, not a prompt: it must not cover a participant's board for long.
		setTimeout(() => (this.#offlineReady = false), 8000);
	}

	/** Activates the waiting version; the page reloads when it takes control. */
	reload(): void {
		if (this.#workbox) this.#workbox.messageSkipWaiting();
		else window.location.reload();
	}

	dismiss(): void {
		this.#waiting = false;
		this.#offlineReady = false;
	}
}

/** A message to the worker and its answer, on a channel of its own. */
function messageWorker(worker: ServiceWorker, message: { type: string }): Promise<{ kept?: boolean; newly?: boolean }> {
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		channel.port1.onmessage = (event) => resolve((event.data ?? {}) as { kept?: boolean; newly?: boolean });
		worker.postMessage(message, [channel.port2]);
	});
}

export const appUpdates = new AppUpdates();
