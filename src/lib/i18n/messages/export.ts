import { defineMessages } from '../define';

/** Printed and exported material: the join poster. */
export default defineMessages({
	fi: {
		'poster.heading': 'Liity mukaan puhelimellasi',
		'poster.step1': 'Avaa puhelimen kamera ja osoita sillä QR-koodia.',
		'poster.step2': 'Napauta linkkiä, joka tulee näkyviin.',
		'poster.step3': 'Kirjoita halutessasi nimimerkki ja paina Liity. Tiliä ei tarvita.'
	},
	sv: {
		'poster.heading': 'Anslut med din telefon',
		'poster.step1': 'Öppna telefonens kamera och rikta den mot QR-koden.',
		'poster.step2': 'Tryck på länken som visas.',
		'poster.step3': 'Skriv ett smeknamn om du vill och tryck på Anslut. Inget konto behövs.'
	},
	en: {
		'poster.heading': 'Join with your phone',
		'poster.step1': 'Open your phone’s camera and point it at the QR code.',
		'poster.step2': 'Tap the link that appears.',
		'poster.step3': 'Type a nickname if you like and tap Join. No account is needed.'
	}
});
