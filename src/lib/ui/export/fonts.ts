/** Fetches the PDF fonts from the app's own static files (precached, so this works offline). */
import { asset } from '$app/paths';
import { loadFonts, type FontBytes } from '$lib/export/pdf-fonts';

export function appFonts(): Promise<FontBytes> {
	return loadFonts(async (file) => {
		const response = await fetch(asset(`/fonts/${file}`));
		if (!response.ok) throw new Error(`font ${file}: ${response.status}`);
		return response.arrayBuffer();
	});
}
