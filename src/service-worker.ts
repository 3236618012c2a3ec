/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline first, for galleries with patchy Wi-Fi — and light on crowded Wi-Fi: a participant's
 * phone keeps only what a participant uses, the facilitator's device keeps the whole app.
 *
 * - Install precaches the participant's files (the list the build writes, see
 *   src/lib/pwa/participant-files.node.ts: entry, shell, join and participant routes, icons,
 *   manifest) and the single-page fallback page. Should that list be missing or from another
 *   version, it precaches everything: bigger, never broken.
 * - A facilitator page asks for the rest (message KEEP_WHOLE_APP): the method library, planner,
 *   editor, PDF export and fonts join the same versioned cache, once. A marker in the cache
 *   remembers it, so the next version's install precaches everything on that device at once and
 *   the facilitator never has a version without the planner offline.
 * - Pages (navigations) are network-first with a short timeout, answered from the precached
 *   fallback page when the network fails: a new deployment shows at once when online, and offline
 *   the page always matches the precached scripts of this version.
 * - Built and static files are cache-first (their names or this version pin their content); one
 *   not cached yet is fetched and kept.
 * - A new version waits until the page says SKIP_WAITING (the "new version — reload" prompt).
 */
import { build, files, version } from '$service-worker';
import { PARTICIPANT_FILES, type ParticipantFiles } from '$lib/pwa/participant-routes';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `kohtaamo-${version}`;
const SCOPE = new URL(sw.registration.scope);
const BASE = SCOPE.pathname.replace(/\/$/, '');
const FALLBACK = new URL('index.html', SCOPE).pathname;
const EVERYTHING = [...new Set([...build, ...files, FALLBACK])];
/** The PDF's extra script fonts (Chinese, Japanese, Korean, emoji: about 12 MB) are fetched when a
 * summary needs them and kept from then on, not stored up front: most workshops never print them,
 * and a facilitator's tablet should not pull 12 MB over gallery Wi-Fi for nothing. */
const onDemand = (path: string) => /\/fonts\/pdf-[^/]*$/.test(path);
const WHOLE_APP = EVERYTHING.filter((path) => !onDemand(path));
const KNOWN = new Set(EVERYTHING);
/** Never fetched: its presence in a cache says "this device keeps the whole app". */
const WHOLE_APP_MARKER = `${BASE}/.kohtaamo-whole-app`;
const NAVIGATION_TIMEOUT_MS = 4000;

/** The participant's files of this version, or null when the build's list cannot be trusted. */
async function participantFiles(): Promise<string[] | null> {
	try {
		const response = await fetch(`${BASE}/${PARTICIPANT_FILES}`, { cache: 'no-cache' });
		if (!response.ok) return null;
		const list = (await response.json()) as Partial<ParticipantFiles>;
		if (list.version !== version || !Array.isArray(list.files)) return null;
		const paths = list.files.map((file) => `${BASE}/${file}`);
		// A path the build does not know is a list from another deployment.
		if (!paths.every((path) => KNOWN.has(path))) return null;
		return [...new Set([...paths, FALLBACK])];
	} catch {
		return null;
	}
}

/** Whether an earlier version kept the whole app on this device. */
async function keptWholeAppBefore(): Promise<boolean> {
	for (const key of await caches.keys()) {
		if (key.startsWith('kohtaamo-') && (await (await caches.open(key)).match(WHOLE_APP_MARKER))) return true;
	}
	return false;
}

async function keepWholeApp(cache: Cache): Promise<void> {
	const cached = new Set((await cache.keys()).map((request) => new URL(request.url).pathname));
	await cache.addAll(WHOLE_APP.filter((path) => !cached.has(path)));
	await cache.put(WHOLE_APP_MARKER, new Response(version));
}

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			const participant = (await keptWholeAppBefore()) ? null : await participantFiles();
			if (participant) await cache.addAll(participant);
			else await keepWholeApp(cache);
		})()
	);
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
	const type = (event.data as { type?: string } | null)?.type;
	if (type === 'SKIP_WAITING') void sw.skipWaiting();
	if (type === 'KEEP_WHOLE_APP') {
		event.waitUntil(
			(async () => {
				const cache = await caches.open(CACHE);
				const already = (await cache.match(WHOLE_APP_MARKER)) !== undefined;
				const kept =
					already ||
					(await keepWholeApp(cache).then(
						() => true,
						() => false
					));
				// Answers on the channel the page sent (workbox-window's messageSW).
				event.ports[0]?.postMessage({ kept, newly: kept && !already });
			})()
		);
	}
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

async function cacheFirst(event: FetchEvent, path: string): Promise<Response> {
	const cache = await caches.open(CACHE);
	const cached = await cache.match(event.request, { ignoreSearch: true });
	if (cached) return cached;
	const response = await fetch(event.request);
	// A file of this version the device had not kept yet (a facilitator page opened on a phone):
	// keep it, so that what was used once online also works offline.
	if (response.ok) event.waitUntil(cache.put(path, response.clone()));
	return response;
}

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== SCOPE.origin) return;
	if (request.mode === 'navigate') {
		event.respondWith(networkFirstPage(request));
	} else if (KNOWN.has(url.pathname)) {
		event.respondWith(cacheFirst(event, url.pathname));
	}
});
