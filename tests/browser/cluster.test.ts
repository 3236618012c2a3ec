/**
 * The workshop server as several instances on one real redis-server, in real browsers: the
 * facilitator's tablet on one instance, a phone on a second (a direct WebRTC link, its signaling
 * across Redis) and a phone without WebRTC behind a load balancer on a third (the relay across
 * Redis). The third instance is then killed with SIGKILL mid-workshop: the phone's connection moves
 * through the balancer to a remaining instance and every note reaches every device.
 */
import { createServer, Socket, type Server } from 'node:net';
import { startRedis, type RunningRedis } from '../../server/testing/redis-server.ts';
import { expect, test } from './support/fixtures.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { addNote, expectConnected, join, noteTexts, planSession, startRun } from './support/workshop.ts';

/**
 * A TCP balancer that sends each connection to the first backend that accepts it, as nginx does
 * with a backup upstream: the phone stays on one instance until that one dies.
 */
async function failover(ports: () => number[]): Promise<{ url: string; close(): Promise<void> }> {
	const sockets = new Set<Socket>();
	const proxy: Server = createServer((client) => {
		sockets.add(client);
		client.once('close', () => sockets.delete(client));
		client.on('error', () => client.destroy());
		client.pause();
		const attempt = (left: number[]) => {
			const [port, ...rest] = left;
			if (port === undefined) return client.destroy();
			const upstream = new Socket();
			upstream.once('error', () => attempt(rest));
			upstream.connect(port, '127.0.0.1', () => {
				sockets.add(upstream);
				upstream.removeAllListeners('error');
				upstream.on('error', () => client.destroy());
				upstream.once('close', () => client.destroy());
				client.once('close', () => upstream.destroy());
				client.pipe(upstream).pipe(client);
				client.resume();
			});
		};
		attempt(ports());
	});
	await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
	return {
		// 127.0.0.1 (still a secure context): Chromium may try `localhost` on ::1 first, where nothing listens.
		url: `http://127.0.0.1:${(proxy.address() as { port: number }).port}`,
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				proxy.close(() => resolve());
			})
	};
}

test.describe('several server instances on Redis', () => {
	test.describe.configure({ timeout: 300_000 });
	let redis: RunningRedis;
	const instances: RunningServer[] = [];

	test.beforeAll(async () => {
		redis = await startRedis();
		for (let i = 0; i < 3; i++) instances.push(await startServer(['--redis', redis.url]));
	});
	test.afterAll(async () => {
		await Promise.all(instances.map((instance) => instance.stop()));
		await redis.destroy();
	});

	test('devices on different instances converge directly and through the relay, and after one instance is killed', async ({
		devices
	}) => {
		const [one, two, three] = instances;
		const balancer = await failover(() => [three.port, one.port]);
		try {
			const facilitator = await devices.open();
			const aino = await devices.open({ viewport: { width: 390, height: 800 } });
			const isolated = await devices.open({ viewport: { width: 390, height: 800 }, webRtc: false });
			const all = [facilitator, aino, isolated];
			const id = await planSession(facilitator.page, one.url, { title: 'Across instances', methods: ['Dot voting'] });
			const hash = new URL(await startRun(facilitator.page, one.url, id)).hash;
			await join(aino, `${two.url}/join${hash}`, 'Aino');
			await join(isolated, `${balancer.url}/join${hash}`, 'Isolated');
			for (const device of all) await expectConnected(device.page, 2);
			await expect(facilitator.page.locator('[data-connection]')).toHaveText(
				'Connected to 2 devices: 1 directly, 1 through the server'
			);
			await expect(isolated.page.locator('[data-connection]')).toHaveText('Connected to 2 devices through the server');

			const before = ['Tablet on instance one', 'Phone on instance two', 'Relay phone on instance three'];
			await addNote(facilitator.page, before[0]);
			await addNote(aino.page, before[1]);
			await addNote(isolated.page, before[2]);
			for (const device of all)
				await expect.poll(() => noteTexts(device), { timeout: 60_000 }).toEqual([...before].sort());

			// Instance three dies with no chance to close its sockets; notes are written meanwhile.
			await three.signal('SIGKILL');
			expect(await three.exitCode()).toBeNull();
			instances.splice(instances.indexOf(three), 1);
			const during = ['Written as instance three died', 'Relay phone after the failover'];
			await addNote(facilitator.page, during[0]);
			await addNote(isolated.page, during[1]);
			const everything = [...before, ...during].sort();
			for (const device of all) await expect.poll(() => noteTexts(device), { timeout: 90_000 }).toEqual(everything);
			await expectConnected(isolated.page, 2);
		} finally {
			await balancer.close();
		}
	});
});
