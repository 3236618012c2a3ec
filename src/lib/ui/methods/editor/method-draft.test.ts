import { describe, expect, it } from 'vitest';
import { readMethodLibrary } from '$lib/methods/read-files.node';
import { MethodDraft } from './method-draft.svelte';
import { blankMethod } from './method-form';

const library = readMethodLibrary('workshops');
const builtIn = (template: string) => library.find((m) => m.board.layout.template === template)!;

describe('method draft', () => {
	it('edits texts in the editing language only, and knows it has changed', () => {
		const draft = new MethodDraft(blankMethod(), 'fi');
		expect(draft.dirty).toBe(false);
		draft.setLocale('sv');
		draft.setText('name', 'Min metod');
		expect(draft.form.texts.name).toEqual({ fi: 'Uusi menetelmä', sv: 'Min metod', en: 'New method' });
		expect(draft.dirty).toBe(true);
	});

	it('adds, moves and removes steps, keeping their keys, and sums their minutes', () => {
		const draft = new MethodDraft(blankMethod(), 'fi');
		const key = draft.addStep()!;
		draft.setStepMinutes(1, 20);
		draft.setStepText(1, 'title', 'Toinen');
		expect(draft.defaultMinutes).toBe(35);
		draft.moveStep(1, -1);
		expect(draft.form.steps.map((s) => s.key)).toEqual([key, 1]);
		draft.moveStep(0, -1);
		expect(draft.form.steps.map((s) => s.key)).toEqual([key, 1]);
		draft.removeStep(1);
		draft.removeStep(0);
		expect(draft.form.steps.map((s) => s.title.fi)).toEqual(['Toinen']);
	});

	it('adds lanes with fresh ids and starter names, and removes them down to one', () => {
		const draft = new MethodDraft(blankMethod(), 'fi');
		draft.addLane();
		draft.removeLane(0);
		draft.addLane();
		const lanes = draft.form.board.layout.template === 'columns' ? draft.form.board.layout.lanes : [];
		expect(lanes.map((l) => l.id)).toEqual(['lane-2', 'lane-3', 'lane-4', 'lane-5']);
		expect(lanes[3].name).toEqual({ fi: 'Sarake 5', sv: 'Kolumn 5', en: 'Column 5' });
		for (let i = 0; i < 10; i++) draft.removeLane(0);
		expect(lanes).toHaveLength(1);
	});

	it('lets what was written replace the starting texts in the other languages of a new method', () => {
		const draft = new MethodDraft(blankMethod(), 'fi', { isNew: true });
		draft.setText('name', 'Muistojen kartta');
		draft.setList('prompts', 'Mikä paikka on sinulle tärkeä?');
		draft.setLocale('en');
		draft.setText('purpose', 'Places that matter to people.');
		draft.setLocale('fi');
		draft.addLane();
		draft.renameZone(0, 'Ennen');
		draft.renameZone(3, 'Nyt');
		const method = draft.validate()!;
		expect(method.name).toEqual({ fi: 'Muistojen kartta', sv: 'Muistojen kartta', en: 'Muistojen kartta' });
		expect(method.prompts.sv).toEqual(['Mikä paikka on sinulle tärkeä?']);
		// Written in English: kept, though it is the Finnish text that was saved from.
		expect(method.purpose.en).toBe('Places that matter to people.');
		// Untouched in every language: the starting texts stay, translated.
		expect(method.tips.sv).toEqual(blankMethod().tips.sv);
		const lanes = method.board.layout.template === 'columns' ? method.board.layout.lanes : [];
		expect(lanes.map((l) => l.name.sv)).toEqual(['Ennen', 'Kolumn 2', 'Kolumn 3', 'Nyt']);
	});

	it('keeps the other languages of a saved method as they are, placeholders aside', () => {
		const original = library.find((m) => m.board.layout.template === 'journey')!;
		const draft = new MethodDraft(original, 'fi');
		draft.setText('name', 'Uusi nimi');
		draft.setTemplate('columns');
		draft.renameZone(1, 'Keskellä');
		const method = draft.validate()!;
		expect(method.name).toEqual({ ...original.name, fi: 'Uusi nimi' });
		const lanes = method.board.layout.template === 'columns' ? method.board.layout.lanes : [];
		expect(lanes.map((l) => l.name.en)).toEqual(['Column 1', 'Keskellä', 'Column 3']);
	});

	it('asks before a template change only when zones have names someone chose', () => {
		const draft = new MethodDraft(blankMethod(), 'fi');
		expect(draft.zonesRenamed).toBe(false);
		draft.addLane();
		expect(draft.zonesRenamed).toBe(false);
		draft.renameZone(0, 'Säilytetään');
		expect(draft.zonesRenamed).toBe(true);
		draft.setTemplate('matrix');
		expect(draft.zonesRenamed).toBe(false);
		expect(draft.form.board.layout.template).toBe('matrix');
		expect(new MethodDraft(builtIn('matrix'), 'fi').zonesRenamed).toBe(true);
	});

	it('gives a new method an id from its name on save, avoiding ids in use', () => {
		const taken: string[] = [];
		const draft = new MethodDraft(blankMethod(), 'fi', { isNew: true, idTaken: (id) => taken.push(id) < 2 });
		draft.setText('name', 'Kävelykierros');
		const method = draft.validate();
		expect(method?.id).toMatch(/^kavelykierros-own-[a-z0-9]{6}$/);
		expect(taken).toHaveLength(2);
		expect(method?.id).toBe(taken[1]);
	});

	it('keeps the id of a method being edited, and reports problems instead of a method', () => {
		const original = builtIn('rings');
		const draft = new MethodDraft(original, 'en');
		expect(draft.validate()).toEqual(original);
		draft.setText('purpose', '');
		draft.setDuration('max', null);
		expect(draft.validate()).toBeNull();
		expect(draft.problems.problems.map((p) => p.field)).toEqual(['duration.max', 'purpose.en']);
	});
});
