/**
 * The note-latency baseline (bench/latency.ts): a bare page with the real y-webrtc provider, the
 * client a developer would pick instead of ours. Device A pushes a string into a Y.Array; device
 * B's observer renders it as a list item, where the same MutationObserver as on the app's pages
 * records its arrival.
 */
import { WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';

interface Baseline {
	start(signalingUrl: string, room: string): void;
	/** Whether a peer is connected over WebRTC and has synced. */
	connected(): boolean;
	/** Adds `text` and returns when (shared wall clock) the change was made. */
	write(text: string): number;
	stop(): void;
}

let provider: WebrtcProvider | null = null;
let doc: Y.Doc | null = null;

const baseline: Baseline = {
	start(signalingUrl, room) {
		doc = new Y.Doc();
		const list = document.createElement('ul');
		document.body.append(list);
		const notes = doc.getArray<string>('notes');
		notes.observe((event) => {
			for (const delta of event.changes.delta)
				for (const text of (delta.insert as string[] | undefined) ?? []) {
					const item = document.createElement('li');
					item.textContent = text;
					list.append(item);
				}
		});
		// No STUN servers, as our provider (the devices share a LAN): host candidates only.
		provider = new WebrtcProvider(room, doc, { signaling: [signalingUrl], peerOpts: { config: { iceServers: [] } } });
	},
	connected() {
		const conns = (
			provider as unknown as { room: { webrtcConns: Map<string, { connected: boolean; synced: boolean }> } }
		)?.room?.webrtcConns;
		return [...(conns?.values() ?? [])].some((c) => c.connected && c.synced);
	},
	write(text) {
		const at = performance.timeOrigin + performance.now();
		doc!.getArray<string>('notes').push([text]);
		return at;
	},
	stop() {
		provider?.destroy();
		doc?.destroy();
	}
};

(globalThis as unknown as { kohtaamoBaseline: Baseline }).kohtaamoBaseline = baseline;
