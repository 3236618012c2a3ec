import { describe, expect, it } from 'vitest';
import type { WorkshopTemplate } from '../methods/templates';
import { db } from './db';
import { deleteOwnTemplate, listOwnTemplates, saveOwnTemplate } from './own-templates';

const t = (text: string) => ({ fi: text, sv: text, en: text });
const own: WorkshopTemplate = {
	id: 'autumn-own-abc123',
	name: t('Autumn panel'),
	purpose: t('Plan the autumn'),
	audiences: ['community'],
	items: [{ kind: 'break', minutes: 15, title: t('Coffee'), purpose: t('Rest') }]
};

describe('own templates in storage', () => {
	it('saves, lists newest first, updates in place and deletes', async () => {
		await saveOwnTemplate(own, 1000);
		await saveOwnTemplate({ ...own, id: 'spring-own-abc123', name: t('Spring') }, 2000);
		expect((await listOwnTemplates()).map((row) => row.id)).toEqual(['spring-own-abc123', 'autumn-own-abc123']);
		await saveOwnTemplate({ ...own, name: t('Autumn panel, revised') }, 3000);
		const [first] = await listOwnTemplates();
		expect(first).toMatchObject({
			id: own.id,
			createdAt: 1000,
			updatedAt: 3000,
			template: { name: t('Autumn panel, revised') }
		});
		await deleteOwnTemplate(own.id);
		await deleteOwnTemplate('spring-own-abc123');
		expect(await listOwnTemplates()).toEqual([]);
	});

	it('refuses an invalid template and leaves a damaged row out of the list', async () => {
		await expect(saveOwnTemplate({ ...own, items: [] })).rejects.toThrow(/items: needs at least 1 item/);
		expect(await listOwnTemplates()).toEqual([]);
		await db().ownTemplates.put({ id: 'damaged', template: { id: 'damaged' } as never, createdAt: 1, updatedAt: 1 });
		expect(await listOwnTemplates()).toEqual([]);
		await db().ownTemplates.delete('damaged');
	});
});
