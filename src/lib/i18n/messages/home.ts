import { defineMessages } from '../define';

/** The home page: the sessions kept on this device. */
export default defineMessages({
	fi: {
		'home.title': 'Työpajat tällä laitteella',
		'home.empty.title': 'Ei vielä työpajoja',
		'home.empty.body':
			'Aloita valitsemalla menetelmiä kirjastosta ja kokoamalla niistä työpajan ohjelma. Kaikki tallentuu vain tälle laitteelle, eikä mikään vaadi internetyhteyttä.',
		'home.empty.browseMethods': 'Selaa menetelmiä',
		'home.empty.joinHint': 'Osallistujaksi tulet skannaamalla ohjaajan näyttämän QR-koodin.',
		'home.sessionCount': { one: '{count} työpaja', other: '{count} työpajaa' },
		'home.updated': 'Muokattu {date}',
		'home.role.facilitator': 'Ohjaat',
		'home.role.participant': 'Osallistuit'
	},
	sv: {
		'home.title': 'Workshoppar på den här enheten',
		'home.empty.title': 'Inga workshoppar ännu',
		'home.empty.body':
			'Börja med att välja metoder i biblioteket och sätta ihop ett program för workshoppen. Allt sparas bara på den här enheten och inget kräver internet.',
		'home.empty.browseMethods': 'Bläddra bland metoder',
		'home.empty.joinHint': 'Som deltagare ansluter du genom att skanna QR-koden som ledaren visar.',
		'home.sessionCount': { one: '{count} workshop', other: '{count} workshoppar' },
		'home.updated': 'Ändrad {date}',
		'home.role.facilitator': 'Du leder',
		'home.role.participant': 'Du deltog'
	},
	en: {
		'home.title': 'Workshops on this device',
		'home.empty.title': 'No workshops yet',
		'home.empty.body':
			'Start by picking methods from the library and putting together a workshop agenda. Everything is saved only on this device, and nothing needs the internet.',
		'home.empty.browseMethods': 'Browse methods',
		'home.empty.joinHint': 'To join as a participant, scan the QR code the facilitator shows.',
		'home.sessionCount': { one: '{count} workshop', other: '{count} workshops' },
		'home.updated': 'Edited {date}',
		'home.role.facilitator': 'You facilitate',
		'home.role.participant': 'You took part'
	}
});
