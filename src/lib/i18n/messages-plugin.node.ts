/**
 * One module per language, `virtual:kohtaamo-messages/fi` (sv, en), built from the message files
 * at build time. The files keep the three languages side by side for translators; a phone needs
 * only the one it shows, and loading all three cost every participant about 20 kB compressed on
 * the join page (see `npm run bench -- bytes`). The pure `translate` (PDF export, tests) still
 * reads every language from catalog.ts.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { runnerImport, type Plugin } from 'vite';
import type * as Catalog from './catalog.ts';
import { isLocale } from './locales.ts';

const PREFIX = 'virtual:kohtaamo-messages/';
const DIR = resolve(import.meta.dirname, 'messages');

export function messageCatalogues(): Plugin {
	return {
		name: 'kohtaamo-message-catalogues',
		resolveId: (id) => (id.startsWith(PREFIX) ? '\0' + id : undefined),
		async load(id) {
			if (!id.startsWith('\0' + PREFIX)) return;
			const locale = id.slice(PREFIX.length + 1);
			if (!isLocale(locale)) this.error(`no message catalogue for "${locale}"`);
			for (const file of readdirSync(DIR)) this.addWatchFile(resolve(DIR, file));
			// Loaded through Vite's own pipeline, fresh each time, so an edited message shows in dev.
			const { module } = await runnerImport<typeof Catalog>(resolve(import.meta.dirname, 'catalog.ts'), {
				configFile: false,
				logLevel: 'error'
			});
			return `export default ${JSON.stringify(module.catalog[locale])};`;
		}
	};
}
