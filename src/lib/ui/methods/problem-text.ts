/**
 * A method problem's reason in the interface language, from its code and params (the English
 * `reason` is for people editing files and for build errors, not for the interface).
 */
import type { MessageKey } from '$lib/i18n/catalog';
import type { Translate } from '$lib/i18n/translate';
import type { MethodProblem, ProblemCode } from '$lib/methods/parse';

/** The message of a code; a code without a message in the catalogue does not compile. */
export const problemMessage = (code: ProblemCode): MessageKey => `methodProblem.${code}`;

export function problemText(problem: MethodProblem, t: Translate): string {
	return t(problemMessage(problem.code), problem.params);
}
