/**
 * A Node WebSocket client on the workshop server's signaling path, subscribed to a room: it hears
 * everything the server relays for that room (as any stranger who learnt the room name could), and
 * can publish into it.
 */
import WebSocket from 'ws';

export interface RoomClient {
	frames: string[];
	publish(data: unknown): void;
	sendRaw(frame: string | Buffer): void;
	close(): void;
}

export function roomOfLink(link: string): string {
	const room = new URLSearchParams(new URL(link).hash.slice(1)).get('r');
	if (!room) throw new Error('link has no room');
	return room;
}

export async function joinRoom(serverUrl: string, room: string): Promise<RoomClient> {
	const socket = new WebSocket(serverUrl.replace(/^http/, 'ws') + '/signal');
	await new Promise((resolve, reject) => {
		socket.once('open', resolve);
		socket.once('error', reject);
	});
	const frames: string[] = [];
	socket.on('message', (data) => frames.push(data.toString()));
	socket.send(JSON.stringify({ type: 'subscribe', topics: [room] }));
	return {
		frames,
		publish: (data) => socket.send(JSON.stringify({ type: 'publish', topic: room, data })),
		sendRaw: (frame) => socket.send(frame),
		close: () => socket.close()
	};
}
