declare module 'virtual:kohtaamo-methods' {
	import type { Method } from './types';
	/** The built-in library, validated at build time from `workshops/*.yaml`. */
	export const methods: Method[];
}
