/** A note's text shortened for the names of its controls ("Edit: More benches by the…"): enough
 * to tell notes apart when a screen reader lists the buttons, short enough to listen to. */
export function noteLabel(text: string, max = 60): string {
	const line = text.replace(/\s+/g, ' ').trim();
	return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
