/** `npm run methods:check`: validates every method file and prints a summary by phase. */
import { readMethodLibrary } from '../src/lib/methods/read-files.node.ts';
import { PHASES } from '../src/lib/methods/types.ts';

try {
	const methods = readMethodLibrary('workshops');
	console.log(`${methods.length} method files are valid.`);
	for (const phase of PHASES) {
		const names = methods.filter((m) => m.phase === phase).map((m) => m.id);
		console.log(`  ${phase}: ${names.length} — ${names.join(', ')}`);
	}
} catch (error) {
	console.error(error instanceof Error ? error.message : String(error));
	process.exit(1);
}
