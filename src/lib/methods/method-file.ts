/**
 * A method as a file a facilitator can save, send and import: the same YAML as the library's own
 * files in `workshops/`, so a good custom method can also become a built-in by pull request.
 * Imported files are untrusted: size, text encoding, syntax and every field are checked, and a
 * problem is reported in words a facilitator can act on.
 */
import { parse as parseYaml, stringify as stringifyYaml, YAMLParseError } from 'yaml';
import { methodToFileValue } from './file-shape';
import { MethodError, parseMethod } from './parse';
import type { Method } from './types';

export const MAX_METHOD_FILE_BYTES = 512 * 1024;

export type ImportProblem =
	| { kind: 'too-large' }
	| { kind: 'not-text' }
	| { kind: 'syntax'; detail: string }
	| { kind: 'invalid'; problems: MethodError['problems'] };

export class MethodImportError extends Error {
	constructor(readonly problem: ImportProblem) {
		super(
			problem.kind === 'invalid' ? problem.problems.map((p) => `${p.field}: ${p.reason}`).join('; ') : problem.kind
		);
		this.name = 'MethodImportError';
	}
}

/** Writes the file body in the field order of `workshops/README.md`. */
export function methodToFile(method: Method): string {
	const file = methodToFileValue(method);
	return `# Kohtaamo method file (see workshops/README.md in the Kohtaamo repository)\n${stringifyYaml(file, { lineWidth: 100 })}`;
}

/** File contents (YAML or JSON) → a method, or a `MethodImportError` saying what is wrong. */
export function methodFromFile(bytes: Uint8Array, fileName: string): Method {
	if (bytes.byteLength > MAX_METHOD_FILE_BYTES) throw new MethodImportError({ kind: 'too-large' });
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new MethodImportError({ kind: 'not-text' });
	}
	if (text.includes('\u0000')) throw new MethodImportError({ kind: 'not-text' });
	let raw: unknown;
	try {
		raw = parseYaml(text.replace(/^\uFEFF/, ''), { uniqueKeys: true, maxAliasCount: 50 });
	} catch (error) {
		const detail = error instanceof YAMLParseError ? error.message.split('\n')[0] : String(error);
		throw new MethodImportError({ kind: 'syntax', detail });
	}
	try {
		return parseMethod(raw, fileName);
	} catch (error) {
		if (error instanceof MethodError) throw new MethodImportError({ kind: 'invalid', problems: error.problems });
		throw error;
	}
}
