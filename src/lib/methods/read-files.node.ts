/**
 * Reads the method files of `workshops/` on Node: at build time (the Vite plugin turns them into
 * one validated module) and in tests. A bad file stops the build with its file name, field and reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { MethodError, methodProblem } from './method-problem.ts';
import { parseMethod } from './parse.ts';
import type { Method } from './types.ts';

export const METHOD_FILE_EXTENSION = '.yaml';

export function methodFileNames(dir: string): string[] {
	return readdirSync(dir)
		.filter((name) => name.endsWith(METHOD_FILE_EXTENSION))
		.sort();
}

export function readMethodFile(path: string): Method {
	const name = basename(path);
	let raw: unknown;
	try {
		raw = parseYaml(readFileSync(path, 'utf8'), { uniqueKeys: true, prettyErrors: true });
	} catch (error) {
		const detail = error instanceof YAMLParseError ? error.message.split('\n')[0] : String(error);
		throw new MethodError(name, [methodProblem('', 'yaml', { detail })]);
	}
	const method = parseMethod(raw, name);
	if (`${method.id}${METHOD_FILE_EXTENSION}` !== name) {
		const expected = name.slice(0, -METHOD_FILE_EXTENSION.length);
		throw new MethodError(name, [methodProblem('id', 'id-mismatch', { expected })]);
	}
	return method;
}

/** Reads every method file; collects all files' errors into one so that one run shows them all. */
export function readMethodLibrary(dir: string): Method[] {
	const methods: Method[] = [];
	const errors: string[] = [];
	for (const name of methodFileNames(dir)) {
		try {
			methods.push(readMethodFile(join(dir, name)));
		} catch (error) {
			errors.push(error instanceof Error ? error.message : String(error));
		}
	}
	if (errors.length > 0) throw new Error(`Invalid method files:\n${errors.join('\n')}`);
	return methods;
}
