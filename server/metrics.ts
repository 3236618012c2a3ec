/**
 * What a service operator watches, in Prometheus's text format (version 0.0.4): gauges for what is
 * open now, counters for what has passed (Prometheus's `rate()` turns them into frames and bytes per
 * second). Labels are only ours — a drop reason is one of the server's own fixed texts — so a client
 * cannot grow the number of series.
 */
import type { RoomBus } from './room-bus.ts';
import type { SignalingStats } from './signaling.ts';

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export interface MetricsSource {
	signaling: SignalingStats;
	dropped: ReadonlyMap<string, number>;
	bus?: RoomBus;
}

const escapeLabel = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

export function renderMetrics({ signaling, dropped, bus }: MetricsSource): string {
	const lines: string[] = [];
	const metric = (name: string, type: 'gauge' | 'counter', help: string, samples: [string, number][]) => {
		lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
		for (const [labels, value] of samples) lines.push(`${name}${labels} ${value}`);
	};
	metric('kohtaamo_connections', 'gauge', 'Open signaling connections on this instance.', [
		['', signaling.connections]
	]);
	metric('kohtaamo_client_addresses', 'gauge', 'Client addresses with an open connection.', [
		['', signaling.addresses]
	]);
	metric('kohtaamo_rooms', 'gauge', 'Rooms with a subscriber on this instance.', [['', signaling.topics]]);
	metric('kohtaamo_frames_received_total', 'counter', 'Frames received from clients.', [
		['', signaling.framesReceived]
	]);
	metric('kohtaamo_bytes_received_total', 'counter', 'Bytes received from clients.', [['', signaling.bytesReceived]]);
	metric('kohtaamo_frames_sent_total', 'counter', 'Frames sent to clients (one per subscriber).', [
		['', signaling.framesSent]
	]);
	metric('kohtaamo_bytes_sent_total', 'counter', 'Bytes sent to clients.', [['', signaling.bytesSent]]);
	metric(
		'kohtaamo_addressed_sends_skipped_total',
		'counter',
		'Sends saved by giving frames addressed to some peers only to those peers.',
		[['', signaling.sendsSkippedByAddress]]
	);
	metric('kohtaamo_frames_published_total', 'counter', 'Publish frames accepted from clients.', [
		['', signaling.messagesRelayed]
	]);
	metric(
		'kohtaamo_frames_dropped_total',
		'counter',
		'Frames, connections and other requests refused, by reason.',
		[...dropped].map(([reason, count]) => [`{reason="${escapeLabel(reason)}"}`, count])
	);
	if (bus) {
		const stats = bus.stats();
		metric('kohtaamo_redis_ready', 'gauge', 'Whether both connections to Redis are ready (1) or not (0).', [
			['', bus.ready() ? 1 : 0]
		]);
		metric('kohtaamo_redis_frames_published_total', 'counter', 'Frames published to other instances.', [
			['', stats.published]
		]);
		metric('kohtaamo_redis_frames_unpublished_total', 'counter', 'Frames not published: Redis unreachable.', [
			['', stats.unpublished]
		]);
		metric('kohtaamo_redis_frames_received_total', 'counter', 'Frames received from other instances.', [
			['', stats.received]
		]);
		metric('kohtaamo_redis_frames_forwarded_total', 'counter', 'Frames from other instances that passed validation.', [
			['', signaling.framesFromBus]
		]);
	}
	return lines.join('\n') + '\n';
}
