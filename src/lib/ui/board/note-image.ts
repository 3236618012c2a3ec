/**
 * The address of an image note's picture, for `<img src>`. One object URL per picture, kept for
 * the page's life: a note's bytes are the same object on every render (Yjs hands back the stored
 * array), so the board re-renders without re-decoding, and the total is bounded by the session's
 * limit on image notes (`MAX_IMAGE_NOTES` × `MAX_IMAGE_BYTES`).
 */
const urls = new WeakMap<Uint8Array, string>();

export function noteImageUrl(bytes: Uint8Array): string {
	let url = urls.get(bytes);
	if (!url) {
		url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }));
		urls.set(bytes, url);
	}
	return url;
}
