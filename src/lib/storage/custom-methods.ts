/**
 * The facilitator's own methods, kept on this device beside the built-in library. Rows are
 * validated on the way out: a row that no longer parses (written by an older version, or damaged)
 * is left out with a warning instead of breaking the library page.
 */
import { MethodError, parseMethod } from '../methods/parse';
import type { Method } from '../methods/types';
import { db } from './db';
import type { StoredMethod } from './stored-method';

export type { StoredMethod };

/** `parseMethod` reads the file shape, where the board's options sit beside its layout fields;
 * a `Method` keeps the layout apart. Anything else (a damaged row) is passed on for the parser to reject. */
function asFileValue(method: unknown): unknown {
	if (typeof method !== 'object' || method === null) return method;
	const { board, ...rest } = method as Record<string, unknown>;
	if (typeof board !== 'object' || board === null || !('layout' in board)) return method;
	const { layout, ...options } = board as Record<string, unknown>;
	return { ...rest, board: { ...(layout as object), ...options } };
}

function validRow(row: StoredMethod): StoredMethod | null {
	try {
		return { ...row, method: parseMethod(asFileValue(row.method), `custom method ${row.id}`) };
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
	return rows.map(validRow).filter((row): row is StoredMethod => row !== null);
}

export async function getCustomMethod(id: string): Promise<StoredMethod | undefined> {
	const row = await db().customMethods.get(id);
	return row ? (validRow(row) ?? undefined) : undefined;
}

/** Saves a method (validated first, so nothing invalid is ever stored). */
export async function saveCustomMethod(method: Method, basedOn?: string): Promise<StoredMethod> {
	const valid = parseMethod(asFileValue(method), `custom method ${method.id}`);
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
