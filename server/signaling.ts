/**
 * Signaling for the workshop's peer-to-peer sync, on a WebSocket path of the app's own origin.
 *
 * Why it lives here and not on a public server: a museum's workshop must work on a LAN with no
 * internet, and an HTTPS page cannot open a plain `ws://` socket elsewhere. The server only
 * forwards messages between subscribers of a topic; it never reads them (clients encrypt them with
 * the room secret, which never reaches the server). Every limit in `Limits` is enforced here, and
 * a bad frame is dropped with a log line — a hostile client can lose its own connection, never
 * crash the server or disturb other rooms.
 *
 * No device can block the room: connections and topics are limited per client address as well as
 * in total, so one phone (or one script) holding hundreds of sockets is refused (HTTP 429) while
 * every other device still connects; a socket that never subscribes is closed after a short grace
 * (close code 4408), so idle sockets cannot hold places either.
 *
 * Addressed frames go only to their addressees. A frame's `data` carries its routing in the clear
 * (`from`, and `to` when it is for some peers only; the content is sealed): a relayed transfer or a
 * signal for one peer in a room of 60 devices would otherwise cost 59 useless sends (and as many
 * decryptions that end in "not for me"). A connection is known by the `from` of its own publishes in
 * a room; a frame with `to` reaches the connections known by those ids, and connections not known
 * yet (one that reconnected and has not announced itself), so that a frame is never lost to a race.
 * Routing needs no trust: a connection that claims another's id only receives that peer's
 * ciphertext, which it could not open without the room key, and the peer still gets its own.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { normaliseAddress } from './client-address.ts';
import type { Limits } from './limits.ts';
import type { Logger } from './log.ts';
import type { RoomBus } from './room-bus.ts';
import { parseClientMessage } from './signaling-protocol.ts';

/** Close code for a socket that did not subscribe to any topic within `subscribeGraceMs`. */
export const CLOSE_NO_SUBSCRIPTION = 4408;

export interface SignalingStats {
	connections: number;
	/** Client addresses with at least one connection. */
	addresses: number;
	topics: number;
	messagesRelayed: number;
	/** Frames and bytes received from this instance's clients. */
	framesReceived: number;
	bytesReceived: number;
	/** Frames and bytes sent to this instance's clients (one per subscriber). */
	framesSent: number;
	bytesSent: number;
	/** Publish frames that came from other instances through the bus and were forwarded. */
	framesFromBus: number;
	/** Sends saved by delivering addressed frames only to their addressees. */
	sendsSkippedByAddress: number;
}

export interface Signaling {
	/** Handles an HTTP upgrade; returns false when the path is not ours (leave it to others). */
	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
	stats(): SignalingStats;
	close(): Promise<void>;
}

export interface SignalingOptions {
	path: string;
	limits: Limits;
	log: Logger;
	/** How often to ping clients; a client that missed one ping is disconnected. */
	heartbeatMs?: number;
	/** The client address a request counts against (default: the TCP peer; see client-address.ts). */
	addressOf?: (req: IncomingMessage) => string;
	/** Other instances sharing the rooms (room-bus.ts); without it, this process is the only one. */
	bus?: RoomBus;
}

/** What one client address holds: connections (counted from the upgrade on) and topics, each
 * topic with the number of that address's connections subscribed to it. */
interface AddressUsage {
	connections: number;
	topics: Map<string, number>;
}

interface Client {
	socket: WebSocket;
	topics: Set<string>;
	alive: boolean;
	tokens: number;
	lastRefill: number;
	address: string;
	usage: AddressUsage;
	graceTimer: ReturnType<typeof setTimeout> | undefined;
	/** With a bus, this client's publishes in order: each waits for the room limit's answer. */
	pending: Promise<void>;
	/** The peer id this connection publishes as, per topic (the `from` of its first publish there). */
	peers: Map<string, string>;
}

/** Peer ids are the sync layer's (room-messages.ts); longer strings are not ids and bind nothing. */
const MAX_PEER_ID_LENGTH = 64;
const MAX_ADDRESSEES = 256;

/** The `from` of a publish's data, when it is a plausible peer id. */
function senderOf(data: unknown): string | undefined {
	if (typeof data !== 'object' || data === null) return undefined;
	const from = (data as { from?: unknown }).from;
	return typeof from === 'string' && from.length > 0 && from.length <= MAX_PEER_ID_LENGTH ? from : undefined;
}

/** The `to` of a publish's data, or undefined for a frame to everyone (or one whose `to` is not a
 * list of ids: it is delivered as before, and the clients drop it). */
function addresseesOf(data: unknown): string[] | undefined {
	if (typeof data !== 'object' || data === null) return undefined;
	const to = (data as { to?: unknown }).to;
	if (!Array.isArray(to) || to.length === 0 || to.length > MAX_ADDRESSEES) return undefined;
	return to.every((id) => typeof id === 'string' && id.length <= MAX_PEER_ID_LENGTH) ? (to as string[]) : undefined;
}

export function createSignaling(options: SignalingOptions): Signaling {
	const { limits, log } = options;
	const wss = new WebSocketServer({
		noServer: true,
		maxPayload: limits.maxPayloadBytes,
		perMessageDeflate: false
	});
	const topics = new Map<string, Set<Client>>();
	const clients = new Set<Client>();
	const addresses = new Map<string, AddressUsage>();
	/** Sockets from the upgrade until they close, handshake or not: the limits count these. */
	let connections = 0;
	let messagesRelayed = 0;
	let framesReceived = 0;
	let bytesReceived = 0;
	let framesSent = 0;
	let bytesSent = 0;
	let framesFromBus = 0;
	let sendsSkippedByAddress = 0;
	const { bus } = options;
	const addressOf = options.addressOf ?? ((req: IncomingMessage) => normaliseAddress(req.socket.remoteAddress));

	const send = (client: Client, payload: string) => {
		if (client.socket.readyState !== client.socket.OPEN) return;
		if (client.socket.bufferedAmount > limits.maxBufferedBytes) {
			log.dropped('slow subscriber skipped', client.address);
			return;
		}
		framesSent++;
		bytesSent += payload.length;
		client.socket.send(payload);
	};

	/**
	 * Hands a publish to this instance's subscribers of the topic, each told how many there are here:
	 * all of them, or for an addressed frame its addressees and the connections not known by id yet.
	 */
	const deliver = (topic: string, data: unknown) => {
		const subscribers = topics.get(topic);
		if (!subscribers) return;
		const payload = JSON.stringify({ type: 'publish', topic, data, clients: subscribers.size });
		const to = addresseesOf(data);
		if (!to) {
			for (const subscriber of subscribers) send(subscriber, payload);
			return;
		}
		for (const subscriber of subscribers) {
			const peer = subscriber.peers.get(topic);
			if (peer === undefined || to.includes(peer)) send(subscriber, payload);
			else sendsSkippedByAddress++;
		}
	};

	/** Learns the peer id a connection publishes as in a room (its first publish there decides). */
	const bind = (client: Client, topic: string, data: unknown) => {
		if (client.peers.has(topic)) return;
		const from = senderOf(data);
		if (from !== undefined) client.peers.set(topic, from);
	};

	// A frame from another instance is treated as a client's would be: an instance forwards nothing
	// it would not have accepted itself, whoever else can write to Redis.
	bus?.onFrame((topic, frame) => {
		if (frame.length > limits.maxPayloadBytes) {
			log.dropped('bus frame too large', topic.slice(0, 16));
			return;
		}
		const parsed = parseClientMessage(frame, limits);
		if (!parsed.ok || parsed.message.type !== 'publish' || parsed.message.topic !== topic) {
			log.dropped(`malformed bus frame${parsed.ok ? '' : `: ${parsed.reason}`}`);
			return;
		}
		framesFromBus++;
		deliver(topic, parsed.message.data);
	});

	const takeToken = (client: Client): boolean => {
		const now = Date.now();
		const refill = ((now - client.lastRefill) / 1000) * limits.messagesPerSecond;
		client.tokens = Math.min(limits.messageBurst, client.tokens + refill);
		client.lastRefill = now;
		if (client.tokens < 1) return false;
		client.tokens -= 1;
		return true;
	};

	const unsubscribe = (client: Client, topic: string) => {
		const subscribers = topics.get(topic);
		if (!subscribers) return;
		client.peers.delete(topic);
		subscribers.delete(client);
		if (subscribers.size === 0) {
			topics.delete(topic);
			bus?.leave(topic);
		}
		client.topics.delete(topic);
		const held = (client.usage.topics.get(topic) ?? 1) - 1;
		if (held > 0) client.usage.topics.set(topic, held);
		else client.usage.topics.delete(topic);
	};

	const onMessage = (client: Client, data: RawData, isBinary: boolean) => {
		framesReceived++;
		bytesReceived += rawLength(data);
		if (!takeToken(client)) {
			log.dropped('rate limit exceeded', client.address);
			return;
		}
		if (isBinary) {
			log.dropped('binary frame', client.address);
			return;
		}
		const parsed = parseClientMessage(rawToString(data), limits);
		if (!parsed.ok) {
			log.dropped(`malformed frame: ${parsed.reason}`, client.address);
			return;
		}
		const message = parsed.message;
		switch (message.type) {
			case 'subscribe':
				for (const topic of message.topics) {
					if (client.topics.has(topic)) continue;
					if (client.topics.size >= limits.maxTopicsPerConnection) {
						log.dropped('topic limit per connection reached', client.address);
						break;
					}
					const { usage } = client;
					if (!usage.topics.has(topic) && usage.topics.size >= limits.maxTopicsPerAddress) {
						log.dropped('topic limit per address reached', client.address);
						break;
					}
					usage.topics.set(topic, (usage.topics.get(topic) ?? 0) + 1);
					clearTimeout(client.graceTimer);
					client.graceTimer = undefined;
					let subscribers = topics.get(topic);
					if (!subscribers) {
						topics.set(topic, (subscribers = new Set()));
						bus?.join(topic);
					}
					subscribers.add(client);
					client.topics.add(topic);
				}
				break;
			case 'unsubscribe':
				for (const topic of message.topics) unsubscribe(client, topic);
				break;
			case 'publish': {
				// Only members of a room may speak in it: a stranger cannot inject into a room by name alone.
				if (!client.topics.has(message.topic)) {
					log.dropped('publish to a topic the client has not joined', client.address);
					return;
				}
				bind(client, message.topic, message.data);
				if (!bus) {
					deliver(message.topic, message.data);
					messagesRelayed++;
					break;
				}
				// Ask Redis now (requests are pipelined), deliver in the order the client sent.
				const admitted = bus.admit(message.topic);
				const frame = JSON.stringify({ type: 'publish', topic: message.topic, data: message.data });
				client.pending = client.pending
					.then(() => admitted)
					.then((ok) => {
						if (!ok) {
							log.dropped('room rate limit exceeded', client.address);
							return;
						}
						deliver(message.topic, message.data);
						bus.publish(message.topic, frame);
						messagesRelayed++;
					})
					.catch((error: unknown) => log.dropped('frame caused an error', String(error)));
				break;
			}
			case 'ping':
				send(client, JSON.stringify({ type: 'pong' }));
				break;
		}
	};

	const accept = (socket: WebSocket, address: string, usage: AddressUsage) => {
		const client: Client = {
			socket,
			topics: new Set(),
			alive: true,
			tokens: limits.messageBurst,
			lastRefill: Date.now(),
			address,
			usage,
			pending: Promise.resolve(),
			peers: new Map(),
			graceTimer: setTimeout(() => {
				log.dropped('no subscription within the grace period', address);
				socket.close(CLOSE_NO_SUBSCRIPTION, 'subscribe to a topic first');
			}, limits.subscribeGraceMs)
		};
		client.graceTimer?.unref();
		clients.add(client);
		socket.on('message', (data, isBinary) => {
			try {
				onMessage(client, data, isBinary);
			} catch (error) {
				// A bug in our own handling must not take the whole workshop down.
				log.dropped('frame caused an error', String(error));
			}
		});
		socket.on('pong', () => (client.alive = true));
		socket.on('error', (error) => log.dropped('socket error', `${client.address}: ${error.message}`));
		socket.on('close', () => {
			clearTimeout(client.graceTimer);
			for (const topic of [...client.topics]) unsubscribe(client, topic);
			clients.delete(client);
		});
	};

	const heartbeat = setInterval(() => {
		for (const client of clients) {
			if (!client.alive) {
				client.socket.terminate();
				continue;
			}
			client.alive = false;
			client.socket.ping();
		}
	}, options.heartbeatMs ?? 30_000);
	heartbeat.unref();

	return {
		handleUpgrade(req, socket, head) {
			const path = new URL(req.url ?? '/', 'http://localhost').pathname;
			if (path !== options.path) return false;
			const address = addressOf(req);
			const usage = addresses.get(address) ?? { connections: 0, topics: new Map<string, number>() };
			// Per address first: a device over its own limit must not see (or cause) "server full".
			if (usage.connections >= limits.maxConnectionsPerAddress) {
				log.dropped('connection limit per address reached', address);
				socket.end('HTTP/1.1 429 Too Many Requests\r\nRetry-After: 10\r\nConnection: close\r\n\r\n');
				return true;
			}
			if (connections >= limits.maxConnections) {
				log.dropped('connection limit reached', address);
				socket.end('HTTP/1.1 503 Service Unavailable\r\nRetry-After: 10\r\nConnection: close\r\n\r\n');
				return true;
			}
			connections++;
			usage.connections++;
			addresses.set(address, usage);
			socket.once('close', () => {
				connections--;
				usage.connections--;
				if (usage.connections === 0) addresses.delete(address);
			});
			wss.handleUpgrade(req, socket, head, (ws) => accept(ws, address, usage));
			return true;
		},
		stats: () => ({
			connections: clients.size,
			addresses: addresses.size,
			topics: topics.size,
			messagesRelayed,
			framesReceived,
			bytesReceived,
			framesSent,
			bytesSent,
			framesFromBus,
			sendsSkippedByAddress
		}),
		async close() {
			clearInterval(heartbeat);
			for (const client of clients) client.socket.close(1001, 'server stopping');
			// Give close frames a moment, then cut whatever is left.
			const deadline = Date.now() + 500;
			while (clients.size > 0 && Date.now() < deadline) await delay(20);
			for (const client of clients) {
				clearTimeout(client.graceTimer);
				client.socket.terminate();
			}
			await new Promise<void>((resolve) => wss.close(() => resolve()));
		}
	};
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function rawLength(data: RawData): number {
	if (Array.isArray(data)) return data.reduce((sum, part) => sum + part.length, 0);
	return data instanceof ArrayBuffer ? data.byteLength : data.length;
}

function rawToString(data: RawData): string {
	if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
	if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
	return data.toString('utf8');
}
