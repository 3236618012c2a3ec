import { expect, test } from './support/fixtures.ts';
import { addNote, expectConnected, join, listView, planSession, startRun, type Device } from './support/workshop.ts';

/**
 * Records every RTCPeerConnection a page makes and its data channels' states, so that a test can
 * tell a real peer-to-peer connection from BroadcastChannel or a relay through the server.
 */
async function watchPeerConnections(device: Device) {
	await device.context.addInitScript(() => {
		const Real = window.RTCPeerConnection;
		const seen: { connection: string; channels: string[] }[] = [];
		(window as unknown as { __peers: typeof seen }).__peers = seen;
		window.RTCPeerConnection = class extends Real {
			constructor(config?: RTCConfiguration) {
				super(config);
				const entry = { connection: 'new', channels: [] as string[] };
				seen.push(entry);
				this.addEventListener('connectionstatechange', () => (entry.connection = this.connectionState));
				const track = (channel: RTCDataChannel) => {
					const i = entry.channels.push(channel.readyState) - 1;
					channel.addEventListener('open', () => (entry.channels[i] = 'open'));
					channel.addEventListener('close', () => (entry.channels[i] = 'closed'));
				};
				this.addEventListener('datachannel', (event) => track(event.channel));
				const create = this.createDataChannel.bind(this);
				this.createDataChannel = (label: string, options?: RTCDataChannelInit) => {
					const channel = create(label, options);
					track(channel);
					return channel;
				};
			}
		};
	});
}

test('two separate browser contexts exchange a Yjs update over a real RTCPeerConnection', async ({
	devices,
	server
}) => {
	const facilitator = await devices.open();
	const participant = await devices.open({ viewport: { width: 390, height: 800 } });
	// Installed before either page loads the app: init scripts apply to every later navigation.
	await watchPeerConnections(facilitator);
	await watchPeerConnections(participant);
	const id = await planSession(facilitator.page, server.url, { title: 'Peer to peer', methods: ['Dot voting'] });
	const link = await startRun(facilitator.page, server.url, id);
	await join(participant, link, 'Pia');
	await expectConnected(participant.page, 1);

	// A note written on the phone reaches the tablet.
	await addNote(participant.page, 'Suoraan laitteelta toiselle');
	await listView(facilitator.page);
	await expect(facilitator.page.locator('.note-item .text')).toHaveText(['Suoraan laitteelta toiselle']);

	// …over a connected RTCPeerConnection with an open data channel on both sides.
	for (const device of [facilitator, participant]) {
		const peers = await device.page.evaluate(
			() => (window as unknown as { __peers: { connection: string; channels: string[] }[] }).__peers
		);
		expect(peers.some((p) => p.connection === 'connected' && p.channels.includes('open'))).toBe(true);
		await expect(device.page.locator('[data-connection]')).toHaveText(/^Connected to 1 device$/);
	}
});
