/** File names for exports: readable, safe on every file system, and dated so copies sort. */

/** A title as a file-name part: lower case, accents folded (ä → a), anything else a hyphen. */
export function slug(title: string, fallback = 'kohtaamo'): string {
	const folded = title
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return folded || fallback;
}

/** `kohtaamo-<title>-<yyyy-mm-dd>.<extension>`, dated by the export's local day. */
export function exportFileName(title: string, kind: string, extension: string, at: number): string {
	const day = new Date(at);
	const date = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
	return `kohtaamo-${slug(title, 'session')}-${kind}-${date}.${extension}`;
}
