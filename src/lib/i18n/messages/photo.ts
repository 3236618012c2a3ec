import { defineMessages } from '../define';

/** Paper notes from a photo: the import dialog and image notes on the board. */
export default defineMessages({
	fi: {
		'photo.open': 'Laput kuvasta',
		'photo.title': 'Paperilaput valokuvasta',
		'photo.intro':
			'Kuvaa seinä tai pöytä, jolla on paperilappuja, tai valitse valmis kuva. Laput etsitään tällä laitteella; mitään ei lähetetä minnekään.',
		'photo.take': 'Ota kuva kameralla',
		'photo.choose': 'Valitse kuvatiedosto',
		'photo.looking': 'Etsitään lappuja…',
		'photo.found': {
			one: 'Löytyi {count} lappu. Tarkista rajaus ennen lisäämistä.',
			other: 'Löytyi {count} lappua. Tarkista rajaukset ennen lisäämistä.'
		},
		'photo.problem.not-image': 'Tiedosto ei ole kuva. Valitse valokuva (esimerkiksi JPEG tai PNG).',
		'photo.problem.too-large': 'Tiedosto on yli {max} Mt. Valitse pienempi kuva.',
		'photo.problem.unreadable': 'Kuvaa ei voitu avata. Kokeile toista kuvaa tai tiedostomuotoa.',
		'photo.preview': {
			one: 'Valokuva, jossa on {count} lapun rajaus',
			other: 'Valokuva, jossa on {count} lapun rajaukset'
		},
		'photo.outlines': 'Rajaukset',
		'photo.box': 'Lappu {number}',
		'photo.keys':
			'Valitse rajaus ja siirrä sitä nuolinäppäimillä. Vaihto ja nuolinäppäimet muuttavat kokoa, Ctrl ottaa isomman askeleen ja Delete poistaa rajauksen.',
		'photo.addBox': 'Lisää rajaus',
		'photo.boxAdded': 'Rajaus {number} lisätty kuvan keskelle.',
		'photo.removeBox': 'Poista rajaus {number}',
		'photo.boxRemoved': {
			one: 'Rajaus {number} poistettu. Jäljellä {count}.',
			other: 'Rajaus {number} poistettu. Jäljellä {count}.'
		},
		'photo.zone': 'Lisää alueelle',
		'photo.add': { one: 'Lisää {count} lappu', other: 'Lisää {count} lappua' },
		'photo.adding': 'Lisätään lappuja…',
		'photo.added': {
			one: '{count} lappu lisätty kuvasta. Kirjoita sen teksti avaamalla lappu.',
			other: '{count} lappua lisätty kuvasta. Kirjoita niiden tekstit avaamalla laput.'
		},
		'photo.cropFailed': 'Lappua {number} ei saatu tarpeeksi pieneksi. Pienennä sen rajausta.',
		'photo.tooMany': {
			one: 'Työpajaan mahtuu enää {count} kuvalappu. Poista rajauksia.',
			other: 'Työpajaan mahtuu enää {count} kuvalappua. Poista rajauksia.'
		},
		'photo.untyped': 'Paperilappu, tekstiä ei vielä kirjoitettu',
		'photo.untypedNumbered': 'Paperilappu {number}, tekstiä ei vielä kirjoitettu',
		'photo.imageAlt': 'Valokuva paperilapusta',
		'photo.typeHint': 'Kirjoita paperilapun teksti sellaisena kuin se on kuvassa.'
	},
	sv: {
		'photo.open': 'Lappar från foto',
		'photo.title': 'Papperslappar från ett foto',
		'photo.intro':
			'Fotografera en vägg eller ett bord med papperslappar, eller välj ett foto. Lapparna hittas på den här enheten; ingenting skickas någonstans.',
		'photo.take': 'Ta ett foto med kameran',
		'photo.choose': 'Välj en bildfil',
		'photo.looking': 'Letar efter lappar…',
		'photo.found': {
			one: 'Hittade {count} lapp. Kontrollera konturen innan du lägger till.',
			other: 'Hittade {count} lappar. Kontrollera konturerna innan du lägger till.'
		},
		'photo.problem.not-image': 'Filen är ingen bild. Välj ett foto (till exempel JPEG eller PNG).',
		'photo.problem.too-large': 'Filen är större än {max} MB. Välj ett mindre foto.',
		'photo.problem.unreadable': 'Fotot kunde inte öppnas. Prova ett annat foto eller filformat.',
		'photo.preview': { one: 'Fotot med konturen av {count} lapp', other: 'Fotot med konturerna av {count} lappar' },
		'photo.outlines': 'Konturer',
		'photo.box': 'Lapp {number}',
		'photo.keys':
			'Välj en kontur och flytta den med piltangenterna. Skift och piltangenterna ändrar storleken, Ctrl tar ett längre steg och Delete tar bort konturen.',
		'photo.addBox': 'Lägg till en kontur',
		'photo.boxAdded': 'Kontur {number} har lagts till mitt i fotot.',
		'photo.removeBox': 'Ta bort kontur {number}',
		'photo.boxRemoved': {
			one: 'Kontur {number} borttagen. {count} kvar.',
			other: 'Kontur {number} borttagen. {count} kvar.'
		},
		'photo.zone': 'Lägg till i området',
		'photo.add': { one: 'Lägg till {count} lapp', other: 'Lägg till {count} lappar' },
		'photo.adding': 'Lägger till lappar…',
		'photo.added': {
			one: '{count} lapp har lagts till från fotot. Skriv dess text genom att öppna lappen.',
			other: '{count} lappar har lagts till från fotot. Skriv deras texter genom att öppna lapparna.'
		},
		'photo.cropFailed': 'Lapp {number} kunde inte göras tillräckligt liten. Gör dess kontur mindre.',
		'photo.tooMany': {
			one: 'Workshoppen rymmer bara {count} bildlapp till. Ta bort konturer.',
			other: 'Workshoppen rymmer bara {count} bildlappar till. Ta bort konturer.'
		},
		'photo.untyped': 'Papperslapp, texten är inte inskriven än',
		'photo.untypedNumbered': 'Papperslapp {number}, texten är inte inskriven än',
		'photo.imageAlt': 'Foto av papperslappen',
		'photo.typeHint': 'Skriv in texten på papperslappen så som den står på fotot.'
	},
	en: {
		'photo.open': 'Notes from a photo',
		'photo.title': 'Paper notes from a photo',
		'photo.intro':
			'Photograph a wall or table of paper notes, or choose a photo. The notes are found on this device; nothing is sent anywhere.',
		'photo.take': 'Take a photo with the camera',
		'photo.choose': 'Choose a picture file',
		'photo.looking': 'Looking for notes…',
		'photo.found': {
			one: 'Found {count} note. Check its outline before adding it.',
			other: 'Found {count} notes. Check the outlines before adding them.'
		},
		'photo.problem.not-image': 'That file is not a picture. Choose a photo (JPEG or PNG, for example).',
		'photo.problem.too-large': 'That file is over {max} MB. Choose a smaller photo.',
		'photo.problem.unreadable': 'The photo could not be opened. Try another photo or file format.',
		'photo.preview': {
			one: 'The photo with the outline of {count} note',
			other: 'The photo with the outlines of {count} notes'
		},
		'photo.outlines': 'Outlines',
		'photo.box': 'Note {number}',
		'photo.keys':
			'Select an outline and move it with the arrow keys. Shift and the arrow keys change its size, Ctrl takes a larger step and Delete removes the outline.',
		'photo.addBox': 'Add an outline',
		'photo.boxAdded': 'Outline {number} added in the middle of the photo.',
		'photo.removeBox': 'Remove outline {number}',
		'photo.boxRemoved': {
			one: 'Outline {number} removed. {count} left.',
			other: 'Outline {number} removed. {count} left.'
		},
		'photo.zone': 'Add to zone',
		'photo.add': { one: 'Add {count} note', other: 'Add {count} notes' },
		'photo.adding': 'Adding notes…',
		'photo.added': {
			one: '{count} note added from the photo. Open it to type its text.',
			other: '{count} notes added from the photo. Open them to type their text.'
		},
		'photo.cropFailed': 'Note {number} could not be made small enough. Make its outline smaller.',
		'photo.tooMany': {
			one: 'The workshop has room for only {count} more photo note. Remove some outlines.',
			other: 'The workshop has room for only {count} more photo notes. Remove some outlines.'
		},
		'photo.untyped': 'Paper note, text not typed yet',
		'photo.untypedNumbered': 'Paper note {number}, text not typed yet',
		'photo.imageAlt': 'Photo of the paper note',
		'photo.typeHint': 'Type the text of the paper note as it reads in the photo.'
	}
});
