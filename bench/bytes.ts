/**
 * Bytes over crowded gallery Wi-Fi (issue 12, point 4; issue 16, item 5).
 *
 * - Per route (join, participate, home, plan, run, methods): the JS+CSS a route's page loads before
 *   it shows (client entries, root layout, the route's node and their static imports — what
 *   SvelteKit preloads — and the English messages), raw and compressed. Compressed sizes are the build's precompressed `.br`
 *   and `.gz` files when it has them, otherwise brotli (quality 11) and gzip (level 9) here.
 * - Per role, measured: a participant's phone on its first visit to a join link (join page, joining,
 *   the participant view, and its service worker's precache), counted from DevTools Network events
 *   (`encodedDataLength`: what the server actually sent, headers included) in a fresh Debian
 *   Chromium — once on http://localhost, where a service worker runs, and once on
 *   http://workshop.test, a name that is not a secure context, where none exists. And the
 *   facilitator's device, which keeps the whole app offline.
 *
 * Everything goes through the real workshop server and the production build (built first when stale).
 * kB here is 1,000 bytes, as in the targets.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { buildIsStale, runBuild } from '../server/build.ts';
import { chromiumInstalled, chromiumPath } from '../tests/browser/support/chromium.ts';
import { startServer, type RunningServer } from '../tests/browser/support/server.ts';
import { planSession, startRun } from '../tests/browser/support/workshop.ts';
import { Chromium, type Transfer } from './browser/cdp.ts';
import type { Figure } from './run.ts';

const PROJECT = new URL('../', import.meta.url).pathname;
const BUILD = join(PROJECT, 'build');
const CLIENT = join(PROJECT, '.svelte-kit/output/client');
const NODES = join(PROJECT, '.svelte-kit/generated/client-optimized/nodes');
const KB = 1000;
const JOIN_TARGET_KB = 120;
const FIRST_VISIT_TARGET_KB = 400;

/** Routes by the folder of their page under src/routes. */
const ROUTES = {
	join: 'join/',
	participate: 'participate/[id]/',
	home: '',
	plan: 'sessions/[id]/',
	run: 'sessions/[id]/run/',
	methods: 'methods/'
} as const;

interface Sizes {
	raw: number;
	gzip: number;
	brotli: number;
	files: number;
}

const compressedCache = new Map<string, { gzip: number; brotli: number }>();
let precompressed = false;

/** A built file's size as sent raw, gzip and brotli. */
function sizeOf(file: string): { raw: number; gzip: number; brotli: number } {
	const path = join(BUILD, file);
	const raw = statSync(path).size;
	let compressed = compressedCache.get(file);
	if (!compressed) {
		if (existsSync(`${path}.br`) && existsSync(`${path}.gz`)) {
			precompressed = true;
			compressed = { gzip: statSync(`${path}.gz`).size, brotli: statSync(`${path}.br`).size };
		} else {
			const bytes = readFileSync(path);
			compressed = {
				gzip: gzipSync(bytes, { level: 9 }).length,
				brotli: brotliCompressSync(bytes, {
					params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length }
				}).length
			};
		}
		compressedCache.set(file, compressed);
	}
	return { raw, ...compressed };
}

function total(files: Iterable<string>): Sizes {
	const sum: Sizes = { raw: 0, gzip: 0, brotli: 0, files: 0 };
	for (const file of files) {
		const size = sizeOf(file);
		sum.raw += size.raw;
		sum.gzip += size.gzip;
		sum.brotli += size.brotli;
		sum.files++;
	}
	return sum;
}

type Manifest = Record<string, { file: string; css?: string[]; imports?: string[]; isEntry?: boolean; src?: string }>;

/** The manifest key of the node whose component is `src/routes/<folder><file>`. */
function nodeOf(folder: string, file: string): string {
	const pattern = `src/routes/${folder}${file}"`;
	for (const name of readdirSync(NODES)) {
		if (readFileSync(join(NODES, name), 'utf8').includes(pattern))
			return `.svelte-kit/generated/client-optimized/nodes/${name}`;
	}
	throw new Error(`no route node for src/routes/${folder}${file}`);
}

/** The messages of one language, which the root layout loads before anything shows. */
const MESSAGES = 'virtual:kohtaamo-messages/en';

/** JS+CSS a route's page loads before it shows: entries, layout, its node, their static imports,
 * and one language's messages. */
function routeFiles(manifest: Manifest, folder: string): string[] {
	const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry && !key.includes('/nodes/'));
	const queue = [...entries, nodeOf('', '+layout.svelte'), nodeOf(folder, '+page.svelte')];
	if (manifest[MESSAGES]) queue.push(MESSAGES);
	const seen = new Set<string>();
	const files = new Set<string>();
	while (queue.length > 0) {
		const key = queue.pop()!;
		if (seen.has(key)) continue;
		seen.add(key);
		const chunk = manifest[key];
		files.add(chunk.file);
		for (const css of chunk.css ?? []) files.add(css);
		queue.push(...(chunk.imports ?? []));
	}
	return [...files];
}

/** Every file in the build the service worker may keep (not the worker and its own lists). */
function wholeApp(): string[] {
	const skip = new Set(['service-worker.js', '_app/version.json', '_app/participant-files.json']);
	return readdirSync(BUILD, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && !/\.(br|gz)$/.test(entry.name))
		.map((entry) => relative(BUILD, join(entry.parentPath, entry.name)))
		.filter((file) => !skip.has(file));
}

const kb = (bytes: number) => bytes / KB;

function sizeFigures(label: string, sizes: Sizes, target?: number, notes?: string): Figure[] {
	const how = precompressed ? 'the build’s precompressed file' : 'compressed here';
	return [
		{
			name: `${label}: brotli`,
			value: kb(sizes.brotli),
			unit: 'kB',
			...(target ? { target: { max: target } } : {}),
			notes: `${sizes.files} files, ${how}`
		},
		{
			name: `${label}: gzip`,
			value: kb(sizes.gzip),
			unit: 'kB',
			...(target ? { target: { max: target } } : {})
		},
		{ name: `${label}: raw`, value: kb(sizes.raw), unit: 'kB', ...(notes ? { notes } : {}) }
	];
}

const isCode = (transfer: Transfer) => transfer.type === 'Script' || transfer.type === 'Stylesheet';
const sum = (transfers: Transfer[], field: 'encodedDataLength' | 'decodedBodyLength' = 'encodedDataLength') =>
	transfers.reduce((total, transfer) => total + transfer[field], 0);

/** A participant's phone: a fresh browser opens the join link, joins, and waits for its worker. */
async function participantVisit(
	link: string,
	origin: string,
	extraArgs: string[]
): Promise<{ all: Transfer[]; joinPage: Transfer[]; joined: boolean; worker: boolean }> {
	const browser = await Chromium.launch(extraArgs);
	try {
		const url = new URL(link);
		const tab = await browser.open(`${origin}${url.pathname}${url.hash}`);
		const worker = await tab.evaluate<boolean>(`'serviceWorker' in navigator`);
		await tab.waitFor(`document.querySelector('main h1')`);
		await browser.settle();
		const joinPage = [...browser.transfers];
		const button = `document.querySelector('form button[type=submit]')`;
		const joined = await tab.evaluate<boolean>(`Boolean(${button})`);
		if (joined) {
			await tab.evaluate(`${button}.click()`);
			await tab.waitFor(`location.pathname.startsWith('/participate/')`);
		}
		if (worker) await tab.waitFor(`navigator.serviceWorker.ready.then((r) => r.active?.state === 'activated')`, 60_000);
		await browser.settle();
		return { all: [...browser.transfers], joinPage, joined, worker };
	} finally {
		await browser.close();
	}
}

/** The facilitator's device: opens the home page and waits until the whole app is kept offline. */
async function facilitatorVisit(server: RunningServer): Promise<Transfer[]> {
	const browser = await Chromium.launch();
	try {
		const tab = await browser.open(server.url);
		await tab.waitFor(
			`caches.keys().then(async (names) => { for (const name of names) if (await (await caches.open(name)).match('/.kohtaamo-whole-app')) return true; return false; })`,
			60_000
		);
		await browser.settle();
		return [...browser.transfers];
	} finally {
		await browser.close();
	}
}

export async function benchBytes(): Promise<Figure[]> {
	if (buildIsStale(PROJECT, BUILD)) runBuild(PROJECT);
	const manifest = JSON.parse(readFileSync(join(CLIENT, '.vite/manifest.json'), 'utf8')) as Manifest;
	const figures: Figure[] = [];

	for (const [route, folder] of Object.entries(ROUTES)) {
		figures.push(
			...sizeFigures(
				`${route} route JS+CSS`,
				total(routeFiles(manifest, folder)),
				route === 'join' ? JOIN_TARGET_KB : undefined
			)
		);
	}
	const participantList = (
		JSON.parse(readFileSync(join(BUILD, '_app/participant-files.json'), 'utf8')) as { files: string[] }
	).files;
	figures.push(
		...sizeFigures("participant's offline set (service worker precache)", total([...participantList, 'index.html'])),
		...sizeFigures("facilitator's full offline set", total(wholeApp()))
	);

	if (!chromiumInstalled()) {
		figures.push({
			name: 'bytes in Chromium',
			value: 0,
			unit: 'kB',
			notes: `skipped: no browser at ${chromiumPath()}`
		});
		return figures;
	}
	const server = await startServer();
	const playwright = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
	try {
		// A facilitator plans a workshop and shows its join link; it stays open, as in a real room.
		const facilitator = await playwright.newPage({ locale: 'en-GB' });
		const id = await planSession(facilitator, server.url, { title: 'Bench', methods: ['Dot voting'] });
		const link = await startRun(facilitator, server.url, id);

		const encoding = async (origin: string) =>
			(await fetch(`${origin}/`, { headers: { 'Accept-Encoding': 'br, gzip' } })).headers.get('content-encoding') ??
			'none';
		const sent = await encoding(server.url);

		const local = await participantVisit(link, server.url, []);
		const insecure = await participantVisit(link, `http://workshop.test:${server.port}`, [
			`--host-resolver-rules=MAP workshop.test 127.0.0.1`
		]);
		for (const [label, visit] of [
			['http://localhost (service worker)', local],
			['http://workshop.test (not a secure context: no service worker)', insecure]
		] as const) {
			const byWorker = visit.all.filter((t) => t.target === 'service_worker');
			figures.push(
				{
					name: `join page JS+CSS as transferred, ${label}`,
					value: kb(sum(visit.joinPage.filter(isCode))),
					unit: 'kB',
					target: { max: JOIN_TARGET_KB },
					notes: `${kb(sum(visit.joinPage.filter(isCode), 'decodedBodyLength')).toFixed(1)} kB decoded; server's content-encoding: ${sent}`
				},
				{
					name: `participant's first visit to a join link, everything transferred, ${label}`,
					value: kb(sum(visit.all)),
					unit: 'kB',
					target: { max: FIRST_VISIT_TARGET_KB },
					notes:
						`${visit.all.length} responses; service worker ${visit.worker ? `${kb(sum(byWorker)).toFixed(1)} kB in ${byWorker.length}` : 'none'}; ` +
						`JS+CSS ${kb(sum(visit.all.filter(isCode))).toFixed(1)} kB; ${visit.joined ? 'joined' : 'could not join on this page'}`
				}
			);
		}
		const facilitatorTransfers = await facilitatorVisit(server);
		figures.push({
			name: "facilitator's first visit, everything transferred (whole app kept offline), http://localhost",
			value: kb(sum(facilitatorTransfers)),
			unit: 'kB',
			notes: `${facilitatorTransfers.length} responses`
		});
	} finally {
		await playwright.close();
		await server.stop();
	}
	return figures;
}
