declare module 'virtual:kohtaamo-methods' {
	import type { Method } from './types';
	/** The built-in library, validated at build time from `workshops/*.yaml`. */
	export const methods: Method[];
}

declare module 'virtual:kohtaamo-templates' {
	import type { WorkshopTemplate } from './templates';
	/** The built-in workshop templates, validated at build time against the library. */
	export const templates: WorkshopTemplate[];
}
