/**
 * The coverage table in workshops/README.md names only methods that exist, and every practice the
 * sector texts name has at least one method.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COVERAGE_HEADING, parseCoverageTable } from './coverage-table';
import { methodFileNames } from './read-files.node';

const DIR = fileURLToPath(new URL('../../../workshops', import.meta.url));
const README = readFileSync(`${DIR}/README.md`, 'utf8');
const METHOD_IDS = new Set(methodFileNames(DIR).map((file) => file.replace(/\.yaml$/, '')));

describe('parseCoverageTable', () => {
	const table = (rows: string) =>
		`# Title\n\n${COVERAGE_HEADING}\n\nText.\n\n| practice | source | methods | agenda templates |\n| - | - | - | - |\n${rows}\n## Next\n| practice | methods |\n| - | - |\n| Not read | \`other\` |\n`;

	it('reads practices, method ids and template ids in backticks, and stops at the next heading', () => {
		expect(parseCoverageTable(table('| A thing | text | `one`, `two-b` | `tpl` |\n| B | x | `three` | |'))).toEqual([
			{ practice: 'A thing', methods: ['one', 'two-b'], templates: ['tpl'] },
			{ practice: 'B', methods: ['three'], templates: [] }
		]);
	});

	it('refuses a README without the heading, the table or its columns', () => {
		expect(() => parseCoverageTable('# Title\n')).toThrow(/heading .* is missing/);
		expect(() => parseCoverageTable(`${COVERAGE_HEADING}\n\nNo table.\n`)).toThrow(/no rows/);
		expect(() => parseCoverageTable(`${COVERAGE_HEADING}\n| a | b |\n| - | - |\n| x | y |\n`)).toThrow(
			/"practice" and "methods"/
		);
	});
});

describe('the coverage table in workshops/README.md', () => {
	const rows = parseCoverageTable(README);

	it('lists the practices of the sector texts', () => {
		expect(rows.length).toBeGreaterThanOrEqual(25);
		for (const practice of [
			'digital culture-service platform',
			"citizens' space",
			'participation forums',
			"friends' programme",
			'regional workshop series',
			'service providers developing services together',
			'sustainable local solutions',
			'active partners',
			'Connecting to communities',
			'partnership table'
		]) {
			expect(
				rows.some((row) => row.practice.toLowerCase().includes(practice.toLowerCase())),
				practice
			).toBe(true);
		}
	});

	it('gives every practice at least one method', () => {
		expect(rows.filter((row) => row.methods.length === 0).map((row) => row.practice)).toEqual([]);
	});

	it('names only methods that exist in workshops/', () => {
		const unknown = rows.flatMap((row) =>
			row.methods.filter((id) => !METHOD_IDS.has(id)).map((id) => `${row.practice}: ${id}`)
		);
		expect(unknown).toEqual([]);
	});

	it('names only agenda templates that exist in workshops/templates/', () => {
		const missing = rows.flatMap((row) =>
			row.templates.filter((id) => !existsSync(`${DIR}/templates/${id}.yaml`)).map((id) => `${row.practice}: ${id}`)
		);
		expect(missing).toEqual([]);
	});
});
