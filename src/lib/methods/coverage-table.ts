/**
 * The coverage table in `workshops/README.md`: which methods (and agenda templates) serve each
 * practice the sector texts name. It lives in the README so that museum professionals edit it
 * beside the method files; this reads it back so a test can refuse ids that do not exist.
 */

export interface CoverageRow {
	practice: string;
	/** Method ids listed in backticks in the row's methods column. */
	methods: string[];
	/** Agenda template ids listed in backticks in the row's templates column (may be empty). */
	templates: string[];
}

export const COVERAGE_HEADING = '## Coverage of the sector texts';

const cells = (line: string): string[] =>
	line
		.trim()
		.replace(/^\|/, '')
		.replace(/\|$/, '')
		.split('|')
		.map((cell) => cell.trim());

const ids = (cell: string | undefined): string[] => [...(cell ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]);

/**
 * Reads the first Markdown table under the coverage heading. Throws with a clear message when the
 * heading, the table or its practice/methods columns are missing, so that a reworded README fails
 * the test instead of passing it with nothing checked.
 */
export function parseCoverageTable(markdown: string): CoverageRow[] {
	const lines = markdown.split(/\r?\n/);
	const start = lines.findIndex((line) => line.trim() === COVERAGE_HEADING);
	if (start < 0) throw new Error(`The heading "${COVERAGE_HEADING}" is missing.`);
	const rest = lines.slice(start + 1);
	const end = rest.findIndex((line) => /^#{1,2} /.test(line));
	const table = (end < 0 ? rest : rest.slice(0, end)).filter((line) => line.trim().startsWith('|'));
	if (table.length < 3) throw new Error('The coverage table has no rows.');
	const header = cells(table[0]).map((cell) => cell.toLowerCase());
	const practiceCol = header.findIndex((cell) => cell.startsWith('practice'));
	const methodsCol = header.indexOf('methods');
	const templatesCol = header.findIndex((cell) => cell.includes('template'));
	if (practiceCol < 0 || methodsCol < 0) throw new Error('The coverage table needs "practice" and "methods" columns.');
	return table.slice(2).map((line) => {
		const row = cells(line);
		return {
			practice: row[practiceCol] ?? '',
			methods: ids(row[methodsCol]),
			templates: templatesCol < 0 ? [] : ids(row[templatesCol])
		};
	});
}
