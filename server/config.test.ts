import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_PORT, parseConfig } from './config.ts';

describe('parseConfig', () => {
	it('has defaults for a fresh machine', () => {
		expect(parseConfig([], {})).toMatchObject({
			port: DEFAULT_PORT,
			host: undefined,
			https: 'off',
			root: 'build',
			build: true,
			qr: true
		});
	});

	it.each([
		[['--port', '9000'], {}, { port: 9000 }],
		[['--port=9001'], {}, { port: 9001 }],
		[[], { PORT: '7000' }, { port: 7000 }],
		[['--port', '7001'], { PORT: '7000' }, { port: 7001 }],
		[['--host', '127.0.0.1'], {}, { host: '127.0.0.1' }],
		[[], { HOST: '::' }, { host: '::' }],
		[['--https'], {}, { https: 'self-signed' }],
		[[], { KOHTAAMO_HTTPS: 'true' }, { https: 'self-signed' }],
		[['--cert', 'c.pem', '--key', 'k.pem'], {}, { https: 'given', certPath: 'c.pem', keyPath: 'k.pem' }],
		[['--no-build', '--no-qr'], {}, { build: false, qr: false }],
		[['--port', '0'], {}, { port: 0 }]
	] as const)('%j with env %j', (argv, env, expected) => {
		expect(parseConfig([...argv], env)).toMatchObject(expected);
	});

	it.each([
		[['--port', 'eighty'], 'is not a port number'],
		[['--port', '70000'], 'is not a port number'],
		[['--port'], 'needs a value'],
		[['--cert', 'c.pem'], 'must be given together'],
		[['--colour'], 'unknown option'],
		[['serve'], 'unexpected argument']
	])('refuses %j', (argv, message) => {
		expect(() => parseConfig(argv, {})).toThrow(ConfigError);
		expect(() => parseConfig(argv, {})).toThrow(message);
	});
});
