import { describe, expect, it } from 'vitest';
import { open, openAsSender, openSync, seal, sealSync, type SealingImplementation } from './sealing';
import { generateSigningKey, publicKeyOf } from './signing';

const hex = (text: string) => Uint8Array.from(text.match(/../g) ?? [], (b) => parseInt(b, 16));
const bytes = (text: string) => new TextEncoder().encode(text);
const both: SealingImplementation[] = ['webcrypto', 'javascript'];

// A fixed recipient (RFC 6979 A.2.5's key), ephemeral scalar 7 and IV 01…01: the envelope both
// implementations must make byte for byte. Computed once with @noble; WebCrypto is held to it.
const VECTOR = {
	recipientPrivate: hex('C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721'),
	ephemeral: hex('0000000000000000000000000000000000000000000000000000000000000007'),
	iv: new Uint8Array(12).fill(1),
	context: bytes('note-1'),
	plaintext: bytes('sample'),
	sealed: hex(
		'048e533b6fa0bf7b4625bb30667c01fb607ef9f8b8a80fef5b300628703187b2a373eb1dbde03318366d069f83a6f5900053c73633cb041b21c55e1a86c1f400b4' +
			'010101010101010101010101' +
			'cc1808e1e47f648ed90cec1f7424b75ceb6e711c104b'
	)
};

describe('the sealing test vector', () => {
	for (const implementation of both) {
		it(`${implementation} seals the vector to the same bytes`, async () => {
			const { recipientPrivate, ephemeral, iv, context, plaintext } = VECTOR;
			const sealed = await seal(publicKeyOf(recipientPrivate), plaintext, { ephemeral, iv, context }, implementation);
			expect(sealed).toEqual(VECTOR.sealed);
		});

		it(`${implementation} opens the vector`, async () => {
			expect(await open(VECTOR.recipientPrivate, VECTOR.sealed, VECTOR.context, implementation)).toEqual(
				VECTOR.plaintext
			);
		});
	}
});

describe('sealing across implementations', () => {
	for (const sealer of both) {
		for (const opener of both) {
			it(`seals with ${sealer} and opens with ${opener}`, async () => {
				const recipient = await generateSigningKey(opener);
				const text = bytes('Kahvitauko on liian lyhyt – ärsyttää 🙃');
				const sealed = await seal(recipient.publicKey, text, { context: bytes('n1') }, sealer);
				expect(await open(recipient.privateKey, sealed, bytes('n1'), opener)).toEqual(text);
			});
		}
	}

	it('lets the sender open its own envelope with the ephemeral key', async () => {
		const recipient = await generateSigningKey('javascript');
		const ephemeral = (await generateSigningKey('javascript')).privateKey;
		const sealed = await seal(recipient.publicKey, bytes('mine'), { ephemeral, context: bytes('n') }, 'webcrypto');
		expect(openAsSender(ephemeral, recipient.publicKey, sealed, bytes('n'))).toEqual(bytes('mine'));
		// Another ephemeral key is not the sender's.
		const other = (await generateSigningKey('javascript')).privateKey;
		expect(openAsSender(other, recipient.publicKey, sealed, bytes('n'))).toBeNull();
	});

	it('makes a different envelope each time (random ephemeral key and IV)', () => {
		const recipient = publicKeyOf(VECTOR.recipientPrivate);
		expect(sealSync(recipient, bytes('x'))).not.toEqual(sealSync(recipient, bytes('x')));
	});
});

describe('refusals', () => {
	for (const implementation of both) {
		it(`${implementation} refuses the wrong key, a changed byte, another context and junk`, async () => {
			const recipient = await generateSigningKey('javascript');
			const stranger = await generateSigningKey('javascript');
			const sealed = sealSync(recipient.publicKey, bytes('secret'), { context: bytes('a') });
			expect(await open(stranger.privateKey, sealed, bytes('a'), implementation)).toBeNull();
			expect(await open(recipient.privateKey, sealed, bytes('b'), implementation)).toBeNull();
			for (const at of [0, 1, 70, 80, sealed.length - 1]) {
				const tampered = sealed.slice();
				tampered[at] ^= 1;
				expect(await open(recipient.privateKey, tampered, bytes('a'), implementation)).toBeNull();
			}
			expect(await open(recipient.privateKey, sealed.subarray(0, 80), bytes('a'), implementation)).toBeNull();
			expect(await open(recipient.privateKey, new Uint8Array(), undefined, implementation)).toBeNull();
			expect(await open(new Uint8Array(3), sealed, bytes('a'), implementation)).toBeNull();
		});
	}

	it('refuses to seal to something that is not a public key', () => {
		expect(() => sealSync(new Uint8Array(65), bytes('x'))).toThrow();
		expect(openSync(VECTOR.recipientPrivate, new Uint8Array(200))).toBeNull();
	});
});
