import { describe, expect, it } from 'vitest';
import { SyncScheduler } from './sync-scheduler.ts';

function scheduler(reachable: (peerId: string) => boolean = () => true) {
	const sent: string[] = [];
	const s = new SyncScheduler({
		timeoutMs: 1000,
		quietMs: 500,
		send: (peerId, withRequest, retry) => {
			if (!reachable(peerId)) return false;
			sent.push(`${peerId}${withRequest ? '+request' : ''}${retry ? ' (retry)' : ''}`);
			return true;
		}
	});
	return { s, sent };
}

describe('sync scheduler', () => {
	it('has one exchange outstanding at a time, in request order', () => {
		const { s, sent } = scheduler();
		s.request('a', { withRequest: true, urgent: true }, 0);
		s.request('b', { withRequest: true, urgent: true }, 0);
		s.request('c', { withRequest: false, urgent: true }, 0);
		expect(sent).toEqual(['a+request']);
		s.completed('a', 10);
		expect(sent).toEqual(['a+request', 'b+request']);
		s.completed('b', 20);
		expect(sent).toEqual(['a+request', 'b+request', 'c']);
	});

	it('moves on after a timeout and retries the unanswered peer later', () => {
		const { s, sent } = scheduler();
		s.request('slow', { withRequest: false, urgent: true }, 0);
		s.request('b', { withRequest: false, urgent: true }, 0);
		s.tick(999);
		expect(sent).toEqual(['slow']);
		s.tick(1000);
		expect(sent).toEqual(['slow', 'b']);
		s.completed('b', 1001);
		expect(sent).toEqual(['slow', 'b', 'slow (retry)']);
	});

	it('keeps waiting while a large answer is still arriving, up to a minute', () => {
		const { s, sent } = scheduler();
		s.request('big', { withRequest: false, urgent: true }, 0);
		s.request('b', { withRequest: false, urgent: true }, 0);
		for (let t = 500; t <= 5_000; t += 500) {
			s.progress('big', t);
			s.tick(t);
		}
		expect(sent).toEqual(['big']);
		s.progress('b', 5_900);
		s.tick(6_000);
		expect(sent).toEqual(['big', 'b']);

		const slow = scheduler();
		slow.s.request('trickle', { withRequest: false, urgent: true }, 0);
		slow.s.request('next', { withRequest: false, urgent: true }, 0);
		for (let t = 500; t <= 61_000; t += 500) {
			slow.s.progress('trickle', t);
			slow.s.tick(t);
		}
		expect(slow.sent.slice(0, 2)).toEqual(['trickle', 'next']);
	});

	it('gives up on a peer after a few unanswered tries', () => {
		const { s, sent } = scheduler();
		s.request('gone', { withRequest: false, urgent: true }, 0);
		for (let t = 1000; t <= 10_000; t += 1000) s.tick(t);
		expect(sent).toEqual(['gone', 'gone (retry)', 'gone (retry)']);
	});

	it('merges requests for a queued peer and skips a non-urgent one right after an exchange', () => {
		const { s, sent } = scheduler();
		s.request('a', { withRequest: false, urgent: true }, 0);
		s.request('b', { withRequest: false, urgent: true }, 0);
		s.request('b', { withRequest: true, urgent: false }, 0);
		s.completed('a', 1);
		expect(sent).toEqual(['a', 'b+request']);
		s.completed('b', 2);
		s.request('b', { withRequest: false, urgent: false }, 100);
		expect(sent).toHaveLength(2);
		s.request('b', { withRequest: false, urgent: true }, 100);
		expect(sent).toEqual(['a', 'b+request', 'b']);
	});

	it('skips peers that cannot be reached and forgets peers that left', () => {
		const { s, sent } = scheduler((peerId) => peerId !== 'offline');
		s.request('offline', { withRequest: false, urgent: true }, 0);
		s.request('a', { withRequest: false, urgent: true }, 0);
		expect(sent).toEqual(['a']);
		s.request('b', { withRequest: false, urgent: true }, 0);
		s.forget('a');
		expect(sent).toEqual(['a', 'b']);
	});
});
