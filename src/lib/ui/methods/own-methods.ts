/** Changes to the facilitator's own methods, followed by a refresh of the library. */
import { inEveryLanguage } from '$lib/i18n/translate';
import { duplicateMethod } from '$lib/methods/custom';
import type { Method } from '$lib/methods/types';
import { deleteCustomMethod, saveCustomMethod } from '$lib/storage/custom-methods';
import { methodLibrary } from './library.svelte';

export async function duplicateOwnCopy(method: Method): Promise<Method> {
	const copy = duplicateMethod(method, inEveryLanguage('method.copySuffix'));
	const source = methodLibrary.get(method.id);
	await saveCustomMethod(copy, source?.own ? source.basedOn : method.id);
	await methodLibrary.refresh();
	return copy;
}

export async function saveOwnMethod(method: Method): Promise<void> {
	await saveCustomMethod(method);
	await methodLibrary.refresh();
}

export async function deleteOwnMethod(id: string): Promise<void> {
	await deleteCustomMethod(id);
	await methodLibrary.refresh();
}
