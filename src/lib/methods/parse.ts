/**
 * Validates a method as written in a file (YAML in `workshops/`, or JSON imported by a
 * facilitator) into a `Method`. Every problem names the field and the reason (a code for the
 * interface to translate, and English for a museum professional editing a file in a text editor),
 * so that it can be found and fixed.
 */
import { LOCALES, type Localized } from '../i18n/locales.ts';
import { MethodError, methodProblem, type MethodProblem, type ParamsArg, type ProblemCode } from './method-problem.ts';
import {
	AUDIENCES,
	BOARD_TEMPLATES,
	PHASES,
	QUADRANTS,
	type Audience,
	type BoardLayout,
	type BoardSpec,
	type CanvasZone,
	type Method,
	type MethodStep,
	type NamedZone,
	type Phase
} from './types.ts';

export { MethodError, type MethodProblem, type ProblemCode } from './method-problem.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export const METHOD_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ZONE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_TEXT = 4000;

/** Collects problems while walking a value; each reader returns a safe placeholder on failure so
 * that one pass reports every problem at once. */
class Reader {
	problems: MethodProblem[] = [];

	fail<C extends ProblemCode>(field: string, code: C, ...params: ParamsArg<C>) {
		this.problems.push(methodProblem(field, code, ...params));
	}

	obj(v: unknown, field: string): Obj {
		if (isObj(v)) return v;
		this.fail(field, v === undefined ? 'missing' : 'not-mapping');
		return {};
	}

	text(v: unknown, field: string, max = MAX_TEXT): string {
		if (typeof v !== 'string') {
			this.fail(field, v === undefined ? 'missing' : 'not-text');
			return '';
		}
		const trimmed = v.trim();
		if (trimmed === '') this.fail(field, 'empty');
		else if (trimmed.length > max) this.fail(field, 'too-long', { max });
		return trimmed;
	}

	int(v: unknown, field: string, min: number, max: number): number {
		if (typeof v !== 'number' || !Number.isInteger(v)) {
			this.fail(field, v === undefined ? 'missing' : 'not-number');
			return min;
		}
		if (v < min || v > max) this.fail(field, 'range', { min, max });
		return v;
	}

	bool(v: unknown, field: string, fallback: boolean): boolean {
		if (v === undefined) return fallback;
		if (typeof v !== 'boolean') this.fail(field, 'not-boolean');
		return v === true;
	}

	list(v: unknown, field: string, { min = 0, max = 100 } = {}): unknown[] {
		if (!Array.isArray(v)) {
			this.fail(field, v === undefined ? 'missing' : 'not-list');
			return [];
		}
		if (v.length < min) this.fail(field, 'too-few', { min });
		if (v.length > max) this.fail(field, 'too-many', { max });
		return v;
	}

	oneOf<T extends string>(v: unknown, field: string, allowed: readonly T[]): T {
		if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
		this.fail(field, 'one-of', { allowed: allowed.join(', ') });
		return allowed[0];
	}

	localized(v: unknown, field: string, max = MAX_TEXT): Localized {
		const o = this.obj(v, field);
		this.noExtra(o, field, LOCALES);
		return {
			fi: this.text(o.fi, `${field}.fi`, max),
			sv: this.text(o.sv, `${field}.sv`, max),
			en: this.text(o.en, `${field}.en`, max)
		};
	}

	/** A list per language; all three must have the same number of items (they are translations). */
	localizedList(v: unknown, field: string, { min = 0, max = 30 } = {}): Localized<string[]> {
		const o = this.obj(v, field);
		this.noExtra(o, field, LOCALES);
		const out = {} as Localized<string[]>;
		for (const locale of LOCALES) {
			out[locale] = this.list(o[locale], `${field}.${locale}`, { min, max }).map((item, i) =>
				this.text(item, `${field}.${locale}[${i}]`)
			);
		}
		if (out.fi.length !== out.sv.length || out.fi.length !== out.en.length) {
			this.fail(field, 'translations-differ', { fi: out.fi.length, sv: out.sv.length, en: out.en.length });
		}
		return out;
	}

	noExtra(o: Obj, field: string, allowed: readonly string[]) {
		for (const key of Object.keys(o)) {
			if (!allowed.includes(key)) this.fail(field ? `${field}.${key}` : key, 'unknown-field');
		}
	}

	zones(v: unknown, field: string, min: number, max: number): NamedZone[] {
		const seen = new Set<string>();
		return this.list(v, field, { min, max }).map((item, i) => {
			const f = `${field}[${i}]`;
			const o = this.obj(item, f);
			this.noExtra(o, f, ['id', 'name']);
			return { id: this.zoneId(o.id, `${f}.id`, seen), name: this.localized(o.name, `${f}.name`, 80) };
		});
	}

	zoneId(v: unknown, field: string, seen: Set<string>): string {
		const id = this.text(v, field, 40);
		if (id && !ZONE_ID.test(id)) this.fail(field, 'bad-id');
		if (seen.has(id)) this.fail(field, 'duplicate-id', { id });
		seen.add(id);
		return id;
	}
}

const LAYOUT_FIELDS: Record<BoardLayout['template'], string[]> = {
	free: [],
	columns: ['lanes'],
	matrix: ['xAxis', 'yAxis', 'quadrants'],
	rings: ['rings', 'sectors'],
	journey: ['stages', 'rows'],
	canvas: ['columns', 'zones'],
	scale: ['points', 'rows']
};
const BOARD_OPTIONS = ['template', 'privateWriting', 'dotsPerPerson', 'timerMinutes'];

function readLayout(r: Reader, o: Obj, field: string): BoardLayout {
	const template = r.oneOf(o.template, `${field}.template`, BOARD_TEMPLATES);
	r.noExtra(o, field, [...BOARD_OPTIONS, ...LAYOUT_FIELDS[template]]);
	switch (template) {
		case 'free':
			return { template };
		case 'columns':
			return { template, lanes: r.zones(o.lanes, `${field}.lanes`, 1, 9) };
		case 'matrix': {
			const axis = (v: unknown, f: string) => {
				const a = r.obj(v, f);
				r.noExtra(a, f, ['label', 'low', 'high']);
				return {
					label: r.localized(a.label, `${f}.label`, 60),
					low: r.localized(a.low, `${f}.low`, 40),
					high: r.localized(a.high, `${f}.high`, 40)
				};
			};
			const q = r.obj(o.quadrants, `${field}.quadrants`);
			r.noExtra(q, `${field}.quadrants`, QUADRANTS);
			const quadrants = Object.fromEntries(
				QUADRANTS.map((id) => [id, r.localized(q[id], `${field}.quadrants.${id}`, 60)])
			);
			return {
				template,
				xAxis: axis(o.xAxis, `${field}.xAxis`),
				yAxis: axis(o.yAxis, `${field}.yAxis`),
				quadrants: quadrants as Record<(typeof QUADRANTS)[number], Localized>
			};
		}
		case 'rings': {
			const layout: BoardLayout = { template, rings: r.zones(o.rings, `${field}.rings`, 2, 5) };
			if (o.sectors !== undefined) layout.sectors = r.zones(o.sectors, `${field}.sectors`, 2, 8);
			return layout;
		}
		case 'journey':
			return {
				template,
				stages: r.zones(o.stages, `${field}.stages`, 2, 10),
				rows: r.zones(o.rows, `${field}.rows`, 1, 6)
			};
		case 'canvas': {
			const columns = r.int(o.columns, `${field}.columns`, 1, 6);
			const seen = new Set<string>();
			const zones = r.list(o.zones, `${field}.zones`, { min: 2, max: 16 }).map((item, i): CanvasZone => {
				const f = `${field}.zones[${i}]`;
				const z = r.obj(item, f);
				r.noExtra(z, f, ['id', 'name', 'hint', 'col', 'row', 'colSpan', 'rowSpan']);
				const zone: CanvasZone = {
					id: r.zoneId(z.id, `${f}.id`, seen),
					name: r.localized(z.name, `${f}.name`, 80),
					col: r.int(z.col, `${f}.col`, 1, columns),
					row: r.int(z.row, `${f}.row`, 1, 12)
				};
				if (z.hint !== undefined) zone.hint = r.localized(z.hint, `${f}.hint`, 200);
				if (z.colSpan !== undefined) zone.colSpan = r.int(z.colSpan, `${f}.colSpan`, 1, columns - zone.col + 1);
				if (z.rowSpan !== undefined) zone.rowSpan = r.int(z.rowSpan, `${f}.rowSpan`, 1, 12);
				return zone;
			});
			checkCanvasOverlap(r, zones, `${field}.zones`);
			return { template, columns, zones };
		}
		case 'scale': {
			const layout: BoardLayout = { template, points: r.zones(o.points, `${field}.points`, 2, 11) };
			if (o.rows !== undefined) layout.rows = r.zones(o.rows, `${field}.rows`, 1, 4);
			return layout;
		}
	}
}

function checkCanvasOverlap(r: Reader, zones: CanvasZone[], field: string) {
	const taken = new Map<string, string>();
	for (const zone of zones) {
		for (let c = zone.col; c < zone.col + (zone.colSpan ?? 1); c++) {
			for (let row = zone.row; row < zone.row + (zone.rowSpan ?? 1); row++) {
				const cell = `${c},${row}`;
				const other = taken.get(cell);
				if (other) r.fail(field, 'overlap', { first: other, second: zone.id, column: c, row });
				taken.set(cell, zone.id);
			}
		}
	}
}

function readBoard(r: Reader, v: unknown): BoardSpec {
	const o = r.obj(v, 'board');
	return {
		layout: readLayout(r, o, 'board'),
		privateWriting: r.bool(o.privateWriting, 'board.privateWriting', false),
		dotsPerPerson: o.dotsPerPerson === undefined ? 0 : r.int(o.dotsPerPerson, 'board.dotsPerPerson', 0, 20),
		timerMinutes: r.int(o.timerMinutes, 'board.timerMinutes', 1, 240)
	};
}

/** Parses a board in file form (layout fields and options side by side), throwing `MethodError`. */
export function parseBoard(value: unknown, source: string): BoardSpec {
	const r = new Reader();
	const board = readBoard(r, value);
	if (r.problems.length > 0) throw new MethodError(source, r.problems);
	return board;
}

export const METHOD_FIELDS = [
	'id',
	'phase',
	'audiences',
	'tags',
	'duration',
	'groupSize',
	'name',
	'purpose',
	'whenToUse',
	'materials',
	'preparation',
	'steps',
	'prompts',
	'tips',
	'accessibility',
	'tradition',
	'board'
] as const;

/**
 * Parses one method. `source` names where it came from (a file name) for the error message.
 * Throws `MethodError` listing every problem found.
 */
export function parseMethod(value: unknown, source: string): Method {
	const r = new Reader();
	const o = r.obj(value, '');
	r.noExtra(o, '', METHOD_FIELDS);

	const id = r.text(o.id, 'id', 60);
	if (id && !METHOD_ID.test(id)) r.fail('id', 'bad-id');

	const audiences = r
		.list(o.audiences, 'audiences', { min: 1, max: AUDIENCES.length })
		.map((a, i) => r.oneOf<Audience>(a, `audiences[${i}]`, AUDIENCES));
	if (new Set(audiences).size !== audiences.length) r.fail('audiences', 'duplicate-audience');

	const d = r.obj(o.duration, 'duration');
	r.noExtra(d, 'duration', ['default', 'min', 'max']);
	const duration = {
		default: r.int(d.default, 'duration.default', 1, 600),
		min: r.int(d.min, 'duration.min', 1, 600),
		max: r.int(d.max, 'duration.max', 1, 600)
	};
	// Checks across fields compare only numbers actually read, never a failed field's placeholder
	// (which would blame a field that is fine, e.g. "steps add up to 20, but duration.default is 1").
	const read = (...values: unknown[]) => values.every((v) => Number.isInteger(v));
	if (read(d.min, d.default, d.max) && !(duration.min <= duration.default && duration.default <= duration.max)) {
		r.fail('duration', 'duration-order');
	}

	const g = r.obj(o.groupSize, 'groupSize');
	r.noExtra(g, 'groupSize', ['min', 'max']);
	const groupSize: Method['groupSize'] = { min: r.int(g.min, 'groupSize.min', 1, 1000) };
	if (g.max !== undefined && g.max !== null) {
		groupSize.max = r.int(g.max, 'groupSize.max', 1, 1000);
		if (groupSize.max < groupSize.min) r.fail('groupSize', 'group-order');
	}

	const steps = r.list(o.steps, 'steps', { min: 1, max: 20 }).map((item, i): MethodStep => {
		const f = `steps[${i}]`;
		const s = r.obj(item, f);
		r.noExtra(s, f, ['minutes', 'title', 'script']);
		return {
			minutes: r.int(s.minutes, `${f}.minutes`, 1, 240),
			title: r.localized(s.title, `${f}.title`, 100),
			script: r.localized(s.script, `${f}.script`)
		};
	});
	const stepMinutes = steps.reduce((sum, s) => sum + s.minutes, 0);
	const rawSteps = Array.isArray(o.steps) ? o.steps : [];
	const minutesRead = read(d.default, ...rawSteps.map((s) => (isObj(s) ? s.minutes : undefined)));
	if (steps.length > 0 && minutesRead && stepMinutes !== duration.default) {
		r.fail('steps', 'steps-sum', { sum: stepMinutes, duration: duration.default });
	}

	const method: Method = {
		id,
		phase: r.oneOf<Phase>(o.phase, 'phase', PHASES),
		audiences,
		tags: r.localizedList(o.tags, 'tags', { max: 12 }),
		duration,
		groupSize,
		name: r.localized(o.name, 'name', 80),
		purpose: r.localized(o.purpose, 'purpose', 200),
		whenToUse: r.localized(o.whenToUse, 'whenToUse'),
		materials: r.localizedList(o.materials, 'materials', { min: 1 }),
		preparation: r.localizedList(o.preparation, 'preparation', { min: 1 }),
		steps,
		prompts: r.localizedList(o.prompts, 'prompts', { min: 1, max: 10 }),
		tips: r.localizedList(o.tips, 'tips', { min: 1 }),
		accessibility: r.localizedList(o.accessibility, 'accessibility', { min: 1 }),
		tradition: r.localized(o.tradition, 'tradition', 600),
		board: readBoard(r, o.board)
	};
	if (read(d.max) && method.board.timerMinutes > duration.max) r.fail('board.timerMinutes', 'timer-too-long');
	if (r.problems.length > 0) throw new MethodError(source, r.problems);
	return method;
}

/** Every zone id a board layout has, in reading order. Notes live in one of these (or none). */
export function zoneIds(layout: BoardLayout): string[] {
	switch (layout.template) {
		case 'free':
			return [];
		case 'columns':
			return layout.lanes.map((z) => z.id);
		case 'matrix':
			return [...QUADRANTS];
		case 'rings':
			return layout.sectors
				? layout.rings.flatMap((ring) => layout.sectors!.map((sector) => `${ring.id}/${sector.id}`))
				: layout.rings.map((z) => z.id);
		case 'journey':
			return layout.rows.flatMap((row) => layout.stages.map((stage) => `${stage.id}/${row.id}`));
		case 'canvas':
			return layout.zones.map((z) => z.id);
		case 'scale':
			return layout.rows
				? layout.rows.flatMap((row) => layout.points.map((point) => `${row.id}/${point.id}`))
				: layout.points.map((z) => z.id);
	}
}
