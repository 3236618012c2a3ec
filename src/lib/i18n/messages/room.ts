import { defineMessages } from '../define';

/** Who may join the room: closing it to new devices, and what a device with an old invitation sees. */
export default defineMessages({
	fi: {
		'room.door': 'Uudet laitteet',
		'room.doorHelp':
			'Kun kaikki ovat paikalla, voit sulkea huoneen: uudet laitteet eivät enää pääse mukaan, ja kaikki nyt mukana olevat jatkavat kuten ennenkin.',
		'room.close': 'Sulje huone uusilta laitteilta',
		'room.reopen': 'Avaa huone uusille laitteille',
		'room.closed': 'Huone on suljettu uusilta laitteilta. Kutsua ja QR-koodia ei näytetä.',
		'room.reopened':
			'Huone on taas auki uusille laitteille. Ennen sulkemista tulostetut julisteet ja näytetyt QR-koodit eivät enää toimi: näytä tai tulosta uusi kutsu.',
		'room.revokeHelp':
			'Kun otat apuohjaajan oikeudet pois, laite voi yhä lukea sen, minkä se näki jo ennen. Sen jälkeen kirjoitettuja yksityisiä lappuja ja ääniä se ei näe ennen kuin ne paljastetaan kaikille.',
		'participant.turnedAwayClosed': 'Tämä työpaja ei ota uusia osallistujia',
		'participant.turnedAwayClosedBody':
			'Ohjaaja on sulkenut työpajan uusilta laitteilta. Jos olit jo mukana toisella laitteella, jatka sillä tai pyydä ohjaajalta uusi kutsu.',
		'participant.turnedAwayMoved': 'Tämä kutsu ei ole enää voimassa',
		'participant.turnedAwayMovedBody':
			'Työpaja on siirtynyt uuteen huoneeseen. Skannaa ohjaajan näyttämä uusi QR-koodi tai pyydä uusi kutsu.'
	},
	sv: {
		'room.door': 'Nya enheter',
		'room.doorHelp':
			'När alla är på plats kan du stänga rummet: inga nya enheter kan ansluta, och alla som är med nu fortsätter som förut.',
		'room.close': 'Stäng rummet för nya enheter',
		'room.reopen': 'Öppna rummet för nya enheter',
		'room.closed': 'Rummet är stängt för nya enheter. Inbjudan och QR-koden visas inte.',
		'room.reopened':
			'Rummet är öppet för nya enheter igen. Affischer som skrevs ut och QR-koder som visades före stängningen fungerar inte längre: visa eller skriv ut den nya inbjudan.',
		'room.revokeHelp':
			'När du tar tillbaka medledarens rättigheter kan enheten fortfarande läsa det den redan kunde se. Privata lappar och röster som skrivs efter det ser den inte förrän de visas för alla.',
		'participant.turnedAwayClosed': 'Den här workshoppen tar inte emot nya deltagare',
		'participant.turnedAwayClosedBody':
			'Den som leder har stängt workshoppen för nya enheter. Om du redan var med på en annan enhet, fortsätt där eller be om en ny inbjudan.',
		'participant.turnedAwayMoved': 'Den här inbjudan gäller inte längre',
		'participant.turnedAwayMovedBody':
			'Workshoppen har flyttat till ett nytt rum. Skanna den nya QR-koden som den som leder visar, eller be om en ny inbjudan.'
	},
	en: {
		'room.door': 'New devices',
		'room.doorHelp':
			'Once everyone is here you can close the room: no new device can join, and every device taking part now carries on as before.',
		'room.close': 'Close the room to new devices',
		'room.reopen': 'Reopen the room to new devices',
		'room.closed': 'The room is closed to new devices. The invitation and QR code are hidden.',
		'room.reopened':
			'The room is open to new devices again. Posters printed and QR codes shown before it was closed no longer work: show or print the new invitation.',
		'room.revokeHelp':
			'When you take back a co-facilitator’s rights, the device can still read what it could see before. Private notes and votes written after that stay hidden from it until they are revealed to everyone.',
		'participant.turnedAwayClosed': 'This workshop is not taking new participants',
		'participant.turnedAwayClosedBody':
			'The facilitator has closed the workshop to new devices. If you were already taking part on another device, carry on there, or ask the facilitator for a new invitation.',
		'participant.turnedAwayMoved': 'This invitation is no longer valid',
		'participant.turnedAwayMovedBody':
			'The workshop has moved to a new room. Scan the new QR code the facilitator shows, or ask for a new invitation.'
	}
});
