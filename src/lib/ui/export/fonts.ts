/**
 * Fetches the PDF fonts from the app's own static files. The four base fonts are precached; the
 * large `pdf-*` faces (CJK, Korean, emoji) are fetched only when a summary's text needs them, on
 * the facilitator's device, and are never part of a participant's download.
 */
import { asset } from '$app/paths';
import { loadFonts, type FontBytes } from '$lib/export/pdf-fonts';

export async function loadAppFont(file: string): Promise<ArrayBuffer> {
	const response = await fetch(asset(`/fonts/${file}`));
	if (!response.ok) throw new Error(`font ${file}: ${response.status}`);
	return response.arrayBuffer();
}

export function appFonts(): Promise<FontBytes> {
	return loadFonts(loadAppFont);
}
