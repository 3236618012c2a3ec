/**
 * Turns the method files of `workshops/` into one validated module, `virtual:kohtaamo-methods`,
 * and the workshop templates of `workshops/templates/` into `virtual:kohtaamo-templates`, at build
 * time. A broken file stops the build (and the dev server shows the error) with its file name,
 * field and reason; the app never has to parse YAML or doubt the built-in library. Templates are
 * checked against the methods they name, so a renamed method cannot leave a template pointing at
 * nothing.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { methodFileNames, readMethodLibrary, readTemplateLibrary, TEMPLATE_DIR } from './read-files.node.ts';

const METHODS_ID = 'virtual:kohtaamo-methods';
const TEMPLATES_ID = 'virtual:kohtaamo-templates';
const RESOLVED = new Map([
	[METHODS_ID, '\0' + METHODS_ID],
	[TEMPLATES_ID, '\0' + TEMPLATES_ID]
]);

export function methodLibrary(dir = 'workshops'): Plugin {
	const root = resolve(dir);
	const templateRoot = resolve(root, TEMPLATE_DIR);
	return {
		name: 'kohtaamo-method-library',
		resolveId: (id) => RESOLVED.get(id),
		load(id) {
			if (id !== RESOLVED.get(METHODS_ID) && id !== RESOLVED.get(TEMPLATES_ID)) return;
			for (const name of methodFileNames(root)) this.addWatchFile(resolve(root, name));
			const methods = readMethodLibrary(root);
			if (id === RESOLVED.get(METHODS_ID)) return `export const methods = ${JSON.stringify(methods)};`;
			if (existsSync(templateRoot))
				for (const name of methodFileNames(templateRoot)) this.addWatchFile(resolve(templateRoot, name));
			const templates = readTemplateLibrary(root, methods);
			return `export const templates = ${JSON.stringify(templates)};`;
		},
		configureServer(server) {
			server.watcher.add(root);
			const reload = (file: string) => {
				if (!file.startsWith(root)) return;
				for (const resolved of RESOLVED.values()) {
					const module = server.moduleGraph.getModuleById(resolved);
					if (module) server.moduleGraph.invalidateModule(module);
				}
				server.ws.send({ type: 'full-reload' });
			};
			server.watcher.on('add', reload);
			server.watcher.on('unlink', reload);
		}
	};
}
