/**
 * The report's participation categories end to end: a facilitator chooses the questions in the
 * plan, two participants on their own devices answer them when joining, and the PDF summary made
 * on the facilitator's tablet counts them (two people in one group: merged into "other").
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { normalise, readPdf } from '../../src/lib/export/testing/pdf-reader.ts';
import { expect, test } from './support/fixtures.ts';
import { expectConnected, planSession, startRun } from './support/workshop.ts';

const axe = async (page: Page, include: string) => {
	const results = await new AxeBuilder({ page })
		.include(include)
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
};

test.describe('report', () => {
	// Four devices on a shared machine: generous (speed is not what this test measures).
	test.describe.configure({ timeout: 420_000 });

	test('participation categories chosen in the plan, answered at join, counted in the PDF', async ({
		devices,
		server
	}) => {
		const facilitator = await devices.open();
		const { page } = facilitator;
		const id = await planSession(page, server.url, {
			title: 'Participation',
			methods: ['Hopes and concerns'],
			anonymous: true
		});
		const questions = page.getByRole('group', { name: 'Participants’ background' });
		await questions.getByLabel('Age group').check();
		await questions.getByLabel('First time at the museum').check();
		await questions.getByLabel('Count notes and votes by group').selectOption({ label: 'Age group' });
		expect(await axe(page, 'fieldset.participation')).toEqual([]);

		const link = await startRun(page, server.url, id);
		const answers = [
			{ age: '18–29', first: 'yes' },
			{ age: '18–29', first: 'no' }
		];
		for (const [i, answer] of answers.entries()) {
			const phone = await devices.open({ viewport: { width: 390, height: 844 } });
			await phone.page.goto(link);
			const form = phone.page.locator('form');
			await expect(phone.page.getByRole('region', { name: 'About you (optional)' })).toContainText(
				'only the counts leave this device for the report'
			);
			await expect(phone.page.getByRole('region', { name: 'About you (optional)' })).toContainText(
				'Your notes and votes are counted by your answer to “Age group”'
			);
			if (i === 0) expect(await axe(phone.page, 'form')).toEqual([]);
			await form.getByRole('group', { name: 'Age group' }).getByLabel(answer.age, { exact: true }).check();
			await form
				.getByRole('group', { name: 'First time at the museum' })
				.getByLabel(answer.first, { exact: true })
				.check();
			await phone.page.getByRole('button', { name: 'Join' }).click();
			await phone.page.waitForURL(/\/participate\//);
		}
		await expectConnected(page, 2);

		// The answers arrive by sync: export until the PDF counts both participants.
		await expect
			.poll(
				async () => {
					const [download] = await Promise.all([
						page.waitForEvent('download'),
						page.getByRole('button', { name: 'PDF summary' }).click()
					]);
					const text = normalise(
						(await readPdf(new Uint8Array(await readFile(await download.path())))).pages.join('\n')
					);
					return text.includes('Participants 2 participants') ? text : '';
				},
				{ timeout: 60_000, intervals: [2_000] }
			)
			.toContain('Age group Answer People Share Notes Votes other 2 100%');
		// (Re-read for the other question: two groups of one, merged.)
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'PDF summary' }).click()
		]);
		const text = normalise((await readPdf(new Uint8Array(await readFile(await download.path())))).pages.join('\n'));
		expect(text).toContain('First time at the museum Answer People Share other 2 100%');
		expect(text).toContain('Groups of fewer than three people are merged into the row “other”');

		// The same figures as charts in the app: an SVG image named by its title, the numbers in a table.
		await page.getByText('Report charts', { exact: true }).click();
		const age = page.getByRole('figure', { name: 'Participants: Age group' });
		await expect(age.getByRole('img', { name: /^Participants: Age group other: 2 \(100\s?%\)$/ })).toBeVisible();
		await expect(age.locator('tbody tr')).toHaveCount(1);
		await expect(age.locator('tbody tr').first()).toHaveText(/^other\s*2\s*100\s?%\s*0\s*0$/);
		await expect(page.getByRole('figure', { name: 'Participants: First time at the museum' })).toBeVisible();
		await expect(page.getByRole('figure', { name: 'Notes and votes per activity' }).locator('tbody tr')).toHaveCount(1);
		expect(await axe(page, 'details.preview')).toEqual([]);
	});

	test('a set of questions saved in one plan is used in the next and can be deleted', async ({ devices, server }) => {
		const { page } = await devices.open();
		await planSession(page, server.url, { title: 'First', methods: ['Hopes and concerns'], anonymous: true });
		const questions = page.getByRole('group', { name: 'Participants’ background' });
		await questions.getByLabel('Age group').check();
		await questions.getByRole('button', { name: '+ Add a question of your own' }).click();
		await questions.getByLabel('Question', { exact: true }).fill('How did you come?');
		await questions.getByLabel('Answers, one per line').fill('By bus\nOn foot');
		await questions.getByLabel('Answers, one per line').blur();
		await questions.getByLabel('Count notes and votes by group').selectOption({ label: 'How did you come?' });
		const sets = questions.getByRole('group', { name: 'Saved question sets' });
		await expect(sets).toContainText('No saved sets yet.');
		await sets.getByRole('button', { name: 'Save as a set' }).click();
		await expect(sets.getByRole('alert')).toHaveText('Give the set a name.');
		await sets.getByLabel('Name for these questions').fill('Regional series');
		await sets.getByRole('button', { name: 'Save as a set' }).click();
		await expect(sets.getByRole('status')).toHaveText('Saved “Regional series”.');
		expect(await axe(page, 'fieldset.participation')).toEqual([]);

		// A new session, not anonymous: the set's questions, without counting by group.
		await planSession(page, server.url, { title: 'Second', methods: ['Hopes and concerns'] });
		const next = page.getByRole('group', { name: 'Participants’ background' });
		await expect(next.getByLabel('Age group')).not.toBeChecked();
		const nextSets = next.getByRole('group', { name: 'Saved question sets' });
		await expect(nextSets.getByLabel('Saved set')).toHaveValue(/./);
		await nextSets.getByRole('button', { name: 'Use set' }).click();
		await expect(nextSets.getByRole('status')).toHaveText(
			'The questions of “Regional series” are now in this workshop.'
		);
		await expect(next.getByLabel('Age group')).toBeChecked();
		await expect(next.getByLabel('Question', { exact: true })).toHaveValue('How did you come?');
		await expect(next.getByLabel('Answers, one per line')).toHaveValue('By bus\nOn foot');
		await expect(next.getByLabel('Count notes and votes by group')).toHaveValue('');
		// Kept after a reload: the plan saved the questions.
		await page.reload();
		await expect(page.getByRole('group', { name: 'Participants’ background' }).getByLabel('Age group')).toBeChecked();

		const reloaded = page.getByRole('group', { name: 'Saved question sets' });
		await reloaded.getByRole('button', { name: 'Delete set' }).click();
		await expect(reloaded.getByRole('status')).toHaveText('Deleted “Regional series”.');
		await expect(reloaded).toContainText('No saved sets yet.');
		// Deleting the set leaves this session's questions alone.
		await expect(page.getByRole('group', { name: 'Participants’ background' }).getByLabel('Age group')).toBeChecked();
	});
});
