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
		'insecure.title': 'Offline-tila ei ole käytössä tässä osoitteessa',
		'insecure.body':
			'Tätä osoitetta ei ole suojattu, joten Kohtaamoa ei tallenneta tälle laitteelle eikä se toimi, jos työpajapalvelin pysähtyy. Avaa ohjaajan näkymä tietokoneella osoitteessa localhost tai tabletilla https-osoitteessa, kun palvelimen varmenne on asennettu (ohje on README-tiedostossa). Osallistujien puhelimille tämä osoite riittää.',
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
		'insecure.title': 'Offlineläget fungerar inte på den här adressen',
		'insecure.body':
			'Adressen är inte skyddad, så Kohtaamo sparas inte på den här enheten och slutar fungera om workshopservern stannar. Öppna vyn för den som leder på datorn via localhost eller på en surfplatta via https-adressen när serverns certifikat har installerats (se README). För deltagarnas telefoner räcker den här adressen.',
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
		'insecure.title': 'Offline mode is off at this address',
		'insecure.body':
			'This address is not secure, so Kohtaamo is not stored on this device and stops working if the workshop server stops. Open the facilitator’s view on the laptop at localhost, or on a tablet at the https address once the server’s certificate is installed (see the README). For participants’ phones this address is fine.',
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
