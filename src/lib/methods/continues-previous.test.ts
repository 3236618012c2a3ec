import { describe, expect, it } from 'vitest';
import { parseBoardSpec } from './board-spec';
import { methodToFileValue } from './file-shape';
import { MethodError, parseBoard, parseMethod } from './parse';

const board = { template: 'free', dotsPerPerson: 3, timerMinutes: 4 };

describe('board option continuesPrevious', () => {
	it('is read from a method file, and absent unless true', () => {
		expect(parseBoard({ ...board, continuesPrevious: true }, 'test').continuesPrevious).toBe(true);
		expect(parseBoard(board, 'test')).not.toHaveProperty('continuesPrevious');
		expect(parseBoard({ ...board, continuesPrevious: false }, 'test')).not.toHaveProperty('continuesPrevious');
	});

	it('refuses a value that is not true or false, naming the field', () => {
		expect(() => parseBoard({ ...board, continuesPrevious: 'yes' }, 'test')).toThrow(MethodError);
	});

	it('survives the stored board shape and the file shape', () => {
		const spec = parseBoard({ ...board, continuesPrevious: true }, 'test');
		expect(parseBoardSpec(structuredClone(spec))).toEqual(spec);
		expect(parseBoardSpec({ ...spec, continuesPrevious: 1 })).toBeNull();
	});

	it('round-trips through a whole method', async () => {
		const { loadBuiltinMethods } = await import('./builtin');
		const methods = await loadBuiltinMethods();
		const dots = methods.find((m) => m.id === 'dot-voting')!;
		expect(dots.board.continuesPrevious).toBe(true);
		expect(parseMethod(methodToFileValue(dots), 'test')).toEqual(dots);
		expect(methods.find((m) => m.id === 'hopes-and-concerns')!.board.continuesPrevious).toBeUndefined();
	});
});
