/**
 * A workshop template as a file a facilitator can save, send and import: the same YAML as the
 * library's own `workshops/templates/*.yaml`. Imported files are untrusted: size, text encoding,
 * syntax, every field and every method named are checked, and a problem is reported in words a
 * facilitator can act on. Kept apart from `templates.ts` so the YAML library loads only when a
 * file is actually read or written.
 */
import { parse as parseYaml, stringify as stringifyYaml, YAMLParseError } from 'yaml';
import { MethodError, type MethodProblem } from './method-problem.ts';
import { parseTemplate, templateMethodProblems, type WorkshopTemplate } from './templates.ts';
import type { Method } from './types.ts';

export const MAX_TEMPLATE_FILE_BYTES = 256 * 1024;

export type TemplateImportProblem =
	| { kind: 'too-large' }
	| { kind: 'not-text' }
	| { kind: 'syntax'; detail: string }
	| { kind: 'invalid'; problems: MethodProblem[] };

export class TemplateImportError extends Error {
	constructor(readonly problem: TemplateImportProblem) {
		super(
			problem.kind === 'invalid' ? problem.problems.map((p) => `${p.field}: ${p.reason}`).join('; ') : problem.kind
		);
		this.name = 'TemplateImportError';
	}
}

/** The file body, fields in the order of `workshops/templates/README.md`. */
export function templateToFile(template: WorkshopTemplate): string {
	const file = {
		id: template.id,
		name: template.name,
		purpose: template.purpose,
		audiences: template.audiences,
		items: template.items.map((i) => ({
			kind: i.kind,
			...(i.method === undefined ? {} : { method: i.method }),
			minutes: i.minutes,
			title: i.title,
			purpose: i.purpose
		}))
	};
	return `# Kohtaamo workshop template (see workshops/templates/README.md in the Kohtaamo repository)\n${stringifyYaml(file, { lineWidth: 100 })}`;
}

/**
 * File contents (YAML or JSON) → a template, or a `TemplateImportError` saying what is wrong.
 * `methodById` checks that every method it names is here: a template that would start a workshop
 * with a hole in it is refused whole.
 */
export function templateFromFile(
	bytes: Uint8Array,
	fileName: string,
	methodById: (id: string) => Method | undefined
): WorkshopTemplate {
	if (bytes.byteLength > MAX_TEMPLATE_FILE_BYTES) throw new TemplateImportError({ kind: 'too-large' });
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new TemplateImportError({ kind: 'not-text' });
	}
	if (text.includes('\u0000')) throw new TemplateImportError({ kind: 'not-text' });
	let raw: unknown;
	try {
		raw = parseYaml(text.replace(/^\uFEFF/, ''), { uniqueKeys: true, maxAliasCount: 50 });
	} catch (error) {
		const detail = error instanceof YAMLParseError ? error.message.split('\n')[0] : String(error);
		throw new TemplateImportError({ kind: 'syntax', detail });
	}
	let template: WorkshopTemplate;
	try {
		template = parseTemplate(raw, fileName);
	} catch (error) {
		if (error instanceof MethodError) throw new TemplateImportError({ kind: 'invalid', problems: error.problems });
		throw error;
	}
	const missing = templateMethodProblems(template, methodById, { checkMinutes: false });
	if (missing.length > 0) throw new TemplateImportError({ kind: 'invalid', problems: missing });
	return template;
}
