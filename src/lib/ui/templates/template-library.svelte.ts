/**
 * Workshop templates as the UI sees them: the library's and this device's own, with search text
 * prepared once, and the few things a facilitator does with them. Changes go through storage and
 * then `refresh()`, as with the method library.
 */
import type { Locale } from '$lib/i18n/locales';
import { loadBuiltinTemplates } from '$lib/methods/builtin-templates';
import { templateSearchText } from '$lib/methods/search';
import type { WorkshopTemplate } from '$lib/methods/templates';
import type { Method } from '$lib/methods/types';
import { agendaFromTemplate, planFromTemplate, templateFromAgenda } from '$lib/session/templates';
import type { AgendaItem, SessionPlan, SessionSummary } from '$lib/session/types';
import { deleteOwnTemplate, listOwnTemplates, saveOwnTemplate } from '$lib/storage/own-templates';
import { createSessionWithAgenda } from '$lib/storage/sessions';
import { downloadBlob } from '$lib/ui/download';
import type { ImportRefusal } from '$lib/ui/methods/method-files';

export interface TemplateEntry {
	template: WorkshopTemplate;
	/** A facilitator's own template, stored on this device. */
	own: boolean;
	/** Folded text for search. */
	text: string;
}

export type TemplateImportOutcome = { ok: true; template: WorkshopTemplate } | ImportRefusal;

class TemplateLibrary {
	#entries = $state.raw<TemplateEntry[]>([]);
	#loaded: Promise<void> | undefined;

	get entries(): TemplateEntry[] {
		return this.#entries;
	}

	/** Loads once; later calls wait for the same load. */
	load(): Promise<void> {
		this.#loaded ??= this.refresh();
		return this.#loaded;
	}

	async refresh(): Promise<void> {
		const [builtin, own] = await Promise.all([loadBuiltinTemplates(), listOwnTemplates()]);
		this.#entries = [
			...own.map((row) => ({ template: row.template, own: true, text: templateSearchText(row.template) })),
			...builtin.map((template) => ({ template, own: false, text: templateSearchText(template) }))
		];
	}

	has(id: string): boolean {
		return this.#entries.some((entry) => entry.template.id === id);
	}
}

export const templateLibrary = new TemplateLibrary();

/** A new workshop with the template's whole agenda, in the facilitator's language. */
export function startFromTemplate(
	template: WorkshopTemplate,
	methodById: (id: string) => Method | undefined,
	language: Locale
): Promise<SessionSummary> {
	return createSessionWithAgenda(
		planFromTemplate(template, language),
		agendaFromTemplate(template, methodById, language)
	);
}

/** Saves a plan's agenda as an own template; returns it, stored. */
export async function saveAgendaAsTemplate(
	name: string,
	plan: Pick<SessionPlan, 'goal' | 'groups'>,
	agenda: readonly AgendaItem[],
	methodById: (id: string) => Method | undefined
): Promise<WorkshopTemplate> {
	const row = await saveOwnTemplate(templateFromAgenda(name, plan, agenda, methodById));
	await templateLibrary.refresh();
	return row.template;
}

export async function deleteTemplate(id: string): Promise<void> {
	await deleteOwnTemplate(id);
	await templateLibrary.refresh();
}

/**
 * Validates a chosen file and stores it as an own template; nothing is stored when it is invalid
 * or names a method this device does not have. An id that is taken gets a fresh one, so nothing is
 * overwritten. The YAML reader loads only now.
 */
export async function importTemplateFile(
	file: File,
	methodById: (id: string) => Method | undefined
): Promise<TemplateImportOutcome> {
	const { templateFromFile, TemplateImportError, MAX_TEMPLATE_FILE_BYTES } = await import('$lib/methods/template-file');
	if (file.size > MAX_TEMPLATE_FILE_BYTES) return { ok: false, message: 'templates.import.tooLarge' };
	try {
		const template = templateFromFile(new Uint8Array(await file.arrayBuffer()), file.name, methodById);
		if (templateLibrary.has(template.id)) {
			const { customId } = await import('$lib/methods/custom');
			template.id = customId(template.id);
		}
		await saveOwnTemplate(template);
		await templateLibrary.refresh();
		return { ok: true, template };
	} catch (error) {
		if (!(error instanceof TemplateImportError)) throw error;
		const problem = error.problem;
		switch (problem.kind) {
			case 'too-large':
				return { ok: false, message: 'templates.import.tooLarge' };
			case 'not-text':
				return { ok: false, message: 'templates.import.notText' };
			case 'syntax':
				return { ok: false, message: 'templates.import.syntax', detail: problem.detail };
			case 'invalid':
				return { ok: false, message: 'templates.import.invalid', problems: problem.problems };
		}
	}
}

export async function exportTemplateFile(template: WorkshopTemplate): Promise<void> {
	const { templateToFile } = await import('$lib/methods/template-file');
	downloadBlob(new Blob([templateToFile(template)], { type: 'text/yaml;charset=utf-8' }), `${template.id}.yaml`);
}
