import { defineMessages } from '../define';

/** The app shell: header, navigation, language, updates, secure-context warnings. */
export default defineMessages({
	fi: {
		'version.newer.title': 'Päivitä Kohtaamo',
		'version.newer.body':
			'Työpajassa on mukana laite, jossa on Kohtaamon uudempi versio. Voit seurata työpajaa, mutta et voi muuttaa mitään ennen kuin päivität sovelluksen: lataa sivu uudelleen, kun laite on samassa verkossa kuin työpajapalvelin.',
		'app.name': 'Kohtaamo',
		'app.tagline': 'Yhteiskehittämisen työpajat museoille',
		'app.skipToContent': 'Siirry sisältöön',
		'nav.label': 'Päävalikko',
		'nav.sessions': 'Työpajat',
		'nav.methods': 'Menetelmät',
		'nav.settings': 'Asetukset',
		'language.label': 'Kieli',
		'update.available': 'Uusi versio on saatavilla.',
		'update.reload': 'Lataa uudelleen',
		'update.later': 'Myöhemmin',
		offlineReady: 'Kohtaamo toimii nyt myös ilman verkkoyhteyttä tällä laitteella.',
		'insecure.title': 'Yhteys ei ole suojattu',
		'insecure.body':
			'Tämä sivu on avattu ilman HTTPS-yhteyttä, joten offline-tila ja salattu synkronointi eivät toimi. Käynnistä työpajapalvelin valinnalla --https (katso ohje README-tiedostosta).',
		'error.title': 'Jokin meni pieleen',
		'error.notFound': 'Sivua ei löytynyt.',
		'error.backHome': 'Takaisin etusivulle',
		'common.close': 'Sulje',
		'common.cancel': 'Peruuta',
		'common.save': 'Tallenna',
		'common.delete': 'Poista',
		'common.loading': 'Ladataan…',
		'common.minutes': { one: '{count} min', other: '{count} min' }
	},
	sv: {
		'version.newer.title': 'Uppdatera Kohtaamo',
		'version.newer.body':
			'En enhet i workshoppen använder en nyare version av Kohtaamo. Du kan följa workshoppen men inte ändra något förrän du har uppdaterat appen: ladda om sidan när enheten är i samma nätverk som workshopservern.',
		'app.name': 'Kohtaamo',
		'app.tagline': 'Workshoppar i samskapande för museer',
		'app.skipToContent': 'Hoppa till innehållet',
		'nav.label': 'Huvudmeny',
		'nav.sessions': 'Workshoppar',
		'nav.methods': 'Metoder',
		'nav.settings': 'Inställningar',
		'language.label': 'Språk',
		'update.available': 'En ny version finns.',
		'update.reload': 'Ladda om',
		'update.later': 'Senare',
		offlineReady: 'Kohtaamo fungerar nu också utan nätverk på den här enheten.',
		'insecure.title': 'Anslutningen är inte skyddad',
		'insecure.body':
			'Sidan har öppnats utan HTTPS, så offlineläget och den krypterade synkroniseringen fungerar inte. Starta workshopservern med --https (se anvisningen i README).',
		'error.title': 'Något gick fel',
		'error.notFound': 'Sidan hittades inte.',
		'error.backHome': 'Tillbaka till startsidan',
		'common.close': 'Stäng',
		'common.cancel': 'Avbryt',
		'common.save': 'Spara',
		'common.delete': 'Radera',
		'common.loading': 'Laddar…',
		'common.minutes': { one: '{count} min', other: '{count} min' }
	},
	en: {
		'version.newer.title': 'Update Kohtaamo',
		'version.newer.body':
			'A device in this workshop runs a newer version of Kohtaamo. You can follow the workshop but not change anything until you update the app: reload the page while this device is on the same network as the workshop server.',
		'app.name': 'Kohtaamo',
		'app.tagline': 'Co-design workshops for museums',
		'app.skipToContent': 'Skip to content',
		'nav.label': 'Main menu',
		'nav.sessions': 'Workshops',
		'nav.methods': 'Methods',
		'nav.settings': 'Settings',
		'language.label': 'Language',
		'update.available': 'A new version is available.',
		'update.reload': 'Reload',
		'update.later': 'Later',
		offlineReady: 'Kohtaamo now works without a network on this device too.',
		'insecure.title': 'The connection is not secure',
		'insecure.body':
			'This page was opened without HTTPS, so offline mode and encrypted sync do not work. Start the workshop server with --https (see the README).',
		'error.title': 'Something went wrong',
		'error.notFound': 'Page not found.',
		'error.backHome': 'Back to the home page',
		'common.close': 'Close',
		'common.cancel': 'Cancel',
		'common.save': 'Save',
		'common.delete': 'Delete',
		'common.loading': 'Loading…',
		'common.minutes': { one: '{count} min', other: '{count} min' }
	}
});
