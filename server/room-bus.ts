/**
 * Several workshop-server instances sharing one set of rooms over Redis pub/sub (`--redis <url>`).
 *
 * Why Redis pub/sub and nothing more: the servers that scale Yjs (y-redis, Hocuspocus, y-sweet)
 * read the document; Kohtaamo's server must not. An instance publishes each frame it accepted from
 * its own clients — re-serialised from the parsed message, so Redis sees exactly the routing and
 * ciphertext the server sees and nothing else — on one channel per room, and hands frames from
 * other instances to its own subscribers. Each message starts with the publishing instance's id, so
 * an instance skips its own frames (its clients already got them) instead of delivering them twice.
 *
 * The per-room rate limit holds across instances with a fixed one-second window in Redis: one Lua
 * script does INCR and, on a window's first frame, PEXPIRE — atomic, one round trip, keys that clean
 * themselves up, and no state to repair after a Redis restart. A token bucket in Lua would smooth
 * the edge of the window (a fixed window lets up to twice the limit through across a boundary), but
 * needs Redis's clock and a read-modify-write per frame; a room's limit is a guard against floods,
 * not a shaper, so the simpler window does the job. While Redis is unreachable each instance counts
 * its own frames in the same window, so the limit never lapses.
 *
 * Faults: ioredis reconnects by itself and re-subscribes its channels; commands are not queued
 * while it is away (`enableOfflineQueue: false`), so a frame is never held back waiting for Redis:
 * it reaches the instance's own clients at once, and the devices elsewhere notice the lost frames by
 * the relay's sequence numbers and resync. A slow instance cannot stall the others: Redis buffers
 * what it has not read yet up to `client-output-buffer-limit pubsub` and then disconnects that one
 * subscriber, which reconnects; publishers never wait for subscribers.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from './log.ts';

export const CHANNEL_PREFIX = 'kohtaamo:room:';
const RATE_PREFIX = 'kohtaamo:rate:';
const WINDOW_MS = 1000;

const COUNT_IN_WINDOW = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`;

export interface RoomBusStats {
	published: number;
	received: number;
	/** Frames not published because Redis was unreachable. */
	unpublished: number;
}

/** What signaling needs from the bus; the in-process tests could give it another one. */
export interface RoomBus {
	/** Whether frames reach the other instances now (both connections to Redis are ready). */
	ready(): boolean;
	/** Start or stop hearing a room's frames from other instances (its first and last local subscriber). */
	join(topic: string): void;
	leave(topic: string): void;
	/** Whether one more frame fits in the room's limit for this second, counted across instances. */
	admit(topic: string): Promise<boolean>;
	/** Sends a frame the instance accepted to the room's subscribers on the other instances. */
	publish(topic: string, frame: string): void;
	/** Frames from other instances, still untrusted: the receiver validates them. */
	onFrame(handler: (topic: string, frame: string) => void): void;
	stats(): RoomBusStats;
	close(): Promise<void>;
}

export interface RedisBusOptions {
	url: string;
	log: Logger;
	roomMessagesPerSecond: number;
}

export function createRedisBus(options: RedisBusOptions): RoomBus {
	const { log, roomMessagesPerSecond } = options;
	const instanceId = randomBytes(8).toString('hex');
	const connection = {
		enableOfflineQueue: false,
		maxRetriesPerRequest: 0,
		retryStrategy: (times: number) => Math.min(times * 100, 2000)
	};
	const commands = new Redis(options.url, connection);
	// A connection in subscriber mode can issue no other commands, so it is a second one. Its
	// subscribe calls may wait for a connection: ioredis re-subscribes after every reconnect anyway.
	const subscriber = new Redis(options.url, { ...connection, enableOfflineQueue: true });
	commands.defineCommand('kohtaamoCount', { numberOfKeys: 1, lua: COUNT_IN_WINDOW });
	const count = (key: string, ttl: number) =>
		(commands as unknown as { kohtaamoCount(key: string, ttl: number): Promise<number> }).kohtaamoCount(key, ttl);

	let handler: (topic: string, frame: string) => void = () => {};
	const stats: RoomBusStats = { published: 0, received: 0, unpublished: 0 };
	const local = new Map<string, { window: number; count: number }>();
	let closing = false;

	for (const [name, client] of [
		['commands', commands],
		['subscriber', subscriber]
	] as const) {
		client.on('error', (error: Error) => log.dropped(`redis ${name} connection error`, error.message));
		client.on('ready', () => log.info(`redis ${name} connection ready`));
		client.on('end', () => {
			if (!closing) log.warn(`redis ${name} connection ended`);
		});
	}

	subscriber.on('message', (channel: string, message: string) => {
		if (!channel.startsWith(CHANNEL_PREFIX)) return;
		const split = message.indexOf('\n');
		if (split < 0) return;
		// Our own frame: our clients had it the moment we accepted it.
		if (message.slice(0, split) === instanceId) return;
		stats.received++;
		handler(channel.slice(CHANNEL_PREFIX.length), message.slice(split + 1));
	});

	const countLocally = (topic: string, window: number): boolean => {
		const entry = local.get(topic);
		if (!entry || entry.window !== window) {
			local.set(topic, { window, count: 1 });
			// Forget rooms from earlier windows so that the map holds at most this second's rooms.
			if (local.size > 10_000) for (const [key, value] of local) if (value.window !== window) local.delete(key);
			return 1 <= roomMessagesPerSecond;
		}
		entry.count++;
		return entry.count <= roomMessagesPerSecond;
	};

	return {
		ready: () => commands.status === 'ready' && subscriber.status === 'ready',
		join(topic) {
			subscriber
				.subscribe(CHANNEL_PREFIX + topic)
				.catch((error: Error) => log.dropped('redis subscribe failed', error.message));
		},
		leave(topic) {
			subscriber
				.unsubscribe(CHANNEL_PREFIX + topic)
				.catch((error: Error) => log.dropped('redis unsubscribe failed', error.message));
		},
		async admit(topic) {
			const window = Math.floor(Date.now() / WINDOW_MS);
			if (commands.status !== 'ready') return countLocally(topic, window);
			try {
				return (await count(`${RATE_PREFIX}${topic}:${window}`, WINDOW_MS * 2)) <= roomMessagesPerSecond;
			} catch {
				return countLocally(topic, window);
			}
		},
		publish(topic, frame) {
			if (commands.status !== 'ready') {
				stats.unpublished++;
				return;
			}
			stats.published++;
			commands.publish(CHANNEL_PREFIX + topic, `${instanceId}\n${frame}`).catch(() => {
				stats.published--;
				stats.unpublished++;
			});
		},
		onFrame(next) {
			handler = next;
		},
		stats: () => ({ ...stats }),
		async close() {
			closing = true;
			await Promise.allSettled([commands.quit(), subscriber.quit()]);
			commands.disconnect();
			subscriber.disconnect();
		}
	};
}
