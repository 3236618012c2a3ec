/**
 * A small anonymous workshop for the report tests: three participation questions (age group,
 * first visit, and the museum's own), ten participants with known answers, activity counted by
 * age group, and notes in Chinese, Japanese, Korean, with emoji and invisible controls.
 *
 * Expected counts (age group, 10 participants): 18–29: 4, 65 or over: 3, 30–44: 2 (merged into
 * "other"), no answer: 1. First visit: yes 6, no 3, no answer 1. Own question "How did you hear
 * about the workshop?": library 5, friend 3, newspaper 1 (merged into "other"), no answer 1.
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
import { recordAnswers } from '../../board/participation';
import { actor } from '../../board/test-board';
import { builtinQuestion, customQuestion, type Answers, type ParticipationPlan } from '../../session/participation';
import type { AgendaItem, SessionSummary } from '../../session/types';
import { BOARDS } from './workshop-fixture';

/** The export time the report tests and the reference image use. */
export const REPORT_EXPORTED_AT = Date.UTC(2025, 10, 21, 10, 0);

export const SCRIPT_NOTES = {
	chinese: '博物馆的开放时间',
	japanese: '美術館でワークショップ',
	korean: '박물관 워크숍',
	emoji: 'Hieno ilta 🎉👍',
	controls: 'Kahvila\u202e ja\u202c kauppa\u200b auki',
	hebrew: 'שלום (עולם) 2025'
} as const;

export const PUBLIC_SUMMARY =
	'Kymmenen lähialueen asukasta suunnitteli museon kanssa kevään iltoja. Eniten ääniä sai pidempi aukiolo.';
export const PUBLIC_SUMMARY_EN =
	'Ten local residents planned spring evenings with the museum. Longer opening hours got the most votes.';

export const PARTICIPATION: ParticipationPlan = {
	questions: [
		builtinQuestion('age'),
		builtinQuestion('firstVisit'),
		customQuestion(0, 'Mistä kuulit työpajasta?', ['Kirjastosta', 'Ystävältä', 'Lehdestä'])
	],
	countBy: 'age'
};

const ANSWERS: Answers[] = [
	{ age: '18to29', firstVisit: 'yes', c1: 'o1' },
	{ age: '18to29', firstVisit: 'yes', c1: 'o1' },
	{ age: '18to29', firstVisit: 'yes', c1: 'o1' },
	{ age: '18to29', firstVisit: 'no', c1: 'o2' },
	{ age: '65plus', firstVisit: 'no', c1: 'o2' },
	{ age: '65plus', firstVisit: 'no', c1: 'o2' },
	{ age: '65plus', firstVisit: 'yes', c1: 'o1' },
	{ age: '30to44', firstVisit: 'yes', c1: 'o1' },
	{ age: '30to44', firstVisit: 'yes', c1: 'o3' },
	{}
];

export function reportFixture(title = 'Kevään illat', day = '2025-11-20') {
	const start = Date.parse(`${day}T07:00:00Z`);
	const session: SessionSummary = {
		id: `session-${day}`,
		role: 'facilitator',
		title,
		organisation: 'Kaupunginmuseo',
		date: day,
		startTime: '09:00',
		place: 'Museon aula',
		goal: 'Suunnitella kevään iltoja yhdessä.',
		groups: [],
		language: 'fi',
		availableMinutes: 60,
		anonymous: true,
		room: { name: 'room-name-abcdefghijk', secret: 'room-secret-abcdefghijklmnopqrstu' },
		participantId: 'facilitator-1',
		participation: PARTICIPATION,
		closingNotes: '- Pidempi aukiolo kokeiluun (vastuu: Aino)\n- Seuraava tapaaminen maaliskuussa',
		report: {
			facilitators: 'Aino Virtanen, Mika Korhonen',
			accessibility: 'Viittomakielen tulkkaus. Esteetön aula. Kielet: suomi, ruotsi, englanti.',
			publicSummary: PUBLIC_SUMMARY,
			publicSummaryEn: PUBLIC_SUMMARY_EN
		},
		createdAt: start - 86_400_000,
		updatedAt: start
	};
	const item = (id: string, position: number, title: string, minutes: number, board = BOARDS.columns): AgendaItem => ({
		id,
		sessionId: session.id,
		position,
		kind: 'method',
		title,
		minutes,
		prompt: 'Mitä toivot?',
		board,
		methodId: 'hopes-and-concerns'
	});
	const agenda = [item('r-ideas', 1, 'Ideat', 30), item('r-choose', 2, 'Valinta', 30)];
	const doc = new Y.Doc();
	const facilitator = actor('facilitator-1', 'facilitator');
	writeSessionMeta(doc, { title, language: 'fi', anonymous: true });
	const published = publishActivities(
		doc,
		facilitator,
		agenda.map((a) => ({
			id: a.id,
			kind: a.kind,
			title: a.title,
			prompt: a.prompt,
			minutes: a.minutes,
			board: a.board!
		}))
	);
	if (!published.ok) throw new Error(published.reason);
	const people = ANSWERS.map((answers, i) => {
		const person = actor(`p${i}`, 'participant');
		if (answers.age) person.category = answers.age;
		checkIn(doc, person, null, true, start);
		recordAnswers(doc, `answers-${i}`, answers);
		return person;
	});
	setCurrentActivity(doc, facilitator, 'r-ideas', start);
	const texts = [
		'Pidempi aukiolo torstaisin',
		SCRIPT_NOTES.chinese,
		SCRIPT_NOTES.japanese,
		SCRIPT_NOTES.korean,
		SCRIPT_NOTES.emoji,
		SCRIPT_NOTES.controls,
		SCRIPT_NOTES.hebrew,
		'Lastenhoito illan ajaksi',
		'Kahvila auki myöhään'
	];
	const ids = texts.map((text, i) => {
		const result = addNote(
			doc,
			people[i % people.length],
			{ activityId: 'r-ideas', text, color: 'yellow', zone: 'hopes' },
			true
		);
		if (!result.ok) throw new Error(result.reason);
		return result.value;
	});
	groupNotes(doc, facilitator, [ids[7], ids[8]], 'Perheet');
	setPhase(doc, facilitator, 'r-ideas', 'vote');
	// Votes: 10 people × 1 dot on the first note, 4 more on the children's note.
	for (const person of people) castVote(doc, person, ids[0]);
	for (const person of people.slice(0, 4)) castVote(doc, person, ids[7]);
	setCurrentActivity(doc, facilitator, 'r-choose', start + 32 * 60_000);
	endSession(doc, facilitator, false, start + 58 * 60_000);
	return { session, agenda, doc, methodNames: { 'hopes-and-concerns': 'Toiveet ja huolet' }, texts };
}
