/**
 * The key-derivation benchmark's page script (bundled by bench/kdf.ts for Chromium): derives a
 * room key as the app does, with WebCrypto and with the pure-JavaScript fallback that a phone on
 * plain HTTP uses.
 */
import { deriveKeyBytes, type CryptoImplementation } from '../../src/lib/sync/room-crypto.ts';

async function run(implementation: CryptoImplementation, runs: number): Promise<number[]> {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await deriveKeyBytes(`bench-secret-${i}`, `bench-room-${i}`, implementation);
		times.push(performance.now() - start);
	}
	return times;
}

(globalThis as unknown as { kohtaamoKdfBench: typeof run }).kohtaamoKdfBench = run;
