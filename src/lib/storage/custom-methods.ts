/**
 * The facilitator's own methods, kept on this device beside the built-in library. Rows are
 * validated on the way out: a row that no longer parses (written by an older version, or damaged)
 * is left out with a warning instead of breaking the library page.
 */
import { storedToFileValue } from '../methods/file-shape';
import { customId } from '../methods/custom';
import { MethodError, parseMethod } from '../methods/parse';
import type { Method } from '../methods/types';
import { db } from './db';
import type { StoredMethod } from './stored-method';

export type { StoredMethod };

/** A stored row with its method checked again; null (with a warning) when it no longer parses. */
export function checkedRow(row: StoredMethod): StoredMethod | null {
	try {
		return { ...row, method: parseMethod(storedToFileValue(row.method), `custom method ${row.id}`) };
	} catch (error) {
		if (error instanceof MethodError) {
			console.warn(error.message);
			return null;
		}
		throw error;
	}
}

export async function listCustomMethods(): Promise<StoredMethod[]> {
	const rows = await db().customMethods.orderBy('updatedAt').reverse().toArray();
	return rows.map(checkedRow).filter((row): row is StoredMethod => row !== null);
}

export async function getCustomMethod(id: string): Promise<StoredMethod | undefined> {
	const row = await db().customMethods.get(id);
	return row ? (checkedRow(row) ?? undefined) : undefined;
}

/** Saves a method (validated first, so nothing invalid is ever stored). */
export async function saveCustomMethod(method: Method, basedOn?: string): Promise<StoredMethod> {
	const valid = parseMethod(storedToFileValue(method), `custom method ${method.id}`);
	const now = Date.now();
	return db().transaction('rw', db().customMethods, async () => {
		const existing = await db().customMethods.get(valid.id);
		const row: StoredMethod = {
			id: valid.id,
			method: valid,
			basedOn: existing?.basedOn ?? basedOn,
			createdAt: existing?.createdAt ?? now,
			updatedAt: now
		};
		await db().customMethods.put(row);
		return row;
	});
}

export async function deleteCustomMethod(id: string): Promise<void> {
	await db().customMethods.delete(id);
}

/**
 * Which of a backup's own methods to add to this device, and under which id. A method this device
 * does not have is added as it is; one it has with the same content is left alone; one it has
 * with other content is kept beside it under a new id (`renamed`: old id → new id), as a restored
 * session is kept beside the original — neither version is lost. Reads only; the restore writes
 * the rows in its own transaction.
 */
export async function planMethodRows(
	carried: readonly { method: Method; basedOn?: string }[],
	now = Date.now()
): Promise<{ rows: StoredMethod[]; renamed: Map<string, string> }> {
	const rows: StoredMethod[] = [];
	const renamed = new Map<string, string>();
	for (const { method, basedOn } of carried) {
		const existing = await db().customMethods.get(method.id);
		if (existing && canonical(existing.method) === canonical(method)) continue;
		const id = existing ? customId(method.id) : method.id;
		if (existing) renamed.set(method.id, id);
		const row: StoredMethod = { id, method: { ...method, id }, createdAt: now, updatedAt: now };
		if (basedOn !== undefined) row.basedOn = basedOn;
		rows.push(row);
	}
	return { rows, renamed };
}

/** JSON with sorted keys: two methods with the same content compare equal whatever order their
 * fields were stored in. */
function canonical(value: unknown): string {
	return JSON.stringify(value, (_key, item: unknown) =>
		typeof item === 'object' && item !== null && !Array.isArray(item)
			? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
			: item
	);
}
