/**
 * What paper notes from a photo add to a late joiner's state: image notes carry their pictures to
 * every device, so the import bounds them (≤ 60 KB each, ≤ 300 a session). Reports the encoded
 * state of a session with and without a photo's worth and the bound's worth of image notes.
 */
import * as Y from 'yjs';
import { addImageNotes, MAX_IMAGE_BYTES, MAX_IMAGE_NOTES } from '../src/lib/board/image-notes';
import { actor, largeSession } from '../src/lib/board/test-board';
import type { Figure } from './run';

/** A compressed photo crop is close to random bytes; a typical crop is ~20 KB. */
const crop = (bytes: number) => Uint8Array.from({ length: bytes }, (_, i) => (i * 2654435761) >>> 24);

function stateBytes(doc: Y.Doc) {
	return Y.encodeStateAsUpdate(doc).byteLength;
}

export function benchImageNotes(): Figure[] {
	const figures: Figure[] = [];
	for (const [label, count, bytes] of [
		['one photo (30 notes of 20 KB)', 30, 20_000],
		['the bound (300 notes of 60 KB)', MAX_IMAGE_NOTES, MAX_IMAGE_BYTES]
	] as const) {
		const doc = largeSession(400, 2);
		const facilitator = actor('f', 'facilitator');
		const before = stateBytes(doc);
		const notes = Array.from({ length: count }, (_, i) => ({
			image: crop(bytes),
			text: `Lappu ${i}`,
			color: 'yellow' as const,
			at: { x: (i % 10) / 9, y: Math.floor(i / 10) / 30 }
		}));
		const added = addImageNotes(doc, facilitator, 'a1', 'hopes', notes);
		if (!added.ok) throw new Error(added.reason);
		const after = stateBytes(doc);
		figures.push({
			name: `late joiner's state, image notes: ${label}`,
			value: (after - before) / 1024,
			unit: 'KB added',
			notes: `${(before / 1024).toFixed(0)} KB without them, ${(after / 1024).toFixed(0)} KB with`
		});
	}
	return figures;
}
