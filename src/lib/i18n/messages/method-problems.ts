import { defineMessages } from '../define';

/**
 * What is wrong with a method file or form, one message per problem code of
 * `src/lib/methods/method-problem.ts`. Each follows the field it is about ("name.sv: puuttuu"), so
 * it is written as the rest of a sentence whose subject is that field.
 */
export default defineMessages({
	fi: {
		'methodProblem.missing': 'puuttuu',
		'methodProblem.empty': 'on tyhjä',
		'methodProblem.too-long': 'on liian pitkä (enintään {max} merkkiä)',
		'methodProblem.not-mapping': 'pitää olla joukko nimettyjä kenttiä (nimi: arvo)',
		'methodProblem.not-text': 'pitää olla tekstiä',
		'methodProblem.not-number': 'pitää olla kokonaisluku',
		'methodProblem.range': 'pitää olla {min}–{max}',
		'methodProblem.not-boolean': 'pitää olla true (kyllä) tai false (ei)',
		'methodProblem.not-list': 'pitää olla luettelo',
		'methodProblem.too-few': 'luettelossa on liian vähän kohtia (vähintään {min})',
		'methodProblem.too-many': 'luettelossa on liian monta kohtaa (enintään {max})',
		'methodProblem.one-of': 'pitää olla jokin näistä: {allowed}',
		'methodProblem.translations-differ':
			'kieliversioissa on eri määrä kohtia (suomeksi {fi}, ruotsiksi {sv}, englanniksi {en}); niiden pitää olla toistensa käännöksiä',
		'methodProblem.unknown-field': 'on tuntematon kenttä',
		'methodProblem.bad-id':
			'saa sisältää vain pieniä kirjaimia a–z ja numeroita, ja sanojen välissä yksittäisiä yhdysviivoja',
		'methodProblem.duplicate-id': 'tunnus ”{id}” on käytössä kahdesti',
		'methodProblem.duplicate-audience': 'sama kohderyhmä on mainittu kahdesti',
		'methodProblem.overlap': 'alueet ”{first}” ja ”{second}” menevät päällekkäin (sarake {column}, rivi {row})',
		'methodProblem.duration-order': 'tavallisen keston pitää olla lyhimmän ja pisimmän keston välillä',
		'methodProblem.group-order': 'enimmäismäärä on pienempi kuin vähimmäismäärä',
		'methodProblem.steps-sum': 'kohtien minuutit ovat yhteensä {sum}, mutta tavallinen kesto on {duration} min',
		'methodProblem.timer-too-long': 'ajastin ei voi olla pidempi kuin menetelmän pisin kesto',
		'methodProblem.yaml': 'ei ole kelvollista YAMLia: {detail}',
		'methodProblem.id-mismatch': 'pitää olla sama kuin tiedoston nimi (”{expected}”)',
		'methodProblem.unknown-method': 'nimeää menetelmän ”{id}”, jota ei ole kirjastossa eikä tällä laitteella',
		'methodProblem.method-and-kind':
			'menetelmäkohdassa pitää nimetä menetelmä (method), tauossa ja vapaassa kohdassa ei'
	},
	sv: {
		'methodProblem.missing': 'saknas',
		'methodProblem.empty': 'är tom',
		'methodProblem.too-long': 'är för lång (högst {max} tecken)',
		'methodProblem.not-mapping': 'ska vara en samling namngivna fält (namn: värde)',
		'methodProblem.not-text': 'ska vara text',
		'methodProblem.not-number': 'ska vara ett heltal',
		'methodProblem.range': 'ska vara {min}–{max}',
		'methodProblem.not-boolean': 'ska vara true (ja) eller false (nej)',
		'methodProblem.not-list': 'ska vara en lista',
		'methodProblem.too-few': 'listan har för få punkter (minst {min})',
		'methodProblem.too-many': 'listan har för många punkter (högst {max})',
		'methodProblem.one-of': 'ska vara något av följande: {allowed}',
		'methodProblem.translations-differ':
			'språkversionerna har olika många punkter ({fi} på finska, {sv} på svenska, {en} på engelska); de ska vara översättningar av varandra',
		'methodProblem.unknown-field': 'är ett okänt fält',
		'methodProblem.bad-id': 'får bara innehålla små bokstäver a–z och siffror, med enstaka bindestreck mellan orden',
		'methodProblem.duplicate-id': 'id:t ”{id}” används två gånger',
		'methodProblem.duplicate-audience': 'samma målgrupp står två gånger',
		'methodProblem.overlap': 'områdena ”{first}” och ”{second}” överlappar varandra (kolumn {column}, rad {row})',
		'methodProblem.duration-order': 'den vanliga längden ska ligga mellan den kortaste och den längsta längden',
		'methodProblem.group-order': 'högsta antalet är mindre än lägsta antalet',
		'methodProblem.steps-sum': 'stegens minuter blir sammanlagt {sum}, men den vanliga längden är {duration} min',
		'methodProblem.timer-too-long': 'timern kan inte vara längre än metodens längsta längd',
		'methodProblem.yaml': 'är inte giltig YAML: {detail}',
		'methodProblem.id-mismatch': 'ska vara samma som filens namn (”{expected}”)',
		'methodProblem.unknown-method': 'nämner metoden ”{id}”, som varken finns i biblioteket eller på den här enheten',
		'methodProblem.method-and-kind': 'en metodpunkt ska nämna sin metod (method), en paus eller fri punkt ingen'
	},
	en: {
		'methodProblem.missing': 'is missing',
		'methodProblem.empty': 'is empty',
		'methodProblem.too-long': 'is too long ({max} characters at most)',
		'methodProblem.not-mapping': 'must be a set of named fields (name: value)',
		'methodProblem.not-text': 'must be text',
		'methodProblem.not-number': 'must be a whole number',
		'methodProblem.range': 'must be {min}–{max}',
		'methodProblem.not-boolean': 'must be true or false',
		'methodProblem.not-list': 'must be a list',
		'methodProblem.too-few': 'the list has too few items (at least {min})',
		'methodProblem.too-many': 'the list has too many items ({max} at most)',
		'methodProblem.one-of': 'must be one of: {allowed}',
		'methodProblem.translations-differ':
			'the languages have different numbers of items ({fi} in Finnish, {sv} in Swedish, {en} in English); they must be translations of each other',
		'methodProblem.unknown-field': 'is not a known field',
		'methodProblem.bad-id': 'may contain only lowercase letters a–z and digits, with single dashes between words',
		'methodProblem.duplicate-id': 'the id “{id}” is used twice',
		'methodProblem.duplicate-audience': 'lists the same audience twice',
		'methodProblem.overlap': 'the zones “{first}” and “{second}” overlap (column {column}, row {row})',
		'methodProblem.duration-order': 'the usual duration must lie between the shortest and the longest duration',
		'methodProblem.group-order': 'the maximum is smaller than the minimum',
		'methodProblem.steps-sum': 'the steps’ minutes add up to {sum}, but the usual duration is {duration} min',
		'methodProblem.timer-too-long': 'the timer cannot be longer than the method’s longest duration',
		'methodProblem.yaml': 'is not valid YAML: {detail}',
		'methodProblem.id-mismatch': 'must be the same as the file name (“{expected}”)',
		'methodProblem.unknown-method': 'names the method “{id}”, which is neither in the library nor on this device',
		'methodProblem.method-and-kind': 'a method item names its method (method); a break or blank item names none'
	}
});
