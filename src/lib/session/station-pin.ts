/**
 * The comment station's exit PIN. The station stores only a salt and a hash, never the PIN.
 *
 * Why PBKDF2 from @noble/hashes and not `crypto.subtle`: a station can run on a page that is not a
 * secure context (a tablet opening the laptop over plain HTTP), where `crypto.subtle` is missing.
 * Why a modest iteration count: a 4–8 digit PIN has at most 10⁸ values, so no hash makes it safe
 * from someone who copies the tablet's storage — they could also just read the notes. The hash
 * only keeps the PIN itself (which facilitators reuse) out of plain sight, and the iterations make
 * trying a PIN at the station's screen, or offline, cost a little; 20 000 keeps the check under a
 * fraction of a second on an old tablet.
 */
import { pbkdf2 } from '@noble/hashes/pbkdf2.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomToken } from './ids';

export const PIN_PATTERN = /^\d{4,8}$/;
const ITERATIONS = 20_000;

export interface StationPin {
	salt: string;
	hash: string;
	iterations: number;
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

function derive(pin: string, salt: string, iterations: number): string {
	return hex(
		pbkdf2(sha256, new TextEncoder().encode(pin), new TextEncoder().encode(salt), { c: iterations, dkLen: 32 })
	);
}

/** A new stored PIN; null when the PIN is not 4–8 digits. */
export function hashStationPin(pin: string): StationPin | null {
	if (!PIN_PATTERN.test(pin)) return null;
	const salt = randomToken(16);
	return { salt, hash: derive(pin, salt, ITERATIONS), iterations: ITERATIONS };
}

/** Whether `pin` opens the station. Compares without an early exit. */
export function checkStationPin(stored: StationPin, pin: string): boolean {
	if (!PIN_PATTERN.test(pin)) return false;
	const a = derive(pin, stored.salt, stored.iterations);
	if (a.length !== stored.hash.length) return false;
	let diff = 0;
	for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ stored.hash.charCodeAt(i);
	return diff === 0;
}
