import { defineConfig } from '@playwright/test';
import { chromiumPath } from './tests/browser/support/chromium.ts';

/**
 * Browser tests run Debian's Chromium (no browser downloads are possible here) against the
 * production build, served by the real workshop server that each test file starts on a free port.
 */
export default defineConfig({
	testDir: process.env.PW_TEST_DIR ?? 'tests/browser',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	fullyParallel: false,
	workers: process.env.CI ? 1 : 2,
	retries: 0,
	outputDir: process.env.PLAYWRIGHT_OUTPUT_DIR ?? 'test-results',
	reporter: [['list']],
	use: {
		browserName: 'chromium',
		launchOptions: {
			executablePath: chromiumPath(),
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				// A name that is not localhost, so http://workshop.test:<port>/ is an insecure context
				// as a phone on the LAN sees it, while the traffic stays on loopback.
				'--host-resolver-rules=MAP workshop.test 127.0.0.1'
			]
		},
		trace: 'retain-on-failure'
	}
});
