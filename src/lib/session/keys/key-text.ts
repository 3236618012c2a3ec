/**
 * Keys and signatures as text: base64url, and the shape of a public key in the document's and the
 * join link's form.
 *
 * Why apart from signing.ts: reading a join link checks a key's shape only, and the join page is
 * the first thing a participant's phone downloads; signing.ts brings the pure-JavaScript P-256
 * implementation, which that page does not need before the person joins.
 */

export const PUBLIC_KEY_BYTES = 65;

/** A 65-byte uncompressed point (`04 ‖ x ‖ y`); whether it is on the curve is left to verification. */
export function isPublicKeyShape(key: Uint8Array): boolean {
	return key.length === PUBLIC_KEY_BYTES && key[0] === 4;
}

/** Whether text is a public key in the document's and the join link's form (base64url of 65 bytes,
 * uncompressed). Whether the point is on the curve is left to verification. */
export function isPublicKeyText(text: string): boolean {
	return text.length === 87 && isPublicKeyShape(fromBase64Url(text));
}

export function toBase64Url(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Empty for text that is not base64url (callers check the length they expect). */
export function fromBase64Url(text: string): Uint8Array {
	if (!/^[A-Za-z0-9_-]*$/.test(text)) return new Uint8Array();
	try {
		const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
		return Uint8Array.from(binary, (c) => c.charCodeAt(0));
	} catch {
		return new Uint8Array();
	}
}
