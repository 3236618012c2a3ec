import { describe, expect, it } from 'vitest';
import { signalingUrlAllowed, wsOriginOf } from './signaling-origins';

describe('signaling origins', () => {
	const allowed = ['wss://signal.museo.example', 'wss://varalla.example:8443'];

	it.each([
		['ws://192.168.1.20:8080/signal', '192.168.1.20:8080', true],
		['wss://192.168.1.20:8080/signal', '192.168.1.20:8080', true],
		['ws://192.168.1.20:9090/signal', '192.168.1.20:8080', false],
		['wss://signal.museo.example/signal', 'app.example', true],
		['wss://signal.museo.example:443/x', 'app.example', true],
		['ws://signal.museo.example/signal', 'app.example', false],
		['wss://varalla.example:8443/signal', 'app.example', true],
		['wss://varalla.example/signal', 'app.example', false],
		['wss://evil.example/signal', 'app.example', false],
		['https://signal.museo.example/signal', 'app.example', false],
		['not a url', 'app.example', false]
	])('%s from a page on %s: %s', (url, host, ok) => {
		expect(signalingUrlAllowed(url, host, allowed)).toBe(ok);
	});

	it('reduces a URL to its origin, default ports left out', () => {
		expect(wsOriginOf(' wss://a.example:443/signal?x=1 ')).toBe('wss://a.example');
		expect(wsOriginOf('ws://a.example:8080/')).toBe('ws://a.example:8080');
		expect(wsOriginOf('http://a.example/')).toBeNull();
	});
});
