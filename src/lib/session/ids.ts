/** Random identifiers. Room names and secrets must be unguessable: 128 bits from the platform's
 * cryptographic generator, base64url so they fit in a URL fragment and a QR code compactly.
 *
 * Only `crypto.getRandomValues` is used: browsers offer it on every page, while
 * `crypto.randomUUID` exists only in secure contexts — and a participant's phone opens the
 * workshop over plain `http://<LAN address>`. */
export function randomToken(bytes = 16): string {
	const data = crypto.getRandomValues(new Uint8Array(bytes));
	let binary = '';
	for (const byte of data) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const hex = (byte: number) => byte.toString(16).padStart(2, '0');

/** An RFC 9562 version 4 UUID (the same shape `crypto.randomUUID` returns). */
export function newId(): string {
	const b = crypto.getRandomValues(new Uint8Array(16));
	b[6] = (b[6] & 0x0f) | 0x40; // version 4
	b[8] = (b[8] & 0x3f) | 0x80; // variant 10xx
	const h = Array.from(b, hex).join('');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const newRoomKey = () => ({ name: randomToken(16), secret: randomToken(24) });
