/**
 * A method written for tests: private writing on a two-column board with three dots, so that an
 * activity built from it without its board would be easy to tell apart (a free board, public
 * writing, no vote).
 */
import type { Localized } from '../../i18n/locales';
import type { Method } from '../types';

const same = (text: string): Localized => ({ fi: `${text} (fi)`, sv: `${text} (sv)`, en: text });
const list = (text: string): Localized<string[]> => ({ fi: [`${text} (fi)`], sv: [`${text} (sv)`], en: [text] });

export function testMethod(id = 'test-hopes'): Method {
	return {
		id,
		phase: 'discover',
		audiences: ['staff'],
		tags: list('hopes'),
		duration: { default: 25, min: 15, max: 40 },
		groupSize: { min: 3 },
		name: same('Hopes and worries'),
		purpose: same('Purpose'),
		whenToUse: same('When'),
		materials: list('Notes'),
		preparation: list('Prepare'),
		steps: [{ minutes: 25, title: same('Write'), script: same('Write alone first') }],
		prompts: { fi: ['Mitä toivot?', 'Mikä huolettaa?'], sv: ['Vad hoppas du?'], en: ['What do you hope?'] },
		tips: list('Tip'),
		accessibility: list('Read aloud'),
		tradition: same('Tradition'),
		board: {
			layout: {
				template: 'columns',
				lanes: [
					{ id: 'hopes', name: same('Hopes') },
					{ id: 'worries', name: same('Worries') }
				]
			},
			privateWriting: true,
			dotsPerPerson: 3,
			timerMinutes: 12
		}
	};
}
