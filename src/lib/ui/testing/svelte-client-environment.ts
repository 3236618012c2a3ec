/**
 * A Vitest environment for tests of Svelte state classes: Node globals, but modules compiled and
 * resolved as for the browser. Node's default compiles `.svelte.ts` files for the server, where
 * `$effect` does nothing and `$derived` is recomputed on every read — so effects, teardown and
 * `flushSync` can only be tested this way. `vite.config.ts` runs every `*.svelte.test.ts` in it.
 */
import type { Environment } from 'vitest/environments';

export default {
	name: 'svelte-client',
	viteEnvironment: 'client',
	setup() {
		return { teardown() {} };
	}
} satisfies Environment;
