import { Dexie } from 'dexie';
import { compressYDocs } from 'y-dexie';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { CompactionSchedule, compactStoredDocs, type CompactionTiming } from './compaction';
import { openDb } from './db';

const FAST: CompactionTiming = { first: 10, interval: 60, quiet: 40 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const schedules: CompactionSchedule[] = [];
const opened: Dexie[] = [];
afterEach(async () => {
	for (const s of schedules.splice(0)) s.stop();
	for (const db of opened.splice(0)) {
		db.close();
		await Dexie.delete(db.name);
	}
});

function scheduleOf(run: () => Promise<void>) {
	const schedule = new CompactionSchedule(run, FAST);
	schedules.push(schedule);
	return schedule;
}

/** A database holding one session document stored as `count` update rows, as y-dexie writes them
 * while a workshop runs. */
async function storedDoc(count: number) {
	const db = openDb(`kohtaamo-compaction-${crypto.randomUUID()}`);
	opened.push(db);
	await db.open();
	const updates = db.table('$sessions.doc_updates');
	const source = new Y.Doc();
	const rows: Uint8Array[] = [];
	source.on('updateV2', (u: Uint8Array) => rows.push(u));
	for (let i = 0; i < count; i++) source.getMap('notes').set(`n${i}`, `note ${i}`);
	for (const u of rows) await updates.add({ k: 's1', u, f: 1 });
	await db.table('sessions').add({ id: 's1', title: 'Iltapäivä', createdAt: 1, updatedAt: 1 });
	return { db, updates };
}

describe('compactStoredDocs', () => {
	it('leaves a few new rows as they are: merging the whole document is not worth them', async () => {
		const { db, updates } = await storedDoc(5);
		expect(await compactStoredDocs(db, 6)).toBe(false);
		expect(await updates.where('k').equals('s1').count()).toBe(5);
	});

	it('merges once enough rows were written, and counts only rows since the last merge', async () => {
		const { db, updates } = await storedDoc(6);
		expect(await compactStoredDocs(db, 6)).toBe(true);
		expect(await updates.where('k').equals('s1').count()).toBe(1);
		// One row (the merged one) is not new: nothing more to do.
		expect(await compactStoredDocs(db, 1)).toBe(false);
		await updates.add({ k: 's1', u: Y.encodeStateAsUpdateV2(new Y.Doc()), f: 1 });
		expect(await compactStoredDocs(db, 1)).toBe(true);
	});
});

describe('CompactionSchedule', () => {
	it('runs after the first delay and again after each interval', async () => {
		const times: number[] = [];
		const schedule = scheduleOf(async () => void times.push(times.length));
		schedule.start();
		schedule.start();
		// A timer due sooner than the first run fires before it, however busy the machine.
		await sleep(FAST.first / 2);
		expect(times).toHaveLength(0);
		while (schedule.runs < 2) await sleep(5);
		expect(times).toHaveLength(2);
	});

	it('waits while a gesture holds it, and a quiet moment after the gesture ends', async () => {
		const schedule = new CompactionSchedule(async () => {}, { ...FAST, quiet: 1_000 });
		schedules.push(schedule);
		const release = schedule.hold();
		schedule.start();
		await sleep(100);
		expect(schedule.held).toBe(true);
		expect(schedule.runs).toBe(0);
		release();
		release(); // a second call releases nothing more
		expect(schedule.held).toBe(false);
		// Not yet: the pointer has not rested for the quiet time.
		await sleep(50);
		expect(schedule.runs).toBe(0);
		while (schedule.runs === 0) await sleep(20);
		expect(schedule.runs).toBe(1);
	});

	it('holds stack: the last release lets it run', async () => {
		const schedule = scheduleOf(async () => {});
		const first = schedule.hold();
		const second = schedule.hold();
		schedule.start();
		first();
		await sleep(80);
		expect(schedule.runs).toBe(0);
		second();
		while (schedule.runs === 0) await sleep(5);
		expect(schedule.held).toBe(false);
	});

	it('keeps its pace after a failed run', async () => {
		let calls = 0;
		const schedule = scheduleOf(async () => {
			calls++;
			throw new Error('disk full');
		});
		schedule.start();
		while (schedule.runs < 2) await sleep(5);
		expect(calls).toBe(2);
	});

	it('compacts a stored document only once the gesture has ended, keeping its content', async () => {
		const { db, updates } = await storedDoc(5);
		const schedule = scheduleOf(() => compressYDocs(db));
		const release = schedule.hold();
		schedule.start();
		await sleep(100);
		expect(await updates.where('k').equals('s1').count()).toBe(5);

		release();
		while (schedule.runs === 0) await sleep(5);
		const stored = (await updates.where('k').equals('s1').toArray()) as { u: Uint8Array }[];
		expect(stored).toHaveLength(1);
		const loaded = new Y.Doc();
		Y.applyUpdateV2(loaded, stored[0].u);
		expect(loaded.getMap('notes').toJSON()).toEqual({
			n0: 'note 0',
			n1: 'note 1',
			n2: 'note 2',
			n3: 'note 3',
			n4: 'note 4'
		});
	});
});
