/**
 * The built-in method library. Loaded on demand: a participant who only joins a workshop never
 * downloads it, and the service worker still precaches it for offline planning.
 */
import type { Method } from './types';

let loading: Promise<Method[]> | undefined;

export function loadBuiltinMethods(): Promise<Method[]> {
	loading ??= import('virtual:kohtaamo-methods').then((module) => module.methods);
	return loading;
}
