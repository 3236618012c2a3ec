import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * Layers of src/lib, lowest first. A layer may import only layers below it; the rule makes the
 * direction visible in the editor. `ui` and routes sit on top and may import everything below.
 * Dexie lives only in storage; Svelte and SvelteKit only in pwa, ui and routes.
 */
const LAYERS = ['i18n', 'methods', 'session', 'board', 'storage', 'sync', 'export', 'pwa'];
const USES_SVELTE = ['pwa'];

const dexieOnlyInStorage = ['dexie', 'y-dexie'].map((name) => ({
	name,
	message: 'Dexie is imported only in src/lib/storage.'
}));

const layerRules = LAYERS.map((layer, index) => {
	const higher = [...LAYERS.slice(index + 1), 'ui'];
	const patterns = [
		{
			group: higher.flatMap((h) => [`$lib/${h}/*`, `$lib/${h}`, `../${h}/*`, `../../${h}/*`]),
			message: `src/lib/${layer} is below these layers and must not import them (see STYLE.md, practice 1).`
		}
	];
	if (!USES_SVELTE.includes(layer)) {
		patterns.push({
			group: ['$app/*', 'svelte', 'svelte/*'],
			message: 'Only pwa, ui and routes use Svelte/SvelteKit.'
		});
	}
	return {
		files: [`src/lib/${layer}/**/*.ts`],
		rules: {
			'no-restricted-imports': ['error', { paths: layer === 'storage' ? [] : dexieOnlyInStorage, patterns }]
		}
	};
});

const topRules = [
	{
		files: ['src/lib/ui/**', 'src/service-worker.ts'],
		rules: { 'no-restricted-imports': ['error', { paths: dexieOnlyInStorage }] }
	},
	{
		files: ['src/routes/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: ['yjs', 'dexie', 'y-dexie', 'y-protocols/awareness'].map((name) => ({
						name,
						message: 'Routes use the models and stores in src/lib, never Yjs or Dexie directly.'
					}))
				}
			]
		}
	}
];

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench-results/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }],
			// State classes keep immutable snapshots (new Map/Set each change) in $state.raw and replace
			// them whole; SvelteMap/SvelteSet would add per-entry signals that these never need.
			'svelte/prefer-svelte-reactivity': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig }
		}
	},
	...topRules,
	...layerRules
);
