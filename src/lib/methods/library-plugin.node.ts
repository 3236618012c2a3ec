/**
 * Turns the method files of `workshops/` into one validated module, `virtual:kohtaamo-methods`,
 * at build time. A broken file stops the build (and the dev server shows the error) with its file
 * name, field and reason; the app never has to parse YAML or doubt the built-in library.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { methodFileNames, readMethodLibrary } from './read-files.node.ts';

const VIRTUAL_ID = 'virtual:kohtaamo-methods';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

export function methodLibrary(dir = 'workshops'): Plugin {
	const root = resolve(dir);
	return {
		name: 'kohtaamo-method-library',
		resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
		load(id) {
			if (id !== RESOLVED_ID) return;
			for (const name of methodFileNames(root)) this.addWatchFile(resolve(root, name));
			const methods = readMethodLibrary(root);
			return `export const methods = ${JSON.stringify(methods)};`;
		},
		configureServer(server) {
			server.watcher.add(root);
			const reload = (file: string) => {
				if (!file.startsWith(root)) return;
				const module = server.moduleGraph.getModuleById(RESOLVED_ID);
				if (module) server.moduleGraph.invalidateModule(module);
				server.ws.send({ type: 'full-reload' });
			};
			server.watcher.on('add', reload);
			server.watcher.on('unlink', reload);
		}
	};
}
