import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Devices } from './support/fixtures.ts';
import {
	addNote,
	boardText,
	expectConnected,
	join,
	listView,
	planSession,
	startRun,
	type Device
} from './support/workshop.ts';

const HMW = 'How might we…?';
const HOPES = 'Hopes and concerns';

test.describe('boards', () => {
	test.describe.configure({ timeout: 120_000 });

	async function threeDevices(devices: Devices, baseUrl: string, methods: string[]) {
		const facilitator = await devices.open();
		const aino = await devices.open({ locale: 'fi-FI', viewport: { width: 1024, height: 900 } });
		const bo = await devices.open({ locale: 'sv-FI', viewport: { width: 1024, height: 900 } });
		const all = [facilitator, aino, bo];
		const id = await planSession(facilitator.page, baseUrl, { title: 'Lähimuseo ja naapurit', methods });
		const link = await startRun(facilitator.page, baseUrl, id);
		await join(aino, link, 'Aino');
		await join(bo, link, 'Bo');
		for (const device of all) await expectConnected(device.page, 2);
		return { facilitator, aino, bo, all, id };
	}

	test('three devices edit one board at once and converge; a real peer connection carries it', async ({
		devices,
		server
	}) => {
		const { facilitator, aino, bo, all } = await threeDevices(devices, server.url, [HMW]);
		// The connection is a real WebRTC peer connection, not a relay or BroadcastChannel.
		for (const device of all)
			await expect(device.page.locator('[data-connection]').first()).toHaveText(
				/Connected to 2 devices|Yhteys 2 laitteeseen|Ansluten till 2 enheter/
			);

		// Each device writes at the same time as the others (one dialog at a time per device).
		await Promise.all([
			(async () => {
				await addNote(aino.page, 'Penkkejä näyttelysaleihin', 'Oivallus');
				await addNote(aino.page, 'Miten voisimme levätä kesken kierroksen?', 'Miten voisimme…?');
			})(),
			addNote(bo.page, 'Fler sittplatser i salarna', 'Insikt'),
			addNote(facilitator.page, 'More benches everywhere', 'Insight')
		]);
		for (const device of all) {
			await listView(device.page);
			await expect(device.page.locator('.note-item')).toHaveCount(4);
		}

		// Move: Bo moves the facilitator's note to the other column from the list view.
		const benches = bo.page.locator('.note-item', { hasText: 'More benches everywhere' });
		// Choosing a zone does nothing yet (arrow keys only look); the Move button confirms.
		await benches.getByRole('combobox').selectOption({ label: 'Hur skulle vi kunna …?' });
		await benches.getByRole('button', { name: /^Flytta:/ }).click();

		// Group: the facilitator selects two notes on the board and groups them.
		await facilitator.page.getByRole('button', { name: 'Board', exact: true }).click();
		// Notes written at the same moment into one zone may overlap on the board; selecting with the
		// keyboard (focus, then Space) works wherever they lie.
		for (const text of [/Penkkejä näyttelysaleihin/, /Fler sittplatser i salarna/]) {
			await facilitator.page.getByRole('button', { name: text }).focus();
			await facilitator.page.keyboard.press('Space');
		}
		await facilitator.page.getByRole('toolbar').getByRole('button', { name: 'Group the selected notes' }).click();
		await facilitator.page.getByRole('textbox', { name: 'Group name' }).fill('Istuimet');
		await facilitator.page.getByRole('button', { name: 'Save', exact: true }).click();

		// Vote: everyone gets dots in the vote phase.
		await facilitator.page.getByRole('group', { name: 'Phase' }).getByRole('button', { name: 'Vote' }).click();
		await listView(facilitator.page);
		for (const device of [aino, bo])
			await expect(device.page.locator('[data-phase]').first()).toHaveAttribute('data-phase', 'vote');
		await aino.page
			.locator('.note-item', { hasText: 'Miten voisimme levätä' })
			.getByRole('button', { name: 'Anna piste' })
			.click();
		await bo.page
			.locator('.note-item', { hasText: 'Miten voisimme levätä' })
			.getByRole('button', { name: 'Ge en prick' })
			.click();
		await facilitator.page
			.locator('.note-item', { hasText: 'More benches everywhere' })
			.getByRole('button', { name: 'Give a dot' })
			.click();
		await facilitator.page.getByRole('group', { name: 'Phase' }).getByRole('button', { name: 'Results' }).click();

		// Every device shows the same board: same notes in the same zones and clusters, same votes.
		const expected = await boardText(facilitator.page);
		expect(expected.join('\n')).toContain('Group: Istuimet: Fler sittplatser i salarna | Penkkejä näyttelysaleihin');
		for (const device of [aino, bo]) {
			await expect.poll(async () => (await boardText(device.page)).length).toBe(expected.length);
			await expect(
				device.page.locator('.note-item', { hasText: 'Miten voisimme levätä' }).locator('.votes')
			).toHaveText(/2/);
			await expect(
				device.page.locator('.note-item', { hasText: 'More benches everywhere' }).locator('.votes')
			).toHaveText(/1/);
			await expect(device.page.locator('.note-item', { hasText: 'More benches everywhere' })).toBeVisible();
		}
		const byZone = async (device: Device) =>
			device.page.locator('.board-list section').evaluateAll((sections) =>
				sections.map((s) =>
					[...s.querySelectorAll('.note-item .text')]
						.map((n) => n.textContent)
						.sort()
						.join('|')
				)
			);
		const reference = await byZone(facilitator);
		for (const device of [aino, bo]) expect(await byZone(device)).toEqual(reference);
		await expect(facilitator.page.locator('.names li')).toHaveText(['Facilitator (you)', 'Aino', 'Bo']);
		for (const device of all) expect(device.errors).toEqual([]);
	});

	test('private notes stay private until revealed', async ({ devices, server }) => {
		const { facilitator, aino, bo, all } = await threeDevices(devices, server.url, [HOPES]);
		await addNote(aino.page, 'Ainon salainen toive', 'Toiveet');
		await addNote(bo.page, 'Bos hemliga farhåga', 'Farhågor');
		for (const device of all) await listView(device.page);
		await expect(aino.page.locator('.note-item')).toHaveText([/Ainon salainen toive/]);
		await expect(bo.page.locator('.note-item')).toHaveText([/Bos hemliga farhåga/]);
		await expect(aino.page.getByText('1 muiden lappu on piilossa')).toBeVisible();
		await expect(facilitator.page.getByText('2 notes by others are hidden')).toBeVisible();
		await expect(facilitator.page.locator('.note-item')).toHaveCount(0);

		await facilitator.page.getByRole('group', { name: 'Phase' }).getByRole('button', { name: 'Reveal' }).click();
		for (const device of all) {
			await expect(device.page.locator('.note-item .text')).toHaveText(['Ainon salainen toive', 'Bos hemliga farhåga']);
		}
	});

	test('a reload restores everything from IndexedDB, and hostile text stays text', async ({ devices, server }) => {
		const { facilitator, aino } = await threeDevices(devices, server.url, [HMW]);
		const hostile = '<img src=x onerror="window.__pwned=1">';
		await addNote(aino.page, hostile, 'Oivallus');
		await addNote(aino.page, 'Toinen lappu', 'Miten voisimme…?');
		for (const device of [facilitator, aino]) {
			await listView(device.page);
			await expect(device.page.locator('.note-item .text').filter({ hasText: hostile })).toHaveCount(1);
		}

		// Close one participant's tab entirely; reopen the session from its own storage, offline.
		await aino.page.reload();
		await listView(aino.page);
		await expect(aino.page.locator('.note-item')).toHaveCount(2);
		await facilitator.page.reload();
		await listView(facilitator.page);
		await expect(facilitator.page.locator('.note-item')).toHaveCount(2);

		for (const device of [facilitator, aino]) {
			await device.page.getByRole('button', { name: /^(Board|Taulu)$/ }).click();
			await expect(
				device.page.getByRole('button', { name: new RegExp(hostile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
			).toBeVisible();
			expect(await device.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
			expect(await device.page.locator('.note img, .note-item img').count()).toBe(0);
		}
	});

	test('keyboard alone adds a note, moves it between zones, groups and votes', async ({ devices, server }) => {
		const facilitator = await devices.open();
		const page = facilitator.page;
		const id = await planSession(page, server.url, { title: 'Keyboard', methods: [HMW] });
		await startRun(page, server.url, id);

		const tabTo = async (name: RegExp, key: 'Tab' | 'Shift+Tab' = 'Tab') => {
			for (let i = 0; i < 80; i++) {
				await page.keyboard.press(key);
				const focused = await page.evaluate(() => {
					const el = document.activeElement as HTMLElement | null;
					// Between the last control and the first, focus rests on the body: not a control.
					if (!el || el === document.body) return '';
					return `${el.getAttribute('aria-label') ?? ''} ${el.innerText ?? ''}`.trim();
				});
				if (name.test(focused)) return;
			}
			throw new Error(`could not reach ${name} with Tab`);
		};

		for (const text of ['First idea', 'Second idea']) {
			await tabTo(/^\+ Add note$/);
			await page.keyboard.press('Enter');
			await page.keyboard.type(text);
			await page.keyboard.press('Tab'); // the note's language
			await page.keyboard.press('Tab'); // colour radios
			await page.keyboard.press('Tab'); // zone select
			await page.keyboard.press('Tab'); // save
			await page.keyboard.press('Enter');
			await expect(page.getByRole('dialog')).toBeHidden();
		}
		// Move the first note to the second column with arrow keys on the board.
		await tabTo(/First idea/);
		for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowRight');
		await listView(page);
		const hmwSection = page
			.locator('.board-list section')
			.filter({ has: page.getByRole('heading', { name: 'How might we…?', exact: true }) });
		await expect(hmwSection.locator('.note-item .text')).toHaveText(['First idea']);
		// Select both notes with Space on the board and group them.
		await page.getByRole('button', { name: 'Board', exact: true }).click();
		await tabTo(/First idea/);
		await page.keyboard.press('Space');
		await tabTo(/Second idea/);
		await page.keyboard.press('Space');
		await tabTo(/^Group the selected notes/, 'Shift+Tab');
		await page.keyboard.press('Enter');
		await page.keyboard.type('Ideas');
		await page.keyboard.press('Enter');
		// Move to the vote phase and vote, with the keyboard, in the list view.
		await tabTo(/^\d\.\s*Vote$/, 'Shift+Tab');
		await page.keyboard.press('Enter');
		await listView(page);
		await tabTo(/^Give a dot: /);
		await page.keyboard.press('Enter');
		await expect(page.getByText('You have 2 dots left')).toBeVisible();
		// Grouping gathered the two notes from their two columns into one place (the first note's):
		// the group shows once, holding both.
		await expect(page.getByRole('heading', { name: 'Group: Ideas' })).toHaveCount(1);
	});

	test('a board with notes and its list view have no WCAG 2 A/AA violations', async ({ devices, server }) => {
		const facilitator = await devices.open();
		const page = facilitator.page;
		const id = await planSession(page, server.url, { title: 'Axe', methods: [HMW] });
		await startRun(page, server.url, id);
		await addNote(page, 'Accessible note one', 'Insight');
		await addNote(page, 'Accessible note two', 'How might we…?');
		const axe = () => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
		const onBoard = await axe();
		expect(onBoard.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
		await listView(page);
		const onList = await axe();
		expect(onList.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
	});
});
