import { defineMessages } from '../define';

/** The accessibility statement page and the settings its contact details come from. */
export default defineMessages({
	fi: {
		'statement.link': 'Saavutettavuusseloste',
		'statement.title': 'Saavutettavuusseloste',
		'statement.intro':
			'Tämä seloste koskee Kohtaamo-sovellusta, jolla museo ohjaa yhteiskehittämisen työpajoja. Seloste on laadittu 2.12.2026. Se perustuu kehittäjien omaan arvioon ja automaattisiin testeihin.',
		'statement.status.title': 'Miten saavutettava sovellus on',
		'statement.status.body': 'Sovellus täyttää osittain WCAG 2.1 -ohjeiden AA-tason vaatimukset.',
		'statement.works.title': 'Mikä toimii',
		'statement.works.keyboard': 'Koko työpajan voi tehdä pelkällä näppäimistöllä, ohjaajana ja osallistujana.',
		'statement.works.list':
			'Lappujen listanäkymässä on kaikki taulun toiminnot. Ruudunlukija kertoo muutokset, kuten uudet laput ja vaiheen vaihtumisen.',
		'statement.works.zoom':
			'Sivut toimivat 200 % suurennuksella ja kapealla näytöllä. Painikkeet ovat riittävän suuria kosketukseen.',
		'statement.works.language': 'Jokaisen lapun kieli on merkitty, joten ruudunlukija lukee sen oikein.',
		'statement.notYet.title': 'Mikä ei vielä ole saavutettavaa',
		'statement.notYet.board':
			'Taulunäkymä on kaksiulotteinen piirtoalue, jota ei voi rivittää kapealle näytölle. Käytä silloin listanäkymää: siinä on samat laput ja toiminnot.',
		'statement.notYet.pdf':
			'PDF-yhteenveto ei ole rakenteistettu (tagged) PDF. Siksi muulla kielellä kirjoitetun lapun kieli on kerrottu sanoin, eikä ruudunlukija vaihda kieltä. Samat tiedot saa myös CSV-tiedostona.',
		'statement.notYet.photos':
			'Valokuvasta tuodulla paperilapulla on tekstivastine vain, jos ohjaaja on kirjoittanut sen.',
		'statement.feedback.title': 'Anna palautetta',
		'statement.feedback.body':
			'Huomasitko puutteen? Kerro siitä meille, niin korjaamme sen tai annamme tiedon muussa muodossa. Vastaamme kahden viikon kuluessa.',
		'statement.feedback.organisation': 'Yhteystiedot: {organisation}',
		'statement.feedback.email': 'Sähköposti',
		'statement.feedback.phone': 'Puhelin',
		'statement.feedback.none': 'Museo ei ole vielä antanut yhteystietojaan. Kerro palautteesi työpajan ohjaajalle.',
		'statement.authority.title': 'Valvontaviranomainen',
		'statement.authority.body':
			'Jos et saa vastausta kahdessa viikossa tai vastaus ei tyydytä sinua, voit ilmoittaa asiasta Etelä-Suomen aluehallintovirastoon. Sivulta saavutettavuusvaatimukset.fi löydät ohjeet.',
		'statement.authority.name': 'Etelä-Suomen aluehallintovirasto, saavutettavuuden valvonnan yksikkö',
		'statement.authority.web': 'Verkkosivu',
		'statement.authority.email': 'Sähköposti',
		'statement.authority.phone': 'Puhelin (vaihde)',
		'statement.authority.url': 'https://www.saavutettavuusvaatimukset.fi',
		'settings.statement.title': 'Saavutettavuusselosteen yhteystiedot',
		'settings.statement.hint':
			'Nämä tiedot näkyvät saavutettavuusselosteessa, jotta ihmiset voivat antaa palautetta museolle.',
		'settings.statement.organisation': 'Museon tai yksikön nimi',
		'settings.statement.email': 'Sähköposti palautteelle',
		'settings.statement.phone': 'Puhelinnumero',
		'settings.statement.save': 'Tallenna yhteystiedot'
	},
	sv: {
		'statement.link': 'Tillgänglighetsutlåtande',
		'statement.title': 'Tillgänglighetsutlåtande',
		'statement.intro':
			'Det här utlåtandet gäller appen Kohtaamo, som museet använder för att leda workshoppar för gemensam utveckling. Utlåtandet gjordes 2.12.2026. Det bygger på utvecklarnas egen bedömning och på automatiska tester.',
		'statement.status.title': 'Hur tillgänglig appen är',
		'statement.status.body': 'Appen uppfyller delvis kraven på nivå AA i WCAG 2.1.',
		'statement.works.title': 'Det här fungerar',
		'statement.works.keyboard':
			'Hela workshoppen går att göra med bara tangentbordet, som handledare och som deltagare.',
		'statement.works.list':
			'Listvyn över lapparna har alla funktioner som tavlan har. En skärmläsare berättar om ändringar, till exempel nya lappar och byte av fas.',
		'statement.works.zoom':
			'Sidorna fungerar med 200 % förstoring och på en smal skärm. Knapparna är tillräckligt stora för pekskärm.',
		'statement.works.language': 'Varje lapps språk är angivet, så att en skärmläsare läser den rätt.',
		'statement.notYet.title': 'Det här är inte tillgängligt ännu',
		'statement.notYet.board':
			'Tavlan är en tvådimensionell yta som inte kan radbrytas på en smal skärm. Använd då listvyn: den har samma lappar och funktioner.',
		'statement.notYet.pdf':
			'Sammanfattningen i PDF är inte en strukturerad (taggad) PDF. Därför anges språket för en lapp på ett annat språk i ord, och en skärmläsare byter inte språk. Samma uppgifter finns också som CSV-fil.',
		'statement.notYet.photos':
			'En papperslapp som importerats från ett foto har en textversion bara om handledaren har skrivit den.',
		'statement.feedback.title': 'Ge respons',
		'statement.feedback.body':
			'Märkte du en brist? Berätta för oss, så rättar vi den eller ger uppgifterna i en annan form. Vi svarar inom två veckor.',
		'statement.feedback.organisation': 'Kontakt: {organisation}',
		'statement.feedback.email': 'E-post',
		'statement.feedback.phone': 'Telefon',
		'statement.feedback.none':
			'Museet har inte angett sina kontaktuppgifter ännu. Ge din respons till workshoppens handledare.',
		'statement.authority.title': 'Tillsynsmyndighet',
		'statement.authority.body':
			'Om du inte får svar inom två veckor eller inte är nöjd med svaret kan du anmäla saken till Regionförvaltningsverket i Södra Finland. På sidan tillganglighetskrav.fi finns anvisningar.',
		'statement.authority.name': 'Regionförvaltningsverket i Södra Finland, enheten för tillsyn av tillgänglighet',
		'statement.authority.web': 'Webbplats',
		'statement.authority.email': 'E-post',
		'statement.authority.phone': 'Telefon (växel)',
		'statement.authority.url': 'https://www.tillganglighetskrav.fi',
		'settings.statement.title': 'Kontaktuppgifter i tillgänglighetsutlåtandet',
		'settings.statement.hint': 'Uppgifterna visas i tillgänglighetsutlåtandet, så att man kan ge respons till museet.',
		'settings.statement.organisation': 'Museets eller enhetens namn',
		'settings.statement.email': 'E-post för respons',
		'settings.statement.phone': 'Telefonnummer',
		'settings.statement.save': 'Spara kontaktuppgifterna'
	},
	en: {
		'statement.link': 'Accessibility statement',
		'statement.title': 'Accessibility statement',
		'statement.intro':
			'This statement is about Kohtaamo, the app the museum uses to run co-design workshops. It was made on 2 December 2026. It is based on the developers’ own assessment and on automated tests.',
		'statement.status.title': 'How accessible the app is',
		'statement.status.body': 'The app partly meets the requirements of WCAG 2.1 level AA.',
		'statement.works.title': 'What works',
		'statement.works.keyboard': 'You can take part in or run a whole workshop with the keyboard alone.',
		'statement.works.list':
			'The list view of the notes has every action of the board. A screen reader hears about changes, such as new notes and a new phase.',
		'statement.works.zoom': 'Pages work at 200 % zoom and on a narrow screen. Buttons are large enough to tap.',
		'statement.works.language': 'Each note says which language it is in, so a screen reader reads it right.',
		'statement.notYet.title': 'What is not accessible yet',
		'statement.notYet.board':
			'The board is a two-dimensional surface that cannot reflow on a narrow screen. Use the list view instead: it has the same notes and actions.',
		'statement.notYet.pdf':
			'The PDF summary is not a structured (tagged) PDF. So the language of a note in another language is given in words, and a screen reader does not switch language. The same information is also in the CSV file.',
		'statement.notYet.photos':
			'A paper note imported from a photo has a text version only if the facilitator typed it.',
		'statement.feedback.title': 'Give feedback',
		'statement.feedback.body':
			'Did you find a problem? Tell us, and we will fix it or give you the information in another form. We answer within two weeks.',
		'statement.feedback.organisation': 'Contact: {organisation}',
		'statement.feedback.email': 'Email',
		'statement.feedback.phone': 'Phone',
		'statement.feedback.none':
			'The museum has not given its contact details yet. Please give your feedback to the workshop’s facilitator.',
		'statement.authority.title': 'Supervisory authority',
		'statement.authority.body':
			'If you get no answer within two weeks, or you are not happy with the answer, you can tell the Regional State Administrative Agency for Southern Finland. The website webaccessibility.fi tells you how.',
		'statement.authority.name':
			'Regional State Administrative Agency for Southern Finland, Accessibility Monitoring Unit',
		'statement.authority.web': 'Website',
		'statement.authority.email': 'Email',
		'statement.authority.phone': 'Phone (switchboard)',
		'statement.authority.url': 'https://www.webaccessibility.fi',
		'settings.statement.title': 'Contact details for the accessibility statement',
		'settings.statement.hint': 'The accessibility statement shows these, so that people can give the museum feedback.',
		'settings.statement.organisation': 'Name of the museum or unit',
		'settings.statement.email': 'Email for feedback',
		'settings.statement.phone': 'Phone number',
		'settings.statement.save': 'Save contact details'
	}
});
