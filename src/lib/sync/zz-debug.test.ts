import { it } from 'vitest';
import * as Y from 'yjs';
import { Devices, converged, meshed, randomRoom } from './testing/devices.ts';
import { waitFor } from './testing/wait.ts';
import { startServer } from './testing/workshop-server.ts';

function fill(doc: Y.Doc, count: number, bytesEach: number): void {
	const notes = doc.getMap<string>('notes');
	doc.transact(() => {
		for (let i = 0; i < count; i++)
			notes.set(`note-${i}`, Buffer.from(crypto.getRandomValues(new Uint8Array(bytesEach / 2))).toString('hex'));
	});
}
it('debug', async () => {
	const server = await startServer();
	const devices = new Devices();
	const room = randomRoom();
	const t0 = Date.now();
	const a = devices.create({ url: server.url, ...room, prepare: (doc) => fill(doc, 1600, 1000) });
	const b = devices.create({ url: server.url, ...room });
	await waitFor(() => converged([a, b]) && meshed([a, b], 'relay'), 'first two synced', 60_000);
	const t1 = Date.now();
	console.log('first two in', t1 - t0);
	const late = devices.create({ url: server.url, ...room });
	const T = () => Date.now() - t1;
	const stamp = (arr: object[], ev: object) => arr.push({ t: T(), ...ev });
	const lateEv: object[] = [];
	const aEv: object[] = [];
	const bEv: object[] = [];
	late.events.push = (...e) => {
		e.forEach((x) => stamp(lateEv, x));
		return 0;
	};
	a.events.push = (...e) => {
		e.forEach((x) => stamp(aEv, x));
		return 0;
	};
	b.events.push = (...e) => {
		e.forEach((x) => stamp(bEv, x));
		return 0;
	};
	try {
		await waitFor(() => converged([a, b, late]) && late.sync.state.synced, 'late joiner has the board', 30_000);
		console.log('late OK in', T());
	} catch {
		console.log('late FAILED', late.notes.size, JSON.stringify(late.sync.state), JSON.stringify(late.sync.peers()));
	}
	const short = (ev: object) => JSON.stringify(ev).slice(0, 170);
	console.log('LATE\n' + lateEv.map(short).join('\n'));
	console.log('A\n' + aEv.map(short).join('\n'));
	console.log('B\n' + bEv.map(short).join('\n'));
	console.log('server dropped', JSON.stringify([...server.log.droppedCounts()]));
	devices.destroyAll();
	await server.server.close();
}, 120000);
