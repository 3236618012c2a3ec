/**
 * Registers the service worker with workbox-window and tells the UI when a new version is waiting,
 * so a facilitator decides when to reload — never in the middle of a workshop by surprise.
 */
import { Workbox } from 'workbox-window';
import { base } from '$app/paths';
import { dev } from '$app/environment';

class AppUpdates {
	#waiting = $state.raw(false);
	#offlineReady = $state.raw(false);
	#workbox: Workbox | undefined;

	/** A new version is installed and waits for a reload. */
	get waiting(): boolean {
		return this.#waiting;
	}
	/** The app has just been stored for offline use for the first time. */
	get offlineReady(): boolean {
		return this.#offlineReady;
	}

	register(): void {
		if (dev || !('serviceWorker' in navigator) || this.#workbox) return;
		const workbox = new Workbox(`${base}/service-worker.js`, { scope: `${base}/` });
		workbox.addEventListener('waiting', () => (this.#waiting = true));
		workbox.addEventListener('installed', (event) => {
			if (event.isUpdate) return;
			this.#offlineReady = true;
			// A short confirmation, not a prompt: it must not cover a participant's board for long.
			setTimeout(() => (this.#offlineReady = false), 8000);
		});
		workbox.addEventListener('controlling', (event) => {
			if (event.isUpdate) window.location.reload();
		});
		this.#workbox = workbox;
		workbox.register().catch((error: unknown) => console.warn('service worker not registered', error));
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

export const appUpdates = new AppUpdates();
