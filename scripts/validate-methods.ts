/** `npm run methods:check`: validates every method and template file and prints a summary. */
import { readMethodLibrary, readTemplateLibrary } from '../src/lib/methods/read-files.node.ts';
import { templateMinutes } from '../src/lib/methods/templates.ts';
import { PHASES } from '../src/lib/methods/types.ts';

try {
	const methods = readMethodLibrary('workshops');
	console.log(`${methods.length} method files are valid.`);
	for (const phase of PHASES) {
		const names = methods.filter((m) => m.phase === phase).map((m) => m.id);
		console.log(`  ${phase}: ${names.length} — ${names.join(', ')}`);
	}
	const templates = readTemplateLibrary('workshops', methods);
	console.log(`${templates.length} workshop templates are valid.`);
	for (const template of templates)
		console.log(`  ${template.id}: ${template.items.length} items, ${templateMinutes(template)} min`);
} catch (error) {
	console.error(error instanceof Error ? error.message : String(error));
	process.exit(1);
}
