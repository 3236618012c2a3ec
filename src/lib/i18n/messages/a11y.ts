import { defineMessages } from '../define';

/** Accessibility: names of per-note controls, announcements, limits of cut input, shortcuts, statement. */
export default defineMessages({
	fi: {
		'note.language': 'Lapun kieli',
		'shortcuts.title': 'Pikanäppäimet',
		'shortcuts.intro': 'Yhden kirjaimen näppäimet toimivat, kun kohdistus on taululla tai listassa.',
		'shortcuts.onBoard': 'Taululla ja listassa',
		'shortcuts.onNote': 'Kun kohdistus on lapussa (taulunäkymä)',
		'shortcuts.switchView': 'Vaihda taulun ja listan välillä',
		'shortcuts.select': 'Valitse lappu tai poista valinta',
		'shortcuts.nudge': 'Siirrä lappua vähän',
		'shortcuts.nudgeFar': 'Siirrä lappua enemmän',
		'length.limit': 'Enintään {max} merkkiä.',
		'length.reached': 'Enimmäispituus {max} merkkiä on täynnä. Pidempää tekstiä ei tallenneta.',
		'board.privateHintFacilitator':
			'Osallistujat kirjoittavat nyt yksin. Heidän lappunsa näkyvät kaikille, kun paljastat ne. Siihen asti tekstit on salattu muilta laitteilta; lappujen paikka ja väri eivät ole.',
		'board.groupSelected': 'Ryhmittele valitut laput',
		'list.select': 'Valitse lappu',
		'list.zoneFor': 'Alue lapulle',
		'list.move': 'Siirrä',
		'plan.item.number': 'osio {index}',
		'summary.noteLanguage': 'Kieli: {language}',
		'announce.phase': 'Vaihe: {phase}.',
		'announce.activity': 'Tehtävä: {title}.',
		'announce.minutesLeft': { one: '{count} minuutti aikaa jäljellä.', other: '{count} minuuttia aikaa jäljellä.' },
		'announce.timeUp': 'Aika loppui.',
		'announce.revealed': 'Kaikkien laput näkyvät nyt.',
		'announce.results': 'Tulokset näkyvät nyt.',
		'announce.newNotes': { one: '{count} uusi lappu alueella {zone}.', other: '{count} uutta lappua alueella {zone}.' },
		'announce.moved': {
			one: '{count} lappu siirretty alueelle {zone}.',
			other: '{count} lappua siirretty alueelle {zone}.'
		},
		'announce.grouped': 'Ryhmä {name} tehty, siinä on {count} lappua.',
		'announce.renamed': 'Ryhmän uusi nimi on {name}.',
		'announce.voted': {
			one: 'Piste annettu. {count} piste jäljellä.',
			other: 'Piste annettu. {count} pistettä jäljellä.'
		},
		'announce.unvoted': {
			one: 'Piste otettu pois. {count} piste jäljellä.',
			other: 'Piste otettu pois. {count} pistettä jäljellä.'
		},
		'announce.selectionCleared': 'Valinta poistettu.'
	},
	sv: {
		'note.language': 'Lappens språk',
		'shortcuts.title': 'Kortkommandon',
		'shortcuts.intro': 'Tangenter med en bokstav fungerar när fokus är på tavlan eller i listan.',
		'shortcuts.onBoard': 'På tavlan och i listan',
		'shortcuts.onNote': 'När fokus är på en lapp (tavlan)',
		'shortcuts.switchView': 'Växla mellan tavla och lista',
		'shortcuts.select': 'Välj lappen eller ta bort valet',
		'shortcuts.nudge': 'Flytta lappen lite',
		'shortcuts.nudgeFar': 'Flytta lappen längre',
		'length.limit': 'Högst {max} tecken.',
		'length.reached': 'Den högsta längden, {max} tecken, är nådd. Längre text sparas inte.',
		'board.privateHintFacilitator':
			'Deltagarna skriver nu var för sig. Deras lappar syns för alla när du visar dem. Fram till dess är texterna krypterade för andra enheter; lapparnas plats och färg är det inte.',
		'board.groupSelected': 'Gruppera de valda lapparna',
		'list.select': 'Välj lappen',
		'list.zoneFor': 'Fält för lappen',
		'list.move': 'Flytta',
		'plan.item.number': 'avsnitt {index}',
		'summary.noteLanguage': 'Språk: {language}',
		'announce.phase': 'Fas: {phase}.',
		'announce.activity': 'Aktivitet: {title}.',
		'announce.minutesLeft': { one: '{count} minut kvar.', other: '{count} minuter kvar.' },
		'announce.timeUp': 'Tiden är ute.',
		'announce.revealed': 'Allas lappar syns nu.',
		'announce.results': 'Resultaten visas nu.',
		'announce.newNotes': { one: '{count} ny lapp i {zone}.', other: '{count} nya lappar i {zone}.' },
		'announce.moved': { one: '{count} lapp flyttad till {zone}.', other: '{count} lappar flyttade till {zone}.' },
		'announce.grouped': 'Gruppen {name} är gjord, med {count} lappar.',
		'announce.renamed': 'Gruppen heter nu {name}.',
		'announce.voted': { one: 'Prick given. {count} prick kvar.', other: 'Prick given. {count} prickar kvar.' },
		'announce.unvoted': {
			one: 'Prick borttagen. {count} prick kvar.',
			other: 'Prick borttagen. {count} prickar kvar.'
		},
		'announce.selectionCleared': 'Markeringen är borttagen.'
	},
	en: {
		'note.language': 'Language of the note',
		'shortcuts.title': 'Keyboard shortcuts',
		'shortcuts.intro': 'Single-letter keys work while focus is on the board or in the list.',
		'shortcuts.onBoard': 'On the board and in the list',
		'shortcuts.onNote': 'With focus on a note (board view)',
		'shortcuts.switchView': 'Switch between board and list',
		'shortcuts.select': 'Select the note, or clear its selection',
		'shortcuts.nudge': 'Move the note a little',
		'shortcuts.nudgeFar': 'Move the note further',
		'length.limit': 'At most {max} characters.',
		'length.reached': 'You have reached the limit of {max} characters. Longer text is not kept.',
		'board.privateHintFacilitator':
			'Participants are writing alone now. Their notes appear to everyone when you reveal them. Until then their text is encrypted from other devices; the notes’ place and colour are not.',
		'board.groupSelected': 'Group the selected notes',
		'list.select': 'Select note',
		'list.zoneFor': 'Zone for note',
		'list.move': 'Move',
		'plan.item.number': 'activity {index}',
		'summary.noteLanguage': 'Language: {language}',
		'announce.phase': 'Phase: {phase}.',
		'announce.activity': 'Activity: {title}.',
		'announce.minutesLeft': { one: '{count} minute left.', other: '{count} minutes left.' },
		'announce.timeUp': 'Time is up.',
		'announce.revealed': 'Everyone’s notes are shown now.',
		'announce.results': 'The results are shown now.',
		'announce.newNotes': { one: '{count} new note in {zone}.', other: '{count} new notes in {zone}.' },
		'announce.moved': { one: '{count} note moved to {zone}.', other: '{count} notes moved to {zone}.' },
		'announce.grouped': 'Group {name} made, with {count} notes.',
		'announce.renamed': 'The group is now called {name}.',
		'announce.voted': { one: 'Dot given. {count} dot left.', other: 'Dot given. {count} dots left.' },
		'announce.unvoted': { one: 'Dot taken back. {count} dot left.', other: 'Dot taken back. {count} dots left.' },
		'announce.selectionCleared': 'Selection cleared.'
	}
});
