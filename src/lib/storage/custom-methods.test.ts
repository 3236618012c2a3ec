import { describe, expect, it } from 'vitest';
import { readMethodLibrary } from '../methods/read-files.node';
import { deleteCustomMethod, getCustomMethod, listCustomMethods, saveCustomMethod } from './custom-methods';
import { db } from './db';

const [builtIn] = readMethodLibrary('workshops');

describe('own methods in storage', () => {
	it('saves a method, lists it and reads it back unchanged, keeping where it came from', async () => {
		const own = { ...structuredClone(builtIn), id: `${builtIn.id}-own-abc123` };
		await saveCustomMethod(own, builtIn.id);
		own.name.fi = 'Muokattu';
		await saveCustomMethod(own);
		expect(await getCustomMethod(own.id)).toMatchObject({ method: own, basedOn: builtIn.id });
		expect((await listCustomMethods()).map((row) => row.id)).toContain(own.id);
		await deleteCustomMethod(own.id);
		expect(await getCustomMethod(own.id)).toBeUndefined();
	});

	it('refuses an invalid method, and leaves a damaged row out of the list', async () => {
		const broken = { ...structuredClone(builtIn), id: 'broken-own-abc123', steps: [] };
		await expect(saveCustomMethod(broken)).rejects.toThrow(/steps: needs at least 1 item/);
		await db().customMethods.put({ id: 'damaged', method: { id: 'damaged' } as never, createdAt: 1, updatedAt: 1 });
		expect((await listCustomMethods()).map((row) => row.id)).not.toContain('damaged');
		await db().customMethods.delete('damaged');
	});
});
