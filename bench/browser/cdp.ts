/**
 * A fresh Debian Chromium process driven through the DevTools protocol directly, for the byte
 * counts: Playwright cannot show a service worker's own requests per target, and a phone's first
 * visit includes what its worker precaches. Every target (pages and service workers) is attached
 * as it starts, paused until its Network domain is on, so no request goes uncounted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { chromiumPath } from '../../tests/browser/support/chromium.ts';

type Params = Record<string, unknown>;
type Listener = (params: Params, sessionId: string | undefined) => void;

export interface Transfer {
	url: string;
	/** `Document`, `Script`, `Stylesheet`, `Fetch`, … as DevTools names it. */
	type: string;
	/** `page` or `service_worker`: which target made the request. */
	target: string;
	/** Bytes received for it (headers and body, as sent: compressed when the server compresses). */
	encodedDataLength: number;
	/** The body after decoding. */
	decodedBodyLength: number;
}

export class Chromium {
	readonly transfers: Transfer[] = [];
	#socket: WebSocket;
	#child: ChildProcess;
	#profile: string;
	#nextId = 1;
	#pending = new Map<number, { resolve: (value: Params) => void; reject: (error: Error) => void }>();
	#listeners = new Map<string, Set<Listener>>();
	/** Session ids of the attached targets, by target id. */
	#sessions = new Map<string, string>();

	private constructor(socket: WebSocket, child: ChildProcess, profile: string) {
		this.#socket = socket;
		this.#child = child;
		this.#profile = profile;
		socket.on('message', (data) => {
			const message = JSON.parse(String(data)) as {
				id?: number;
				result?: Params;
				error?: { message: string };
				method?: string;
				params?: Params;
				sessionId?: string;
			};
			if (message.id !== undefined) {
				const pending = this.#pending.get(message.id);
				this.#pending.delete(message.id);
				if (message.error) pending?.reject(new Error(message.error.message));
				else pending?.resolve(message.result ?? {});
			} else if (message.method) {
				for (const listener of this.#listeners.get(message.method) ?? [])
					listener(message.params ?? {}, message.sessionId);
			}
		});
	}

	static async launch(extraArgs: string[] = []): Promise<Chromium> {
		const profile = await mkdtemp(join(tmpdir(), 'kohtaamo-bench-chromium-'));
		const child = spawn(
			chromiumPath(),
			[
				'--headless=new',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--remote-debugging-port=0',
				`--user-data-dir=${profile}`,
				...extraArgs,
				'about:blank'
			],
			{ stdio: ['ignore', 'ignore', 'pipe'] }
		);
		const url = await new Promise<string>((resolve, reject) => {
			let log = '';
			const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${log}`)), 20_000);
			child.stderr!.on('data', (chunk: Buffer) => {
				log += chunk.toString();
				const match = /DevTools listening on (ws:\/\/\S+)/.exec(log);
				if (match) {
					clearTimeout(timer);
					resolve(match[1]);
				}
			});
			child.on('exit', (code) => reject(new Error(`Chromium exited with ${code}:\n${log}`)));
		});
		const socket = new WebSocket(url, { perMessageDeflate: false });
		await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
		const browser = new Chromium(socket, child, profile);
		await browser.#watchTargets();
		return browser;
	}

	send<T = Params>(method: string, params: Params = {}, sessionId?: string): Promise<T> {
		const id = this.#nextId++;
		return new Promise<T>((resolve, reject) => {
			this.#pending.set(id, { resolve: resolve as (value: Params) => void, reject });
			this.#socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
		});
	}

	on(method: string, listener: Listener): () => void {
		const set = this.#listeners.get(method) ?? new Set();
		set.add(listener);
		this.#listeners.set(method, set);
		return () => set.delete(listener);
	}

	/** Attaches to every page and service worker as it starts, and records what each transfers. */
	async #watchTargets(): Promise<void> {
		const requests = new Map<
			string,
			{ url: string; type: string; target: string; fromWorker: boolean; decoded: number }
		>();
		const targets = new Map<string, string>();
		const key = (params: Params, sessionId: string | undefined) => `${sessionId}:${params.requestId as string}`;
		this.on('Target.attachedToTarget', (params) => {
			const sessionId = params.sessionId as string;
			const info = params.targetInfo as { type: string; targetId: string };
			targets.set(sessionId, info.type);
			this.#sessions.set(info.targetId, sessionId);
			void (async () => {
				await this.send('Network.enable', {}, sessionId).catch(() => undefined);
				await this.send('Runtime.runIfWaitingForDebugger', {}, sessionId).catch(() => undefined);
			})();
		});
		this.on('Network.responseReceived', (params, sessionId) => {
			const response = params.response as { url: string; fromServiceWorker?: boolean };
			requests.set(key(params, sessionId), {
				url: response.url,
				type: params.type as string,
				target: targets.get(sessionId ?? '') ?? 'unknown',
				fromWorker: response.fromServiceWorker === true,
				decoded: 0
			});
		});
		this.on('Network.dataReceived', (params, sessionId) => {
			const request = requests.get(key(params, sessionId));
			if (request) request.decoded += params.dataLength as number;
		});
		this.on('Network.loadingFinished', (params, sessionId) => {
			const request = requests.get(key(params, sessionId));
			// A page's request that its service worker answered is counted once, at the worker.
			// Only the app's own traffic: not data: URLs, not Chromium's own chrome:// interface.
			if (!request || request.fromWorker || !/^https?:/.test(request.url)) return;
			if (!['page', 'service_worker', 'worker'].includes(request.target)) return;
			this.transfers.push({
				url: request.url,
				type: request.type,
				target: request.target,
				encodedDataLength: params.encodedDataLength as number,
				decodedBodyLength: request.decoded
			});
		});
		await this.send('Target.setDiscoverTargets', { discover: true });
		await this.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true });
	}

	/** Opens a tab and returns its session. */
	async open(url = 'about:blank'): Promise<Tab> {
		const { targetId } = await this.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
		const start = Date.now();
		while (!this.#sessions.has(targetId)) {
			if (Date.now() - start > 10_000) throw new Error('the new tab was not attached');
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		const tab = new Tab(this, this.#sessions.get(targetId)!);
		await this.send('Page.enable', {}, tab.sessionId);
		await this.send('Runtime.enable', {}, tab.sessionId);
		if (url !== 'about:blank') await tab.goto(url);
		return tab;
	}

	/** Waits until no request has finished for `quietMs`. */
	async settle(quietMs = 1500, timeoutMs = 60_000): Promise<void> {
		const start = Date.now();
		let count = -1;
		while (Date.now() - start < timeoutMs) {
			if (count === this.transfers.length) return;
			count = this.transfers.length;
			await new Promise((resolve) => setTimeout(resolve, quietMs));
		}
	}

	async close(): Promise<void> {
		this.#socket.close();
		if (this.#child.exitCode === null) {
			await new Promise<void>((resolve) => {
				this.#child.once('exit', () => resolve());
				this.#child.kill('SIGTERM');
			});
		}
		// Chromium's helper processes may still be writing to the profile for a moment after it exits.
		await rm(this.#profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
	}
}

export class Tab {
	constructor(
		readonly browser: Chromium,
		readonly sessionId: string
	) {}

	async goto(url: string): Promise<void> {
		const loaded = new Promise<void>((resolve) => {
			const off = this.browser.on('Page.loadEventFired', (_, sessionId) => {
				if (sessionId === this.sessionId) {
					off();
					resolve();
				}
			});
		});
		await this.browser.send('Page.navigate', { url }, this.sessionId);
		await loaded;
	}

	/** Evaluates an expression in the page (awaiting a promise) and returns its value. */
	async evaluate<T>(expression: string): Promise<T> {
		const result = await this.browser.send<{ result: { value: T }; exceptionDetails?: { text: string } }>(
			'Runtime.evaluate',
			{ expression, awaitPromise: true, returnByValue: true },
			this.sessionId
		);
		if (result.exceptionDetails) throw new Error(`${expression}: ${result.exceptionDetails.text}`);
		return result.result.value;
	}

	/** Polls an expression until it is truthy. */
	async waitFor(expression: string, timeoutMs = 30_000): Promise<void> {
		const start = Date.now();
		while (!(await this.evaluate<boolean>(`Boolean(${expression})`).catch(() => false))) {
			if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${expression}`);
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}
}
