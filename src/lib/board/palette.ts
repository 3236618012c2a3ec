/**
 * Sticky-note colours. Each background keeps dark text at WCAG AA contrast (≥ 4.5:1, checked in
 * palette.test.ts) and the colours differ in lightness as well as hue, so notes stay apart for
 * people with colour vision deficiencies too; each colour also has a name for screen readers.
 */
import type { NoteColor } from './types';

export const NOTE_TEXT = '#1b1f23';

export const NOTE_BACKGROUNDS: Record<NoteColor, string> = {
	yellow: '#ffe47a',
	pink: '#ffc2d1',
	green: '#bdeac4',
	blue: '#c3e1fb',
	orange: '#ffc999',
	purple: '#ddd0f6',
	grey: '#e3e6e9'
};

/** Border colours: darker shades that keep a 3:1 contrast against the white board. */
export const NOTE_BORDERS: Record<NoteColor, string> = {
	yellow: '#8a6d00',
	pink: '#a23a5a',
	green: '#2f7a3b',
	blue: '#2a6496',
	orange: '#a34f00',
	purple: '#6247a8',
	grey: '#5c6670'
};

function channel(value: number): number {
	const c = value / 255;
	return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function luminance(hex: string): number {
	const n = parseInt(hex.slice(1), 16);
	return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

export function contrast(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}
