/**
 * A realistic workshop for the export tests and the benchmark: a plan, an agenda of every kind of
 * board (columns, a break, a 2×2 matrix, rings with sectors, a journey, a free board), and a
 * session document written through the board's own commands — notes in many scripts, clusters,
 * votes, real start and end times and checked-in participants.
 */
import * as Y from 'yjs';
import { addNote, castVote, groupNotes } from '../../board/commands';
import {
	checkIn,
	endSession,
	publishActivities,
	setCurrentActivity,
	setPhase,
	writeSessionMeta
} from '../../board/facilitation';
import { actor } from '../../board/test-board';
import type { NoteColor } from '../../board/types';
import type { Locale } from '../../i18n/locales';
import type { BoardSpec } from '../../methods/types';
import { freeBoard } from '../../session/plan';
import type { AgendaItem, SessionSummary } from '../../session/types';

const L = (fi: string, sv: string, en: string) => ({ fi, sv, en });

export const BOARDS = {
	columns: {
		layout: {
			template: 'columns',
			lanes: [
				{ id: 'hopes', name: L('Toiveet', 'Förhoppningar', 'Hopes') },
				{ id: 'concerns', name: L('Huolet', 'Farhågor', 'Concerns') }
			]
		},
		privateWriting: false,
		dotsPerPerson: 3,
		timerMinutes: 5
	},
	matrix: {
		layout: {
			template: 'matrix',
			xAxis: {
				label: L('Vaiva', 'Insats', 'Effort'),
				low: L('Vähän vaivaa', 'Liten insats', 'Little effort'),
				high: L('Paljon vaivaa', 'Stor insats', 'Lots of effort')
			},
			yAxis: {
				label: L('Vaikutus ihmisille', 'Effekt för människor', 'Impact on people'),
				low: L('Pieni vaikutus', 'Liten effekt', 'Small impact'),
				high: L('Suuri vaikutus', 'Stor effekt', 'Big impact')
			},
			quadrants: {
				'top-left': L('Nopeat onnistumiset', 'Snabba vinster', 'Quick wins'),
				'top-right': L('Isot panostukset', 'Stora satsningar', 'Big bets'),
				'bottom-left': L('Pienet lisät', 'Småsaker', 'Fill-ins'),
				'bottom-right': L('Ei nyt', 'Inte nu', 'Not now')
			}
		},
		privateWriting: false,
		dotsPerPerson: 3,
		timerMinutes: 10
	},
	rings: {
		layout: {
			template: 'rings',
			rings: [
				{ id: 'current', name: L('Nykyiset kävijät', 'Nuvarande besökare', 'Current visitors') },
				{ id: 'occasional', name: L('Satunnaiset kävijät', 'Besökare ibland', 'Occasional visitors') },
				{ id: 'potential', name: L('Mahdolliset kävijät', 'Möjliga besökare', 'Potential visitors') }
			],
			sectors: [
				{ id: 'age', name: L('Ikä', 'Ålder', 'Age') },
				{ id: 'area', name: L('Asuinalue', 'Bostadsområde', 'Where they live') },
				{ id: 'language', name: L('Kieli', 'Språk', 'Language') }
			]
		},
		privateWriting: false,
		dotsPerPerson: 0,
		timerMinutes: 10
	},
	journey: {
		layout: {
			template: 'journey',
			stages: [
				{ id: 'hears', name: L('Kuulee museosta', 'Hör om museet', 'Hears about it') },
				{ id: 'arrives', name: L('Saapuu', 'Kommer fram', 'Arrives') },
				{ id: 'visits', name: L('Vierailee', 'Besöker', 'Visits') },
				{ id: 'afterwards', name: L('Jälkeenpäin', 'Efteråt', 'Afterwards') }
			],
			rows: [
				{ id: 'actions', name: L('Mitä hän tekee', 'Vad hen gör', 'What they do') },
				{ id: 'feelings', name: L('Tunteet', 'Känslor', 'Feelings') },
				{ id: 'ideas', name: L('Ideat', 'Idéer', 'Ideas') }
			]
		},
		privateWriting: false,
		dotsPerPerson: 3,
		timerMinutes: 20
	}
} satisfies Record<string, BoardSpec>;

/** Notes whose text the tests look for in the PDF and the CSV. */
export const SPECIAL_NOTES = {
	finnish: 'Åsa Öhman: ääkkösiä',
	cyrillic: 'Женя',
	greek: 'Ελένη',
	long: Array.from({ length: 100 }, (_, i) => `sana${i % 10}`)
		.join(' ')
		.slice(0, 500),
	emoji: 'Loistava näyttely 🎉 ja hyvä kahvila',
	hebrew: 'שלום עולם',
	arabic: 'مرحبا بالعالم',
	mixed: 'Kävijä sanoi: שלום ja lähti',
	formula: '=HYPERLINK("http://example.com","klikkaa")',
	quoted: 'Hän sanoi "kyllä", ja\nsitten lähti'
} as const;

export interface WorkshopFixture {
	session: SessionSummary;
	agenda: AgendaItem[];
	doc: Y.Doc;
	methodNames: Record<string, string>;
	/** Texts of the notes written, per activity id. */
	texts: Map<string, string[]>;
}

const COLORS: NoteColor[] = ['yellow', 'pink', 'green', 'blue', 'orange', 'purple', 'grey'];

/**
 * Builds the workshop. `extraNotes` adds that many more notes spread over the boards (for the
 * 500-note benchmark). Times start at 09:00 Helsinki time (07:00 UTC) on 2025-11-20, the workshop's date.
 */
export function workshopFixture(
	options: { extraNotes?: number; language?: Locale; anonymous?: boolean } = {}
): WorkshopFixture {
	const language = options.language ?? 'fi';
	const anonymous = options.anonymous ?? false;
	const start = Date.UTC(2025, 10, 20, 7, 0);
	const session: SessionSummary = {
		id: 'session-1',
		role: 'facilitator',
		title: 'Lähimuseo ja yhdistykset',
		organisation: 'Kaupunginmuseo',
		date: '2025-11-20',
		startTime: '09:00',
		place: 'Museon auditorio',
		goal: 'Löytää kolme yhteistä kokeilua museon ja lähialueen yhdistysten kanssa vuodelle 2026.',
		groups: ['community', 'visitors'],
		language,
		availableMinutes: 120,
		anonymous,
		room: { name: 'room-name-abcdefghijk', secret: 'room-secret-abcdefghijklmnopqrstu' },
		participantId: 'facilitator-1',
		closingNotes:
			'Sovittiin kolmesta kokeilusta:\n- Yhdistysten ilta museossa keväällä\n- Yhteinen näyttelynurkkaus\n\nSeuraava tapaaminen 15.1.2026.',
		createdAt: start - 86_400_000,
		updatedAt: start + 3 * 3_600_000
	};
	const item = (
		id: string,
		position: number,
		kind: AgendaItem['kind'],
		title: string,
		minutes: number,
		board?: BoardSpec,
		methodId?: string
	): AgendaItem => {
		const entry: AgendaItem = {
			id,
			sessionId: session.id,
			position,
			kind,
			title,
			minutes,
			prompt: kind === 'break' ? '' : `Mitä ajattelet aiheesta ”${title}”?`
		};
		if (board) entry.board = board;
		if (methodId) entry.methodId = methodId;
		return entry;
	};
	const agenda: AgendaItem[] = [
		item('a-hopes', 1, 'method', 'Toiveet ja huolet', 15, BOARDS.columns, 'hopes-and-concerns'),
		item('a-break', 2, 'break', 'Tauko', 10, freeBoard(10)),
		item('a-matrix', 3, 'method', 'Vaikutus ja vaiva', 20, BOARDS.matrix, 'impact-effort'),
		item('a-rings', 4, 'method', 'Yleisön kehät', 15, BOARDS.rings, 'audience-community-onion'),
		item('a-journey', 5, 'method', 'Kävijän polku', 25, BOARDS.journey, 'visitor-journey-map'),
		item('a-free', 6, 'blank', 'Vapaa keskustelu', 20, freeBoard(20))
	];
	const methodNames = {
		'hopes-and-concerns': 'Toiveet ja huolet',
		'impact-effort': 'Vaikutus–vaiva-nelikenttä',
		'audience-community-onion': 'Yleisösipuli',
		'visitor-journey-map': 'Kävijän polku'
	};

	const doc = new Y.Doc();
	const facilitator = actor('facilitator-1', 'facilitator');
	writeSessionMeta(doc, { title: session.title, language, anonymous });
	const published = publishActivities(
		doc,
		facilitator,
		agenda.map((a) => ({
			id: a.id,
			kind: a.kind,
			title: a.title,
			prompt: a.prompt,
			methodId: a.methodId,
			minutes: a.minutes,
			board: a.board!
		}))
	);
	if (!published.ok) throw new Error(`fixture: ${published.reason}`);

	const people = Array.from({ length: 6 }, (_, i) =>
		actor(`p${i}`, 'participant', anonymous ? undefined : `Osallistuja ${i + 1}`)
	);
	people.forEach((p, i) => checkIn(doc, p, i < 3 ? 'community' : i < 5 ? 'visitors' : null, anonymous, start));
	checkIn(doc, facilitator, null, anonymous, start);

	const texts = new Map<string, string[]>();
	const ids = new Map<string, string[]>();
	const write = (activityId: string, text: string, zone: string | null, writer = 0) => {
		const result = addNote(
			doc,
			people[writer % people.length],
			{ activityId, text, color: COLORS[(texts.get(activityId)?.length ?? 0) % COLORS.length], zone },
			anonymous
		);
		if (!result.ok) throw new Error(`fixture note: ${result.reason}`);
		texts.set(activityId, [...(texts.get(activityId) ?? []), text]);
		ids.set(activityId, [...(ids.get(activityId) ?? []), result.value]);
		return result.value;
	};

	let clock = start;
	const run = (activityId: string, minutes: number) => {
		setCurrentActivity(doc, facilitator, activityId, clock);
		clock += minutes * 60_000;
	};

	run('a-hopes', 16);
	write('a-hopes', SPECIAL_NOTES.finnish, 'hopes', 0);
	write('a-hopes', SPECIAL_NOTES.cyrillic, 'hopes', 1);
	write('a-hopes', SPECIAL_NOTES.greek, 'hopes', 2);
	write('a-hopes', SPECIAL_NOTES.long, 'concerns', 3);
	write('a-hopes', SPECIAL_NOTES.emoji, 'hopes', 4);
	write('a-hopes', SPECIAL_NOTES.hebrew, 'concerns', 5);
	write('a-hopes', SPECIAL_NOTES.arabic, 'concerns', 0);
	write('a-hopes', SPECIAL_NOTES.mixed, 'hopes', 1);
	write('a-hopes', SPECIAL_NOTES.formula, 'concerns', 2);
	write('a-hopes', SPECIAL_NOTES.quoted, 'concerns', 3);
	const hopes = ids.get('a-hopes')!;
	groupNotes(doc, facilitator, [hopes[0], hopes[1], hopes[2]], 'Nimet ja kielet');
	setPhase(doc, facilitator, 'a-hopes', 'vote');
	for (const [i, person] of people.entries()) {
		castVote(doc, person, hopes[0]);
		castVote(doc, person, hopes[i % hopes.length]);
	}
	setPhase(doc, facilitator, 'a-hopes', 'results');

	run('a-break', 12);
	run('a-matrix', 22);
	const quadrantNotes: [string, string][] = [
		['Yhdistysten ilta museossa', 'top-left'],
		['Yhteinen näyttelynurkkaus', 'top-left'],
		['Uusi verkkosivusto yhdistyksille', 'top-right'],
		['Kahvilan aukioloajat', 'bottom-left'],
		['Oma rakennus yhdistyksille', 'bottom-right']
	];
	for (const [i, [text, zone]] of quadrantNotes.entries()) write('a-matrix', text, zone, i);
	setPhase(doc, facilitator, 'a-matrix', 'vote');
	const matrix = ids.get('a-matrix')!;
	for (const [i, person] of people.entries()) castVote(doc, person, matrix[i % 2]);

	run('a-rings', 14);
	const ringNotes: [string, string][] = [
		['Eläkeläisyhdistykset', 'current/age'],
		['Lähiön nuoret', 'potential/area'],
		['Ukrainankieliset perheet', 'potential/language'],
		['Koululaisryhmät', 'occasional/age']
	];
	for (const [i, [text, zone]] of ringNotes.entries()) write('a-rings', text, zone, i);

	run('a-journey', 24);
	const journeyNotes: [string, string][] = [
		['Näkee julisteen kirjastossa', 'hears/actions'],
		['Ei löydä sisäänkäyntiä', 'arrives/feelings'],
		['Opastus myös selkokielellä', 'arrives/ideas'],
		['Kertoo ystävälle', 'afterwards/actions']
	];
	for (const [i, [text, zone]] of journeyNotes.entries()) write('a-journey', text, zone, i);

	run('a-free', 18);
	write('a-free', 'Kiitos illasta!', null, 0);

	// Filler notes for the benchmark, spread over the boards' zones.
	const zonesOf: Record<string, (string | null)[]> = {
		'a-hopes': ['hopes', 'concerns'],
		'a-matrix': ['top-left', 'top-right', 'bottom-left', 'bottom-right'],
		'a-rings': ['current/age', 'occasional/area', 'potential/language'],
		'a-journey': ['hears/actions', 'visits/feelings', 'afterwards/ideas'],
		'a-free': [null]
	};
	const boards = Object.keys(zonesOf);
	for (let i = 0; i < (options.extraNotes ?? 0); i++) {
		const activityId = boards[i % boards.length];
		const zones = zonesOf[activityId];
		const words = 6 + (i % 25);
		const text = `Ajatus ${i + 1}: ${Array.from({ length: words }, (_, k) => ['museo', 'yhdistys', 'kävijä', 'näyttely', 'ilta', 'lähiö', 'yhteistyö'][(i + k) % 7]).join(' ')}`;
		write(activityId, text, zones[Math.floor(i / boards.length) % zones.length], i);
	}
	// Ending the session ends the last activity: the summary shows its real end time.
	endSession(doc, facilitator, false, clock);

	return { session, agenda, doc, methodNames, texts };
}
