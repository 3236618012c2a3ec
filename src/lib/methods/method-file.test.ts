import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
	MAX_METHOD_FILE_BYTES,
	MethodImportError,
	methodFromFile,
	methodToFile,
	type ImportProblem
} from './method-file';
import { readMethodLibrary } from './read-files.node';

const LIBRARY = readMethodLibrary(fileURLToPath(new URL('../../../workshops', import.meta.url)));
const bytes = (text: string) => new TextEncoder().encode(text);

function importProblem(data: Uint8Array): ImportProblem {
	try {
		methodFromFile(data, 'import.yaml');
	} catch (error) {
		if (error instanceof MethodImportError) return error.problem;
		throw error;
	}
	throw new Error('the file was accepted');
}

describe('methodToFile → methodFromFile', () => {
	it.each(LIBRARY.map((m) => [m.id, m] as const))('%s survives unchanged', (_id, method) => {
		const file = methodToFile(method);
		expect(file.startsWith('# Kohtaamo method file')).toBe(true);
		expect(methodFromFile(bytes(file), `${method.id}.yaml`)).toEqual(method);
	});

	it('reads the same method written as JSON, and with a byte order mark', () => {
		const method = LIBRARY.find((m) => m.board.layout.template === 'canvas')!;
		const json = JSON.stringify(parseYaml(methodToFile(method)));
		expect(methodFromFile(bytes(json), 'method.json')).toEqual(method);
		expect(methodFromFile(bytes(`\uFEFF${methodToFile(method)}`), 'bom.yaml')).toEqual(method);
	});

	it('accepts a file of exactly the maximum size', () => {
		const file = methodToFile(LIBRARY[0]);
		const padded = `${file}#${' '.repeat(MAX_METHOD_FILE_BYTES - bytes(file).byteLength - 2)}\n`;
		expect(bytes(padded).byteLength).toBe(MAX_METHOD_FILE_BYTES);
		expect(methodFromFile(bytes(padded), 'big.yaml').id).toBe(LIBRARY[0].id);
	});
});

const bomb = [
	'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
	...'bcdefghi'.split('').map((k, i) => {
		const prev = 'abcdefghi'[i];
		return `${k}: &${k} [${Array(9).fill(`*${prev}`).join(', ')}]`;
	})
].join('\n');

describe('methodFromFile refuses a bad file and says why', () => {
	it.each<[string, Uint8Array, ImportProblem['kind'], RegExp?]>([
		['too large', bytes(`# ${'x'.repeat(MAX_METHOD_FILE_BYTES)}`), 'too-large'],
		['not UTF-8', new Uint8Array([0x69, 0x64, 0x3a, 0x20, 0xff, 0xfe, 0xfd]), 'not-text'],
		['a PNG image', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'not-text'],
		['text with NUL bytes', bytes('id: x\u0000\u0000'), 'not-text'],
		['a YAML syntax error', bytes('id: x\nname: [unclosed\n'), 'syntax'],
		['bad indentation', bytes('id: x\n  phase: plan\n phase: plan'), 'syntax'],
		['a key written twice', bytes('id: a\nid: b\n'), 'syntax', /unique/i],
		['a YAML bomb of aliases', bytes(bomb), 'syntax', /alias/i],
		['broken JSON', bytes('{"id": "x",'), 'syntax']
	])('%s → %s', (_what, data, kind, detail) => {
		const problem = importProblem(data);
		expect(problem.kind).toBe(kind);
		if (detail && problem.kind === 'syntax') expect(problem.detail).toMatch(detail);
	});

	it.each([
		[
			'JSON that is not a method',
			'{"hello": "world"}',
			[
				{ field: 'hello', code: 'unknown-field', params: {}, reason: 'is not a known field' },
				{ field: 'id', code: 'missing', params: {}, reason: 'is missing' }
			]
		],
		[
			'a JSON list',
			'[1, 2, 3]',
			[{ field: '', code: 'not-mapping', params: {}, reason: 'must be a mapping of fields' }]
		],
		[
			'a bare string',
			'"just text"',
			[{ field: '', code: 'not-mapping', params: {}, reason: 'must be a mapping of fields' }]
		],
		['an empty file', '', [{ field: '', code: 'not-mapping', params: {}, reason: 'must be a mapping of fields' }]],
		[
			'a prototype key',
			'{"__proto__": {"admin": true}}',
			[{ field: '__proto__', code: 'unknown-field', params: {}, reason: 'is not a known field' }]
		]
	])('%s → invalid, with its problems', (_what, text, expected) => {
		const problem = importProblem(bytes(text));
		expect(problem.kind).toBe('invalid');
		if (problem.kind === 'invalid') expect(problem.problems).toEqual(expect.arrayContaining(expected));
		expect(({} as Record<string, unknown>).admin).toBeUndefined();
	});

	it('names the fields of an almost valid method in its message', () => {
		const method = structuredClone(LIBRARY[0]);
		method.name.sv = '';
		method.board.timerMinutes = method.duration.max + 1;
		let error: unknown;
		try {
			methodFromFile(bytes(methodToFile(method)), 'mine.yaml');
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(MethodImportError);
		expect((error as MethodImportError).message).toBe(
			'name.sv: is empty; board.timerMinutes: is longer than the method can last (duration.max)'
		);
	});
});
