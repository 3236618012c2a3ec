/** Dates, times, counts and shares in the report's language. */
import type { Locale } from '../i18n/locales';

/** Dates and times in the session's language. */
export class Formats {
	readonly #date: Intl.DateTimeFormat;
	readonly #stamp: Intl.DateTimeFormat;
	readonly #time: Intl.DateTimeFormat;
	readonly #clock: Intl.DateTimeFormat;
	readonly #percent: Intl.NumberFormat;

	constructor(locale: Locale, timeZone?: string) {
		this.#date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
		this.#stamp = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone });
		this.#time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone });
		this.#clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
		this.#percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
	}
	/** An ISO day (`2025-11-25`), as the plan stores it. */
	day(iso: string): string {
		const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
		return match ? this.#date.format(Date.UTC(+match[1], +match[2] - 1, +match[3], 12)) : iso;
	}
	stamp(ms: number): string {
		return this.#stamp.format(ms);
	}
	time(ms: number): string {
		return this.#time.format(ms);
	}
	/** A share (0…1) as a percentage: `33 %` in Finnish and Swedish, `33%` in English. */
	share(value: number): string {
		return this.#percent.format(value);
	}
	/** A planned clock time (`09:30`), in the language's style (`9.30` in Finnish). */
	clock(hhmm: string): string {
		const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
		return match ? this.#clock.format(Date.UTC(2000, 0, 1, +match[1], +match[2])) : hhmm;
	}
}
