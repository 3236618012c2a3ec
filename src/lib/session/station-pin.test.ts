import { describe, expect, it } from 'vitest';
import { checkStationPin, hashStationPin } from './station-pin';

describe('station PIN', () => {
	it('stores a salted hash, never the PIN, and checks it', () => {
		const stored = hashStationPin('482913')!;
		expect(JSON.stringify(stored)).not.toContain('482913');
		expect(checkStationPin(stored, '482913')).toBe(true);
		expect(checkStationPin(stored, '482914')).toBe(false);
		expect(checkStationPin(stored, '')).toBe(false);
	});

	it('the same PIN hashes differently on two stations (salt)', () => {
		expect(hashStationPin('1234')!.hash).not.toBe(hashStationPin('1234')!.hash);
	});

	it.each(['123', '123456789', '12a4', ' 1234'])('refuses %j as a PIN', (pin) => {
		expect(hashStationPin(pin)).toBeNull();
	});
});
