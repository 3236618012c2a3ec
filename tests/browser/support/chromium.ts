import { existsSync } from 'node:fs';

/** Debian's Chromium, or the browser named by CHROMIUM_PATH. */
export function chromiumPath(): string {
	return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export const chromiumInstalled = (): boolean => existsSync(chromiumPath());
