/** Random identifiers. Room names and secrets must be unguessable: 128 bits from the platform's
 * cryptographic generator, base64url so they fit in a URL fragment and a QR code compactly. */
export function randomToken(bytes = 16): string {
	const data = crypto.getRandomValues(new Uint8Array(bytes));
	let binary = '';
	for (const byte of data) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export const newId = (): string => crypto.randomUUID();

export const newRoomKey = () => ({ name: randomToken(16), secret: randomToken(24) });
