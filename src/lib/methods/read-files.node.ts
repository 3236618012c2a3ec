/**
 * Reads the method and template files of `workshops/` on Node: at build time (the Vite plugin turns them into
 * one validated module) and in tests. A bad file stops the build with its file name, field and reason.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { MethodError, methodProblem } from './method-problem.ts';
import { parseMethod } from './parse.ts';
import { parseTemplate, templateMethodProblems, type WorkshopTemplate } from './templates.ts';
import type { Method } from './types.ts';

export const METHOD_FILE_EXTENSION = '.yaml';

export function methodFileNames(dir: string): string[] {
	return readdirSync(dir)
		.filter((name) => name.endsWith(METHOD_FILE_EXTENSION))
		.sort();
}

/** A library file's YAML; a syntax error is a `MethodError` naming the file, as every other problem. */
function readYaml(path: string, name: string): unknown {
	try {
		return parseYaml(readFileSync(path, 'utf8'), { uniqueKeys: true, prettyErrors: true });
	} catch (error) {
		const detail = error instanceof YAMLParseError ? error.message.split('\n')[0] : String(error);
		throw new MethodError(name, [methodProblem('', 'yaml', { detail })]);
	}
}

export function readMethodFile(path: string): Method {
	const name = basename(path);
	const raw = readYaml(path, name);
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

/** The library's workshop templates, in `workshops/templates/`. */
export const TEMPLATE_DIR = 'templates';

/**
 * Reads every template file and checks it against the library: each method it names exists and
 * each item's minutes fit that method's range. Collects all files' errors into one, as above.
 */
export function readTemplateLibrary(dir: string, methods: readonly Method[]): WorkshopTemplate[] {
	const root = join(dir, TEMPLATE_DIR);
	if (!existsSync(root)) return [];
	const byId = new Map(methods.map((m) => [m.id, m]));
	const templates: WorkshopTemplate[] = [];
	const errors: string[] = [];
	for (const name of methodFileNames(root)) {
		try {
			templates.push(readTemplateFile(join(root, name), (id) => byId.get(id)));
		} catch (error) {
			errors.push(error instanceof Error ? error.message : String(error));
		}
	}
	if (errors.length > 0) throw new Error(`Invalid template files:\n${errors.join('\n')}`);
	return templates;
}

export function readTemplateFile(path: string, methodById: (id: string) => Method | undefined): WorkshopTemplate {
	const name = `${TEMPLATE_DIR}/${basename(path)}`;
	const raw = readYaml(path, name);
	const template = parseTemplate(raw, name);
	if (`${template.id}${METHOD_FILE_EXTENSION}` !== basename(path)) {
		const expected = basename(path).slice(0, -METHOD_FILE_EXTENSION.length);
		throw new MethodError(name, [methodProblem('id', 'id-mismatch', { expected })]);
	}
	const problems = templateMethodProblems(template, methodById, { checkMinutes: true });
	if (problems.length > 0) throw new MethodError(name, problems);
	return template;
}
