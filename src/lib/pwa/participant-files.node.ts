/**
 * Writes, at build time, the list of files a participant's phone needs offline:
 * `_app/participant-files.json` (see participant-routes.ts), read by the service worker when it
 * installs.
 *
 * Why from the bundle and not from file names: chunk names are content hashes, so only the
 * bundler knows which chunks the join and participant routes import. The list is the closure of
 * the client entries plus the route nodes of the root layout, the error page and the participant
 * routes — following static and dynamic imports (a lazily loaded chunk must work offline too), but
 * never into another route's node — with the CSS and assets those chunks use, and every static
 * file except the PDF fonts, which only the facilitator's export reads.
 */
import { readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { PARTICIPANT_FILES, PARTICIPANT_ROUTES, type ParticipantFiles } from './participant-routes.ts';

/** Static files only the facilitator needs (the PDF export's fonts). */
const FACILITATOR_STATIC = ['fonts/'];

const NODE_MODULE = /[\\/]generated[\\/]client(-optimized)?[\\/]nodes[\\/]\d+\.js$/;

interface Options {
	/** The version SvelteKit gives the build (`kit.version.name`); the service worker checks it. */
	version: string;
	/** SvelteKit's static folder. */
	staticDir?: string;
	routesDir?: string;
}

function listFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
		.map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

export function participantFiles({ version, staticDir = 'static', routesDir = 'src/routes' }: Options): Plugin {
	const routes = resolve(routesDir);
	// The source files of the routes a participant opens: root layout, error page, and the pages.
	const participantSources = (id: string) => {
		const path = relative(routes, id).split(sep).join('/');
		return (
			/^\+(layout|error)\.(svelte|ts|js)$/.test(path) ||
			PARTICIPANT_ROUTES.some((route) =>
				new RegExp(`^${route.slice(1).replace(/[[\]]/g, '\\$&')}/\\+page\\.(svelte|ts|js)$`).test(path)
			)
		);
	};
	return {
		name: 'kohtaamo-participant-files',
		apply: 'build',
		applyToEnvironment: (environment) => environment.name === 'client',
		generateBundle(_, bundle) {
			const chunks = new Map(
				Object.values(bundle).flatMap((item) => (item.type === 'chunk' ? [[item.fileName, item]] : []))
			);
			const isNode = (fileName: string) => NODE_MODULE.test(chunks.get(fileName)?.facadeModuleId ?? '');
			const roots = [...chunks.values()].filter((chunk) => {
				if (!chunk.isEntry && !chunk.isDynamicEntry) return false;
				if (!NODE_MODULE.test(chunk.facadeModuleId ?? '')) return chunk.isEntry;
				return (this.getModuleInfo(chunk.facadeModuleId!)?.importedIds ?? []).some(participantSources);
			});
			if (!roots.some((chunk) => NODE_MODULE.test(chunk.facadeModuleId ?? '')))
				this.error('no route node of the participant routes found in the client bundle');

			const files = new Set<string>();
			const queue = roots.map((chunk) => chunk.fileName);
			while (queue.length > 0) {
				const fileName = queue.pop()!;
				if (files.has(fileName)) continue;
				files.add(fileName);
				const chunk = chunks.get(fileName);
				if (!chunk) continue;
				for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
				for (const asset of chunk.viteMetadata?.importedAssets ?? []) files.add(asset);
				queue.push(...chunk.imports, ...chunk.dynamicImports.filter((name) => !isNode(name)));
			}
			for (const file of listFiles(resolve(staticDir))) {
				if (!FACILITATOR_STATIC.some((prefix) => file.startsWith(prefix))) files.add(file);
			}
			const list: ParticipantFiles = { version, files: [...files].sort() };
			this.emitFile({ type: 'asset', fileName: PARTICIPANT_FILES, source: JSON.stringify(list) });
		}
	};
}
