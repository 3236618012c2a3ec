import { describe, expect, it } from 'vitest';
import type { Present } from '$lib/ui/session/presence';
import { deviceCode, otherDevices } from './device-code';

const present = (over: Partial<Present>): Present => ({
	clientId: 1,
	self: false,
	participantId: 'p',
	role: 'participant',
	...over
});

describe('deviceCode', () => {
	it('is the end of the key, where keys differ', () => {
		expect(deviceCode('BAAAAAAAAAAAAAAAxyz123')).toBe('xyz123');
	});
});

describe('otherDevices', () => {
	const unnamed = (code: string) => `Device ${code}`;

	it.each([
		['a named device', [present({ name: 'Aino', key: 'key-aaaaaa' })], [{ key: 'key-aaaaaa', label: 'Aino (aaaaaa)' }]],
		['an unnamed device', [present({ key: 'key-bbbbbb' })], [{ key: 'key-bbbbbb', label: 'Device bbbbbb' }]],
		['this device', [present({ self: true, name: 'Me', key: 'key-cccccc' })], []],
		['a device without a key', [present({ name: 'Old' })], []]
	])('%s', (_, input, expected) => {
		expect(otherDevices(input, unnamed)).toEqual(expected);
	});
});
