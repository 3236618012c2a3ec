import { describe, expect, it } from 'vitest';
import { CHUNK_HEADER_BYTES, Reassembler, chunkMessage, encodeChunk, type ReassemblerLimits } from './chunking.ts';

const MiB = 1024 * 1024;
const limits: ReassemblerLimits = {
	maxMessageBytes: 64 * MiB,
	maxChunks: 65_536,
	maxPartials: 4,
	maxPendingBytes: 64 * MiB,
	staleMs: 20_000
};

function randomBytes(length: number): Uint8Array<ArrayBuffer> {
	const out = new Uint8Array(length);
	for (let offset = 0; offset < length; offset += 65_536) {
		crypto.getRandomValues(out.subarray(offset, Math.min(length, offset + 65_536)));
	}
	return out;
}

function reassembleAll(reassembler: Reassembler, chunks: Uint8Array<ArrayBuffer>[]) {
	const results = chunks.map((chunk) => reassembler.push(chunk, 0));
	return results;
}

describe('chunking round trip', () => {
	it.each([
		['empty', 0],
		['one byte', 1],
		['one byte under a chunk', 16 * 1024 - 1],
		['exactly one chunk', 16 * 1024],
		['one byte over a chunk', 16 * 1024 + 1],
		['1.5 MiB', 1.5 * MiB]
	])('%s message', (_name, length) => {
		const message = randomBytes(length);
		const chunks = [...chunkMessage(7, message, 16 * 1024)];
		expect(chunks.length).toBe(Math.max(1, Math.ceil(length / (16 * 1024))));
		for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(16 * 1024 + CHUNK_HEADER_BYTES);
		const results = reassembleAll(new Reassembler(limits), chunks);
		const last = results.at(-1);
		expect(results.slice(0, -1).every((r) => r.status === 'partial')).toBe(true);
		expect(last?.status === 'complete' && Buffer.from(last.message).equals(Buffer.from(message))).toBe(true);
	});

	it('reassembles chunks that arrive out of order, and interleaved messages', () => {
		const a = randomBytes(100_000);
		const b = randomBytes(50_000);
		const chunksA = [...chunkMessage(1, a, 16 * 1024)].reverse();
		const chunksB = [...chunkMessage(2, b, 16 * 1024)];
		const reassembler = new Reassembler(limits);
		const done: Uint8Array[] = [];
		for (let i = 0; i < Math.max(chunksA.length, chunksB.length); i++) {
			for (const chunk of [chunksA[i], chunksB[i]]) {
				if (!chunk) continue;
				const result = reassembler.push(chunk, 0);
				if (result.status === 'complete') done.push(result.message);
			}
		}
		expect(done).toHaveLength(2);
		expect(Buffer.from(done[0]).equals(Buffer.from(b))).toBe(true);
		expect(Buffer.from(done[1]).equals(Buffer.from(a))).toBe(true);
		expect(reassembler.pendingBytes).toBe(0);
	});
});

describe('reassembly bounds', () => {
	it.each([
		['too short for a header', new Uint8Array(5)],
		['wrong magic byte', encodeChunk(1, 0, 1, new Uint8Array(4)).map((b, i) => (i === 0 ? 0 : b))],
		['a count of zero', encodeChunk(1, 0, 0, new Uint8Array(4))],
		['an index beyond the count', encodeChunk(1, 3, 3, new Uint8Array(4))]
	])('drops a chunk with %s', (_name, chunk) => {
		const reassembler = new Reassembler(limits);
		expect(reassembler.push(new Uint8Array(chunk), 0)).toEqual({ status: 'dropped', reason: 'chunk-malformed' });
		expect(reassembler.partialCount).toBe(0);
	});

	it('drops random garbage without throwing', () => {
		const reassembler = new Reassembler(limits);
		for (let i = 0; i < 1000; i++) {
			const garbage = randomBytes(Math.floor(Math.random() * 64));
			expect(() => reassembler.push(garbage, 0)).not.toThrow();
		}
		expect(reassembler.pendingBytes).toBeLessThanOrEqual(limits.maxPendingBytes);
	});

	it('drops a message whose chunks disagree on the count, keeping neither', () => {
		const reassembler = new Reassembler(limits);
		expect(reassembler.push(encodeChunk(5, 0, 3, new Uint8Array(10)), 0).status).toBe('partial');
		expect(reassembler.push(encodeChunk(5, 1, 4, new Uint8Array(10)), 0)).toEqual({
			status: 'dropped',
			reason: 'chunk-malformed'
		});
		expect(reassembler.partialCount).toBe(0);
		expect(reassembler.pendingBytes).toBe(0);
	});

	it('refuses a duplicate chunk and still completes the message', () => {
		const reassembler = new Reassembler(limits);
		reassembler.push(encodeChunk(5, 0, 2, new Uint8Array([1])), 0);
		expect(reassembler.push(encodeChunk(5, 0, 2, new Uint8Array([9])), 0)).toEqual({
			status: 'dropped',
			reason: 'chunk-duplicate'
		});
		const result = reassembler.push(encodeChunk(5, 1, 2, new Uint8Array([2])), 0);
		expect(result.status === 'complete' && [...result.message]).toEqual([1, 2]);
	});

	it('drops messages over the size cap, whether announced by count or by bytes', () => {
		const small = { ...limits, maxMessageBytes: 1000, maxChunks: 10, maxPendingBytes: 1000 };
		const reassembler = new Reassembler(small);
		expect(reassembler.push(encodeChunk(1, 0, 11, new Uint8Array(1)), 0)).toEqual({
			status: 'dropped',
			reason: 'message-too-large'
		});
		expect(reassembler.push(encodeChunk(2, 0, 1, new Uint8Array(1001)), 0).status).toBe('dropped');
		expect(reassembler.push(encodeChunk(3, 0, 3, new Uint8Array(600)), 0).status).toBe('partial');
		expect(reassembler.push(encodeChunk(3, 1, 3, new Uint8Array(600)), 0)).toEqual({
			status: 'dropped',
			reason: 'message-too-large'
		});
		expect(reassembler.pendingBytes).toBe(0);
	});

	it('keeps at most maxPartials unfinished messages, evicting the least recently active', () => {
		const evicted: string[] = [];
		const reassembler = new Reassembler({ ...limits, maxPartials: 2 }, (reason) => evicted.push(reason));
		reassembler.push(encodeChunk(1, 0, 2, new Uint8Array(10)), 0);
		reassembler.push(encodeChunk(2, 0, 2, new Uint8Array(10)), 1);
		reassembler.push(encodeChunk(3, 0, 2, new Uint8Array(10)), 2);
		expect(reassembler.partialCount).toBe(2);
		expect(evicted).toEqual(['partial-evicted']);
		// Message 1 was evicted: its second chunk starts a new partial that cannot complete alone.
		expect(reassembler.push(encodeChunk(3, 1, 2, new Uint8Array(10)), 3).status).toBe('complete');
	});

	it('caps the bytes held across partial messages', () => {
		const reassembler = new Reassembler({ ...limits, maxPendingBytes: 2500, maxMessageBytes: 2000 });
		reassembler.push(encodeChunk(1, 0, 2, new Uint8Array(1000)), 0);
		reassembler.push(encodeChunk(2, 0, 2, new Uint8Array(1000)), 1);
		reassembler.push(encodeChunk(3, 0, 2, new Uint8Array(1000)), 2);
		expect(reassembler.pendingBytes).toBeLessThanOrEqual(2500);
	});

	it('drops a partial message that stopped progressing', () => {
		const dropped: string[] = [];
		const reassembler = new Reassembler({ ...limits, staleMs: 1000 }, (reason) => dropped.push(reason));
		reassembler.push(encodeChunk(1, 0, 2, new Uint8Array(10)), 0);
		reassembler.sweep(999);
		expect(reassembler.partialCount).toBe(1);
		reassembler.sweep(1000);
		expect(reassembler.partialCount).toBe(0);
		expect(dropped).toEqual(['partial-stale']);
	});
});
