import { test as base } from '@playwright/test';
import { startServer, type RunningServer } from './server.ts';
import { openDevice, type Device, type DeviceOptions } from './workshop.ts';

export interface Devices {
	/** Opens a device in its own browser context; it is closed when the test ends, pass or fail. */
	open(options?: DeviceOptions): Promise<Device>;
}

/**
 * `server`: one real workshop server per worker, shared by the tests that do not stop it.
 * `devices`: opens devices for one test and closes all of them when it ends.
 */
export const test = base.extend<{ devices: Devices }, { server: RunningServer }>({
	server: [
		async ({}, use) => {
			const server = await startServer();
			await use(server);
			await server.stop();
		},
		{ scope: 'worker' }
	],
	baseURL: async ({ server }, use) => use(server.url),
	devices: async ({ browser }, use) => {
		const opened: Device[] = [];
		await use({
			async open(options) {
				const device = await openDevice(browser, options);
				opened.push(device);
				return device;
			}
		});
		await Promise.all(opened.map((device) => device.context.close()));
	}
});

export { expect } from '@playwright/test';
