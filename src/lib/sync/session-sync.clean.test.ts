/**
 * A healthy room must not drop anything: four devices joining, editing, presence changing, leaving
 * and coming back, over direct links (the strict fake WebRTC) and the relay. Any `dropped` or
 * `error` log event in such a session is a bug, not noise — resync would hide it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeNetwork } from './testing/fake-webrtc.ts';
import { Devices, converged, randomRoom, type Device } from './testing/devices.ts';
import { settle, waitFor } from './testing/wait.ts';
import { startServer, type RunningServer } from './testing/workshop-server.ts';
import type { SyncLogEvent } from './types.ts';

let server: RunningServer;
let network: FakeNetwork;
const devices = new Devices();

beforeEach(async () => {
	server = await startServer();
	network = new FakeNetwork();
});

afterEach(async () => {
	devices.destroyAll();
	await server.server.close();
});

const problems = (all: Device[]): SyncLogEvent[] =>
	all.flatMap((d) => d.events).filter((e) => e.type === 'dropped' || e.type === 'error');

describe('a clean four-device session', () => {
	it.each([
		{ transports: 'direct links', relayed: [] as string[] },
		{ transports: 'direct links and the relay', relayed: ['b', 'd2'] }
	])(
		'drops nothing while devices join, edit, leave and come back, over $transports',
		async ({ relayed }) => {
			const room = randomRoom();
			const join = (name: string) =>
				devices.create({
					url: server.url,
					...room,
					RTCPeerConnection: relayed.includes(name) ? null : network.for(name)
				});
			const all = ['a', 'b', 'c', 'd'].map(join);
			const linked = (ds: Device[]) => ds.every((d) => d.sync.peers().length === ds.length - 1 && d.sync.state.synced);
			await waitFor(() => linked(all), 'four devices linked', 15_000);
			for (const [i, d] of all.entries()) {
				d.notes.set(`note-${i}`, `from ${i}`);
				d.awareness.setLocalStateField('name', `device ${i}`);
			}
			await waitFor(() => converged(all) && all[0].notes.size === 4, 'converged');

			// d leaves (its farewell goes over each data channel), then rejoins as a new provider.
			all[3].doc.destroy();
			const stay = all.slice(0, 3);
			await waitFor(() => stay.every((d) => d.sync.peers().length === 2), 'd gone everywhere');
			const back = join('d2');
			const again = [...stay, back];
			await waitFor(() => linked(again) && converged(again), 'd back', 15_000);
			back.notes.set('back', 'yes');
			await waitFor(() => stay.every((d) => d.notes.get('back') === 'yes'), 'edit after rejoin');
			await settle(500);
			expect(problems([...all, back])).toEqual([]);
			// Departures were announced, not noticed by silence.
			const left = all[3].sync.peerId;
			for (const d of stay) {
				expect(d.events).toContainEqual(expect.objectContaining({ type: 'peer', peerId: left, event: 'left' }));
				expect(d.events.filter((e) => e.type === 'peer' && e.event === 'timeout')).toEqual([]);
			}
		},
		40_000
	);
});
