/**
 * Finds an encoding of a cropped note under the byte bound. Pictures travel to every device, so
 * each is at most `MAX_IMAGE_BYTES` (`$lib/board/image-notes`); a note's handwriting stays legible
 * well below that, so we first lower the JPEG quality and only then the size. Kept apart from the
 * canvas so that the search is tested in Node with a real encoder.
 */

/** Encodes the picture at a scale (1 = the crop's working size) and a JPEG quality (0…1). */
export type Encode = (scale: number, quality: number) => Promise<Uint8Array>;

const QUALITIES = [0.82, 0.7, 0.58, 0.46];
const SCALES = [1, 0.75, 0.55, 0.4, 0.3];

/** The first encoding, from best to smallest, that fits in `maxBytes`; null if none does. */
export async function compressUnder(encode: Encode, maxBytes: number): Promise<Uint8Array | null> {
	for (const scale of SCALES) {
		for (const quality of QUALITIES) {
			const bytes = await encode(scale, quality);
			if (bytes.byteLength > 0 && bytes.byteLength <= maxBytes) return bytes;
		}
	}
	return null;
}
