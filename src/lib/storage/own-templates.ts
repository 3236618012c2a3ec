/**
 * The facilitator's own workshop templates, kept on this device beside the built-in ones. Rows are
 * validated on the way in and on the way out: a row that no longer parses (damaged, or written by
 * another version) is left out with a warning instead of breaking the templates page.
 */
import { MethodError } from '../methods/parse';
import { parseTemplate, type WorkshopTemplate } from '../methods/templates';
import { db } from './db';
import type { StoredTemplate } from './stored-template';

export type { StoredTemplate };

function checked(row: StoredTemplate): StoredTemplate | null {
	try {
		return { ...row, template: parseTemplate(structuredClone(row.template), `own template ${row.id}`) };
	} catch (error) {
		if (error instanceof MethodError) {
			console.warn(error.message);
			return null;
		}
		throw error;
	}
}

export async function listOwnTemplates(): Promise<StoredTemplate[]> {
	const rows = await db().ownTemplates.orderBy('updatedAt').reverse().toArray();
	return rows.map(checked).filter((row): row is StoredTemplate => row !== null);
}

/** Saves a template under its id (validated first, so nothing invalid is ever stored). */
export async function saveOwnTemplate(template: WorkshopTemplate, now = Date.now()): Promise<StoredTemplate> {
	const valid = parseTemplate(structuredClone(template), `own template ${template.id}`);
	return db().transaction('rw', db().ownTemplates, async () => {
		const existing = await db().ownTemplates.get(valid.id);
		const row: StoredTemplate = {
			id: valid.id,
			template: valid,
			createdAt: existing?.createdAt ?? now,
			updatedAt: now
		};
		await db().ownTemplates.put(row);
		return row;
	});
}

export async function deleteOwnTemplate(id: string): Promise<void> {
	await db().ownTemplates.delete(id);
}
