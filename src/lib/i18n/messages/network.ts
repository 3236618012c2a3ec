import { defineMessages } from '../define';

/** The workshop's network: where phones join, the Wi-Fi to stay on, plain-HTTP pages, and what the
 * device keeps. */
export default defineMessages({
	fi: {
		'address.label': 'Osoite, josta puhelimet liittyvät',
		'address.option': '{label}: {url}',
		'address.remembered': 'Työpajapalvelin ei vastaa juuri nyt, joten käytössä on sen viimeksi kertoma osoite.',
		'address.unreachable':
			'Puhelimet eivät pysty avaamaan tätä osoitetta, koska se viittaa tähän laitteeseen. Käynnistä työpajapalvelin komennolla npm start ja avaa Kohtaamo sen kautta. Silloin QR-koodi vie työpajan verkkoon.',
		'wifi.label': 'Wi-Fi-verkko, johon osallistujat yhdistävät (vapaaehtoinen)',
		'wifi.hint': 'Nimi näkyy julisteessa ja puhelimessa, jonka yhteys työpajaan katkeaa.',
		'wifi.show': 'Wi-Fi-verkko: {name}',
		'poster.wifi': 'Yhdistä puhelin Wi-Fi-verkkoon {name}.',
		'network.lostWifi':
			'Puhelin ei saa yhteyttä työpajaan. Pysy Wi-Fi-verkossa {name}. Puhelin on ehkä siirtynyt käyttämään mobiilidataa. Yhteys palaa itsestään.',
		'network.lost':
			'Puhelin ei saa yhteyttä työpajaan. Pysy työpajan Wi-Fi-verkossa. Puhelin on ehkä siirtynyt käyttämään mobiilidataa. Yhteys palaa itsestään.',
		'network.links': 'Yhteydet tästä laitteesta',
		'network.linksDirect': 'Suoraan',
		'network.linksRelayed': 'Vain palvelimen kautta',
		'network.linksHelp':
			'Suora yhteys on nopein. Jos laitteet ovat yhteydessä vain palvelimen kautta, Wi-Fi estää laitteita näkemästä toisiaan. Työpaja toimii silti.',
		'insecure.participant': 'Puhelin pysyy yhteydessä työpajaan, mutta ei toimi ilman verkkoa.',
		'storage.title': 'Tallennus tällä laitteella',
		'storage.kept': 'Selain on luvannut säilyttää Kohtaamon tiedot, kunnes poistat ne.',
		'storage.mayClear': 'Selain voi poistaa Kohtaamon tiedot, jos laitteen tila loppuu.',
		'storage.unknown': 'Tämä selain ei kerro, säilyttääkö se tiedot.',
		'storage.ask': 'Pyydä selainta säilyttämään tiedot'
	},
	sv: {
		'address.label': 'Adress som telefonerna ansluter från',
		'address.option': '{label}: {url}',
		'address.remembered': 'Workshopservern svarar inte just nu, så adressen den senast angav används.',
		'address.unreachable':
			'Telefonerna kan inte öppna den här adressen, eftersom den pekar på den här enheten. Starta workshopservern med npm start och öppna Kohtaamo via den. Då leder QR-koden till workshoppens nätverk.',
		'wifi.label': 'Wi-Fi-nätverk som deltagarna ansluter till (frivilligt)',
		'wifi.hint': 'Namnet visas på affischen och på en telefon som tappar kontakten med workshoppen.',
		'wifi.show': 'Wi-Fi-nätverk: {name}',
		'poster.wifi': 'Anslut telefonen till Wi-Fi-nätverket {name}.',
		'network.lostWifi':
			'Telefonen får ingen kontakt med workshoppen. Håll dig till Wi-Fi-nätverket {name}. Telefonen kan ha gått över till mobildata. Anslutningen kommer tillbaka av sig själv.',
		'network.lost':
			'Telefonen får ingen kontakt med workshoppen. Håll dig till workshoppens Wi-Fi-nätverk. Telefonen kan ha gått över till mobildata. Anslutningen kommer tillbaka av sig själv.',
		'network.links': 'Anslutningar från den här enheten',
		'network.linksDirect': 'Direkt',
		'network.linksRelayed': 'Bara via servern',
		'network.linksHelp':
			'En direkt anslutning är snabbast. Om enheterna bara når varandra via servern hindrar Wi-Fi-nätet dem från att se varandra. Workshoppen fungerar ändå.',
		'insecure.participant': 'Telefonen håller kontakten med workshoppen men fungerar inte utan nätverk.',
		'storage.title': 'Lagring på den här enheten',
		'storage.kept': 'Webbläsaren har lovat att spara Kohtaamos uppgifter tills du raderar dem.',
		'storage.mayClear': 'Webbläsaren kan radera Kohtaamos uppgifter om det blir ont om utrymme på enheten.',
		'storage.unknown': 'Den här webbläsaren berättar inte om den sparar uppgifterna.',
		'storage.ask': 'Be webbläsaren spara uppgifterna'
	},
	en: {
		'address.label': 'Address phones join from',
		'address.option': '{label}: {url}',
		'address.remembered': 'The workshop server is not answering right now, so the address it gave last is used.',
		'address.unreachable':
			'Phones cannot open this address because it points to this device. Start the workshop server with npm start and open Kohtaamo through it. The QR code then leads to the workshop’s network.',
		'wifi.label': 'Wi-Fi network participants join (optional)',
		'wifi.hint': 'The name appears on the poster and on a phone that loses the workshop.',
		'wifi.show': 'Wi-Fi network: {name}',
		'poster.wifi': 'Connect your phone to the Wi-Fi network {name}.',
		'network.lostWifi':
			'Your phone cannot reach the workshop. Stay on the Wi-Fi network {name}. Your phone may have switched to mobile data. It reconnects by itself.',
		'network.lost':
			'Your phone cannot reach the workshop. Stay on the workshop’s Wi-Fi network. Your phone may have switched to mobile data. It reconnects by itself.',
		'network.links': 'Connections from this device',
		'network.linksDirect': 'Directly',
		'network.linksRelayed': 'Only through the server',
		'network.linksHelp':
			'A direct connection is fastest. Devices reached only through the server mean the Wi-Fi keeps devices from seeing each other. The workshop still works.',
		'insecure.participant': 'This phone stays connected to the workshop; it cannot work offline.',
		'storage.title': 'Storage on this device',
		'storage.kept': 'The browser has promised to keep Kohtaamo’s data until you delete it.',
		'storage.mayClear': 'The browser may delete Kohtaamo’s data if the device runs out of space.',
		'storage.unknown': 'This browser does not say whether it keeps the data.',
		'storage.ask': 'Ask the browser to keep the data'
	}
});
