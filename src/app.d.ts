// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	interface ImportMetaEnv {
		/** A static deployment's signaling service, set at build time (vite.config.ts). */
		readonly KOHTAAMO_SIGNALING_URL: string;
		/** The signaling origins the build's CSP allows besides the app's own (svelte.config.js). */
		readonly KOHTAAMO_SIGNALING_ORIGINS: readonly string[];
	}
	namespace App {
		// interface Error {}
		// interface Locals {}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
