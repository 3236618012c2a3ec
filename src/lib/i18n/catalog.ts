/**
 * All message catalogues, merged per language. Each area keeps its messages in its own file under
 * `messages/`, with the three languages side by side.
 */
import type { Message } from './define';
import { LOCALES, type Locale } from './locales';
import a11y from './messages/a11y';
import app from './messages/app';
import board from './messages/board';
import editor from './messages/editor';
import exportMessages from './messages/export';
import home from './messages/home';
import methodProblems from './messages/method-problems';
import methods from './messages/methods';
import modes from './messages/modes';
import network from './messages/network';
import photo from './messages/photo';
import plan from './messages/plan';
import report from './messages/report';
import room from './messages/room';
import run from './messages/run';
import statement from './messages/statement';
import templates from './messages/templates';

const areas = [
	a11y,
	app,
	board,
	exportMessages,
	home,
	methods,
	methodProblems,
	modes,
	network,
	photo,
	plan,
	report,
	room,
	run,
	statement,
	editor,
	templates
] as const;

type AreaKeys<A> = A extends Record<Locale, Record<infer K, Message>> ? K : never;
export type MessageKey = AreaKeys<(typeof areas)[number]>;

function merge(): Record<Locale, Record<MessageKey, Message>> {
	const out = {} as Record<Locale, Record<string, Message>>;
	for (const locale of LOCALES) {
		out[locale] = {};
		for (const area of areas) {
			for (const [key, message] of Object.entries(area[locale])) {
				if (key in out[locale]) throw new Error(`message key "${key}" is defined twice`);
				out[locale][key] = message;
			}
		}
	}
	return out as Record<Locale, Record<MessageKey, Message>>;
}

export const catalog = merge();
