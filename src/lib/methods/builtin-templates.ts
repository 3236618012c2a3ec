/**
 * The built-in workshop templates, loaded on demand like the method library (a participant never
 * downloads them).
 */
import type { WorkshopTemplate } from './templates';

let loading: Promise<WorkshopTemplate[]> | undefined;

export function loadBuiltinTemplates(): Promise<WorkshopTemplate[]> {
	loading ??= import('virtual:kohtaamo-templates').then((module) => module.templates);
	return loading;
}
