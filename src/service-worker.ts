/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline first, for galleries with patchy Wi-Fi: after one visit the whole app — shell, routes,
 * method library, fonts — is in this version's cache and loads with the server stopped.
 *
 * - Install precaches every built file, every static file and the single-page fallback page.
 * - Pages (navigations) are network-first with a short timeout, answered from the precached
 *   fallback page when the network fails: a new deployment shows at once when online, and offline
 *   the page always matches the precached scripts of this version.
 * - Built and static files are cache-first (their names or this version pin their content).
 * - A new version waits until the page says SKIP_WAITING (the "new version — reload" prompt).
 */
import { build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `kohtaamo-${version}`;
const SCOPE = new URL(sw.registration.scope);
const FALLBACK = new URL('index.html', SCOPE).pathname;
const PRECACHE = [...new Set([...build, ...files, FALLBACK])];
const NAVIGATION_TIMEOUT_MS = 4000;

sw.addEventListener('install', (event) => {
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				if (key.startsWith('kohtaamo-') && key !== CACHE) await caches.delete(key);
			}
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void sw.skipWaiting();
});

async function networkFirstPage(request: Request): Promise<Response> {
	const cache = await caches.open(CACHE);
	try {
		const controller = new AbortController();
		const timer = setTimeout(() => controller.abort(), NAVIGATION_TIMEOUT_MS);
		const response = await fetch(request, { signal: controller.signal });
		clearTimeout(timer);
		if (response.ok) return response;
		if (response.status >= 500) throw new Error(`server answered ${response.status}`);
		return response;
	} catch {
		const fallback = await cache.match(FALLBACK);
		if (fallback) return fallback;
		return new Response('Kohtaamo is offline and not yet stored on this device.', {
			status: 503,
			headers: { 'Content-Type': 'text/plain; charset=utf-8' }
		});
	}
}

async function cacheFirst(request: Request): Promise<Response> {
	const cached = await caches.match(request, { cacheName: CACHE, ignoreSearch: true });
	return cached ?? fetch(request);
}

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== SCOPE.origin) return;
	if (request.mode === 'navigate') {
		event.respondWith(networkFirstPage(request));
	} else if (PRECACHE.includes(url.pathname)) {
		event.respondWith(cacheFirst(request));
	}
});
