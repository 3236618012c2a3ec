/**
 * Where a schema issue lies, written the way the method problems and backup refusals name fields:
 * `steps[0].title.sv` (`''` for the value as a whole).
 */
import type { BaseIssue } from 'valibot';

export function issueField(issue: BaseIssue<unknown>): string {
	let field = '';
	for (const { key } of issue.path ?? []) {
		if (typeof key === 'number') field += `[${key}]`;
		else field += field ? `.${String(key)}` : String(key);
	}
	return field;
}
