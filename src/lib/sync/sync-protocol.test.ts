import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
	encodeAwareness,
	encodeControl,
	encodeResync,
	encodeSyncStep1,
	encodeSyncStep2,
	encodeUpdate,
	parsePeerMessage,
	sanitizeAwarenessUpdate
} from './sync-protocol.ts';

function docWithNote(text: string): Y.Doc {
	const doc = new Y.Doc();
	doc.getMap('notes').set('n1', text);
	return doc;
}

function awarenessUpdate(entries: [number, number, string][]): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, entries.length);
	for (const [client, clock, json] of entries) {
		encoding.writeVarUint(encoder, client);
		encoding.writeVarUint(encoder, clock);
		encoding.writeVarString(encoder, json);
	}
	return encoding.toUint8Array(encoder);
}

describe('peer messages', () => {
	it('carries a full sync exchange between two documents', () => {
		const a = docWithNote('from a');
		const b = new Y.Doc();
		const step1 = parsePeerMessage(encodeSyncStep1(b));
		expect(step1?.kind).toBe('sync-step1');
		const step2 = parsePeerMessage(
			encodeSyncStep2(a, step1?.kind === 'sync-step1' ? step1.stateVector : new Uint8Array())
		);
		expect(step2?.kind).toBe('sync-step2');
		if (step2?.kind === 'sync-step2') Y.applyUpdate(b, step2.update);
		expect(b.getMap('notes').get('n1')).toBe('from a');
	});

	it('parses updates, awareness and controls', () => {
		expect(parsePeerMessage(encodeUpdate(new Uint8Array([1, 2])))).toEqual({
			kind: 'sync-update',
			update: new Uint8Array([1, 2])
		});
		const awareness = new Awareness(new Y.Doc());
		expect(parsePeerMessage(encodeAwareness(awareness, [awareness.clientID]))?.kind).toBe('awareness');
		awareness.destroy();
		for (const kind of ['ping', 'bye'] as const) expect(parsePeerMessage(encodeControl(kind))).toEqual({ kind });
		expect(parsePeerMessage(encodeResync(true))).toEqual({ kind: 'resync', urgent: true });
		expect(parsePeerMessage(encodeResync(false))).toEqual({ kind: 'resync', urgent: false });
	});

	it.each([
		['empty', []],
		['an unknown kind', [9]],
		['an unknown sync type', [0, 7, 0]],
		['a truncated sync message', [0, 0, 5, 1]],
		['trailing bytes after a sync message', [0, 2, 1, 1, 99]],
		['a truncated awareness message', [1, 10]],
		['a control with a body', [3, 0]],
		['a resync without its flag', [2]],
		['a resync with unknown flags', [2, 4]]
	])('refuses %s', (_name, bytes) => {
		expect(parsePeerMessage(new Uint8Array(bytes))).toBeNull();
	});
});

describe('awareness from peers', () => {
	it('keeps well-formed entries of other clients', () => {
		const update = awarenessUpdate([
			[7, 1, '{"name":"Aino"}'],
			[8, 3, 'null']
		]);
		expect(sanitizeAwarenessUpdate(update, 1)).toEqual(update);
	});

	it('removes entries that would overwrite our own state, but keeps a removal of it', () => {
		const cleaned = sanitizeAwarenessUpdate(
			awarenessUpdate([
				[1, 99, '{"name":"impostor"}'],
				[7, 1, '{}']
			]),
			1
		);
		expect(cleaned).toEqual(awarenessUpdate([[7, 1, '{}']]));
		expect(sanitizeAwarenessUpdate(awarenessUpdate([[1, 5, 'null']]), 1)).toEqual(awarenessUpdate([[1, 5, 'null']]));
	});

	it.each([
		['state that is not JSON', awarenessUpdate([[7, 1, '{oops']])],
		['state that is a number', awarenessUpdate([[7, 1, '42']])],
		['state that is a list', awarenessUpdate([[7, 1, '[]']])],
		['truncated bytes', new Uint8Array([3, 7])],
		['trailing bytes', new Uint8Array([...awarenessUpdate([[7, 1, '{}']]), 0])],
		['too many entries', new Uint8Array([0xe8, 0x8f, 0x01])]
	])('refuses %s', (_name, update) => {
		expect(sanitizeAwarenessUpdate(update, 1)).toBeNull();
	});

	it('accepts what y-protocols itself encodes', () => {
		const awareness = new Awareness(new Y.Doc());
		awareness.setLocalState({ user: { name: 'Aino', color: '#f00' } });
		const update = encodeAwarenessUpdate(awareness, [awareness.clientID]);
		expect(sanitizeAwarenessUpdate(update, awareness.clientID + 1)).toEqual(update);
		awareness.destroy();
	});
});
