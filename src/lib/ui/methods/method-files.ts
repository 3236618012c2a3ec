/**
 * Importing and exporting method files from the UI. The YAML library is loaded only when a file
 * is actually imported or exported.
 */
import type { MessageKey } from '$lib/i18n/catalog';
import { customId } from '$lib/methods/custom';
import type { MethodProblem } from '$lib/methods/parse';
import type { Method } from '$lib/methods/types';
import { saveCustomMethod } from '$lib/storage/custom-methods';
import { downloadBlob } from '$lib/ui/download';

/** Why a method-library file (a method or a template) was not imported. */
export type ImportRefusal = { ok: false; message: MessageKey; detail?: string; problems?: MethodProblem[] };
export type ImportOutcome = { ok: true; method: Method } | ImportRefusal;
/** What the shared file button (`FileImport.svelte`) shows: the imported thing, or the refusal. */
export type FileImportOutcome<V> = { ok: true; value: V } | ImportRefusal;

/** Validates a chosen file and stores it as an own method; nothing is stored when it is invalid.
 * An id that is taken (a built-in, or an own method) gets a fresh one, so nothing is overwritten. */
export async function importMethodFile(file: File, idTaken: (id: string) => boolean): Promise<ImportOutcome> {
	const { methodFromFile, MethodImportError, MAX_METHOD_FILE_BYTES } = await import('$lib/methods/method-file');
	if (file.size > MAX_METHOD_FILE_BYTES) return { ok: false, message: 'methods.import.tooLarge' };
	try {
		const method = methodFromFile(new Uint8Array(await file.arrayBuffer()), file.name);
		if (idTaken(method.id)) method.id = customId(method.id);
		await saveCustomMethod(method);
		return { ok: true, method };
	} catch (error) {
		if (!(error instanceof MethodImportError)) throw error;
		const problem = error.problem;
		switch (problem.kind) {
			case 'too-large':
				return { ok: false, message: 'methods.import.tooLarge' };
			case 'not-text':
				return { ok: false, message: 'methods.import.notText' };
			case 'syntax':
				return { ok: false, message: 'methods.import.syntax', detail: problem.detail };
			case 'invalid':
				return { ok: false, message: 'methods.import.invalid', problems: problem.problems };
		}
	}
}

export async function exportMethodFile(method: Method): Promise<void> {
	const { methodToFile } = await import('$lib/methods/method-file');
	downloadBlob(new Blob([methodToFile(method)], { type: 'text/yaml;charset=utf-8' }), `${method.id}.yaml`);
}
