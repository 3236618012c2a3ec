/**
 * A benchmark's page script, bundled by Vite into one ES module and served to Chromium from memory
 * through `page.route` (as bench/pdf.ts and bench/kdf.ts do), so that no build output is written.
 */
import type { Page } from 'playwright-core';
import { build, type PluginOption } from 'vite';

export async function bundlePageScript(
	entry: URL,
	options: { plugins?: PluginOption[]; format?: 'es' | 'iife' } = {}
): Promise<string> {
	const bundle = await build({
		configFile: false,
		logLevel: 'silent',
		plugins: options.plugins ?? [],
		build: {
			write: false,
			minify: true,
			target: 'es2022',
			lib: { entry: entry.pathname, formats: [options.format ?? 'es'], name: 'bench', fileName: 'bench' },
			rolldownOptions: { output: { codeSplitting: false } }
		}
	});
	const outputs = (Array.isArray(bundle) ? bundle : [bundle]).flatMap((b) => ('output' in b ? b.output : []));
	const script = outputs.find((o) => o.type === 'chunk');
	if (!script || script.type !== 'chunk') throw new Error(`no bundle for ${entry.pathname}`);
	return script.code;
}

/**
 * Runs `script` as a module on a page of the workshop server's own origin, for page scripts that
 * talk to the server: Chromium's Local Network Access checks refuse a WebSocket to localhost from
 * a page that `page.route` fulfilled (it has no address space). The page is a small static file
 * of the production build, shown as text; nothing of the app runs there.
 */
export async function openOnServerOrigin(page: Page, serverUrl: string, script: string): Promise<void> {
	await page.goto(`${serverUrl}/_app/version.json`);
	await page.addScriptTag({ content: script, type: 'module' });
}
