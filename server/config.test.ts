import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_PORT, parseConfig } from './config.ts';

describe('parseConfig', () => {
	it('has defaults for a fresh machine', () => {
		expect(parseConfig([], {})).toMatchObject({
			port: DEFAULT_PORT,
			host: undefined,
			https: 'own',
			trustedProxies: [],
			redisUrl: undefined,
			metricsFrom: undefined,
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
		[['--https'], {}, { https: 'own' }],
		[[], { KOHTAAMO_HTTPS: 'true' }, { https: 'own' }],
		[['--no-https'], {}, { https: 'off' }],
		[[], { KOHTAAMO_HTTPS: '0' }, { https: 'off' }],
		[['--cert', 'c.pem', '--key', 'k.pem'], {}, { https: 'given', certPath: 'c.pem', keyPath: 'k.pem' }],
		[['--participant-url', 'http://kohtaamo.local:8080'], {}, { participantUrl: 'http://kohtaamo.local:8080/' }],
		[
			[],
			{ KOHTAAMO_PARTICIPANT_URL: 'https://workshop.museum.fi/' },
			{ participantUrl: 'https://workshop.museum.fi/' }
		],
		[['--trusted-proxy', '10.0.0.1, ::1'], {}, { trustedProxies: ['10.0.0.1', '::1'] }],
		[[], { KOHTAAMO_TRUSTED_PROXY: '127.0.0.1' }, { trustedProxies: ['127.0.0.1'] }],
		[['--participant-url', 'http://workshop.test:{port}/'], {}, { participantUrl: 'http://workshop.test:{port}/' }],
		[
			['--max-connections-per-address', '64', '--max-topics-per-address=4'],
			{},
			{ maxConnectionsPerAddress: 64, maxTopicsPerAddress: 4 }
		],
		[['--redis', 'redis://10.0.0.5:6379'], {}, { redisUrl: 'redis://10.0.0.5:6379' }],
		[[], { KOHTAAMO_REDIS_URL: 'rediss://cache.example:6380/0' }, { redisUrl: 'rediss://cache.example:6380/0' }],
		[['--metrics-from', '10.0.0.9, 127.0.0.1'], {}, { metricsFrom: ['10.0.0.9', '127.0.0.1'] }],
		[['--room-messages-per-second', '500'], {}, { roomMessagesPerSecond: 500 }],
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
		[['--no-https', '--cert', 'c.pem', '--key', 'k.pem'], 'contradict'],
		[['--participant-url', 'kohtaamo.local'], 'is not a URL'],
		[['--participant-url', 'ftp://kohtaamo.local/'], 'not an http or https URL'],
		[['--participant-url', 'http://kohtaamo.local/#x'], 'must not carry'],
		[['--trusted-proxy', 'proxy.local'], 'is not an IP address'],
		[['--max-connections-per-address', '0'], 'not a positive whole number'],
		[['--redis', 'localhost:6379'], 'is not a redis:// or rediss:// URL'],
		[['--metrics-from', 'prometheus.local'], 'is not an IP address'],
		[['--colour'], 'unknown option'],
		[['serve'], 'unexpected argument']
	])('refuses %j', (argv, message) => {
		expect(() => parseConfig(argv, {})).toThrow(ConfigError);
		expect(() => parseConfig(argv, {})).toThrow(message);
	});
});
