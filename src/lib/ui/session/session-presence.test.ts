import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { remainingMs, type TimerState } from '$lib/board/timer';
import { facilitatorReading, parsePresenceState, readPresence } from './presence';
import { SessionPresence } from './session-presence.svelte';

/** A small deterministic random source, so a failing run can be replayed. */
function random(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

interface SimDevice {
	awareness: Awareness;
	presence: SessionPresence;
	skew: number;
	now: () => number;
}

/**
 * A room of devices on simulated time: each with its own clock (skewed by minutes), each awareness
 * change delivered to every other device after its own random delay, as over Wi-Fi.
 */
class SimulatedRoom {
	readonly devices: SimDevice[] = [];
	readonly #random: () => number;
	readonly #delay: () => number;

	constructor(seed: number, delay: (random: () => number) => number) {
		this.#random = random(seed);
		this.#delay = () => delay(this.#random);
	}

	join(role: 'facilitator' | 'participant', index: number): SimDevice {
		const awareness = new Awareness(new Y.Doc());
		const skew = Math.round((this.#random() - 0.5) * 10 * 60_000);
		const now = () => Date.now() + skew;
		awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
			if (origin !== 'local') return;
			const update = encodeAwarenessUpdate(awareness, [...added, ...updated, ...removed]);
			for (const other of this.devices) {
				if (other.awareness === awareness) continue;
				setTimeout(() => applyAwarenessUpdate(other.awareness, update, 'remote'), this.#delay());
			}
		});
		const device: SimDevice = { awareness, skew, now, presence: null as unknown as SessionPresence };
		this.devices.push(device);
		// Whoever joins hears everyone's presence once (the sync exchange does that).
		for (const other of this.devices) {
			if (other === device || other.awareness.getLocalState() === null) continue;
			applyAwarenessUpdate(awareness, encodeAwarenessUpdate(other.awareness, [other.awareness.clientID]), 'remote');
		}
		device.presence = new SessionPresence({
			awareness,
			self: { participantId: `${role}-${index}`, role, name: `Device ${index}` },
			now
		});
		return device;
	}

	/** Something in someone's presence changes (a rename, a join elsewhere): everyone re-reads. */
	churn(): void {
		const participants = this.devices.filter((d) => !d.presence.isFacilitator);
		const device = participants[Math.floor(this.#random() * participants.length)];
		device.awareness.setLocalStateField('name', `Device ${Math.floor(this.#random() * 1000)}`);
	}

	destroy(): void {
		for (const device of this.devices) {
			device.presence.destroy();
			device.awareness.destroy();
		}
	}
}

beforeEach(() => {
	vi.useFakeTimers({ now: Date.UTC(2026, 4, 12, 9, 30) });
});
afterEach(() => {
	vi.useRealTimers();
});

describe('the shared clock in a room of 30 devices', () => {
	it.each([
		{ network: 'a quiet LAN', delay: (r: () => number) => 5 + r() * 40 },
		{ network: 'busy Wi-Fi', delay: (r: () => number) => 10 + r() * 400 },
		{ network: 'Wi-Fi with stalls', delay: (r: () => number) => (r() < 0.1 ? 800 + r() * 1500 : 20 + r() * 200) }
	])('keeps every timer within ±250 ms of the facilitator’s, on $network', async ({ delay }) => {
		const room = new SimulatedRoom(7, delay);
		const facilitator = room.join('facilitator', 0);
		for (let i = 1; i < 30; i++) {
			room.join('participant', i);
			await vi.advanceTimersByTimeAsync(300);
		}
		const churn = setInterval(() => room.churn(), 100);
		await vi.advanceTimersByTimeAsync(15_000);

		// The facilitator starts a ten-minute timer; every device shows it on its estimate.
		const timer: TimerState = { status: 'running', durationMs: 600_000, endsAt: facilitator.now() + 600_000 };
		let worst = 0;
		for (let step = 0; step < 600; step++) {
			await vi.advanceTimersByTimeAsync(97);
			const reference = remainingMs(timer, facilitator.presence.facilitatorNow());
			for (const device of room.devices) {
				worst = Math.max(worst, Math.abs(remainingMs(timer, device.presence.facilitatorNow()) - reference));
			}
		}
		clearInterval(churn);
		room.destroy();
		expect(worst).toBeLessThanOrEqual(250);
	});

	it('sends presence updates from the facilitator only, once per interval', async () => {
		const room = new SimulatedRoom(3, () => 20);
		room.join('facilitator', 0);
		for (let i = 1; i < 30; i++) room.join('participant', i);
		const writers = new Set<number>();
		let updates = 0;
		for (const device of room.devices) {
			device.awareness.on('update', (_: unknown, origin: unknown) => {
				if (origin !== 'local') return;
				writers.add(device.awareness.clientID);
				updates++;
			});
		}
		await vi.advanceTimersByTimeAsync(10_000);
		expect([...writers]).toEqual([room.devices[0].awareness.clientID]);
		expect(updates).toBe(5);
		room.destroy();
	});
});

describe('SessionPresence', () => {
	function pair() {
		const room = new SimulatedRoom(11, () => 0);
		const facilitator = room.join('facilitator', 0);
		const participant = room.join('participant', 1);
		return { room, facilitator, participant };
	}

	it('lists who is here, itself first, and whether the facilitator is', async () => {
		const { room, facilitator, participant } = pair();
		await vi.advanceTimersByTimeAsync(10);
		expect(participant.presence.present.map((p) => [p.participantId, p.self])).toEqual([
			['participant-1', true],
			['facilitator-0', false]
		]);
		expect(participant.presence.facilitatorPresent).toBe(true);
		expect(facilitator.presence.facilitatorPresent).toBe(false);
		facilitator.awareness.setLocalState(null);
		await vi.advanceTimersByTimeAsync(10);
		expect(participant.presence.facilitatorPresent).toBe(false);
		room.destroy();
	});

	it('runs on the facilitator’s clock, minutes apart from its own', async () => {
		const { room, facilitator, participant } = pair();
		expect(participant.presence.clockOffset).toBe(facilitator.skew - participant.skew);
		expect(participant.presence.facilitatorNow()).toBe(facilitator.now());
		expect(facilitator.presence.facilitatorNow()).toBe(facilitator.now());
		room.destroy();
	});

	it('stops publishing its clock when destroyed', async () => {
		const { room, facilitator } = pair();
		const before = facilitator.awareness.getLocalState()?.clock;
		facilitator.presence.destroy();
		await vi.advanceTimersByTimeAsync(5_000);
		expect(facilitator.awareness.getLocalState()?.clock).toBe(before);
		room.destroy();
	});
});

describe('presence states from peers', () => {
	it.each([
		{
			name: 'a participant',
			value: { participantId: 'p', role: 'participant' },
			state: { participantId: 'p', role: 'participant' }
		},
		{
			name: 'a facilitator with a clock and a name',
			value: { participantId: 'f', role: 'facilitator', name: ' Maija ', clock: 1_000 },
			state: { participantId: 'f', role: 'facilitator', name: 'Maija', clock: 1_000 }
		},
		{
			name: 'an unknown role counts as participant',
			value: { participantId: 'p', role: 'admin' },
			state: { participantId: 'p', role: 'participant' }
		},
		{
			name: 'a participant’s clock is ignored',
			value: { participantId: 'p', role: 'participant', clock: 5 },
			state: { participantId: 'p', role: 'participant' }
		},
		{
			name: 'a clock that is not a number is left out',
			value: { participantId: 'f', role: 'facilitator', clock: 'now' },
			state: { participantId: 'f', role: 'facilitator' }
		},
		{
			name: 'a blank or overlong name is left out',
			value: { participantId: 'p', name: 'x'.repeat(41) },
			state: { participantId: 'p', role: 'participant' }
		},
		{ name: 'no participant id', value: { role: 'facilitator' }, state: null },
		{ name: 'an overlong participant id', value: { participantId: 'p'.repeat(65) }, state: null },
		{ name: 'not an object', value: 'hello', state: null },
		{ name: 'a removed state', value: null, state: null }
	])('$name', ({ value, state }) => {
		expect(parsePresenceState(value)).toEqual(state);
	});

	it('reads the facilitator’s clock from another device only, lowest client id first', () => {
		const awareness = new Awareness(new Y.Doc());
		awareness.setLocalState({ participantId: 'me', role: 'facilitator', clock: 1 });
		expect(facilitatorReading(awareness)).toBeNull();
		const peer = (clientId: number, state: object) => {
			const doc = new Y.Doc();
			doc.clientID = clientId;
			const other = new Awareness(doc);
			other.setLocalState(state);
			applyAwarenessUpdate(awareness, encodeAwarenessUpdate(other, [clientId]), 'remote');
			other.destroy();
		};
		peer(900, { participantId: 'f2', role: 'facilitator', clock: 50 });
		peer(800, { participantId: 'f1', role: 'facilitator', clock: 40 });
		peer(100, { participantId: 'p', role: 'participant', clock: 10 });
		expect(facilitatorReading(awareness)).toEqual({ clientId: 800, clock: 40 });
		expect(readPresence(awareness).map((p) => p.participantId)).toEqual(['me', 'f2', 'f1', 'p']);
		awareness.destroy();
	});
});

describe('SessionPresence.seenKeys', () => {
	it('remembers every join key seen since the session opened, displays included, after they leave', () => {
		const key = (c: string) => c.repeat(87);
		const here = new Awareness(new Y.Doc());
		const presence = new SessionPresence({
			awareness: here,
			self: { participantId: 'f', role: 'facilitator', key: key('F') }
		});
		const others = ['P', 'D'].map((c) => {
			const awareness = new Awareness(new Y.Doc());
			awareness.setLocalState({
				participantId: c.toLowerCase(),
				role: c === 'D' ? 'presenter' : 'participant',
				key: key(c)
			});
			applyAwarenessUpdate(here, encodeAwarenessUpdate(awareness, [awareness.clientID]), 'remote');
			return awareness;
		});
		// The display is not one of the people here, but a room move must take it along.
		expect(presence.present.map((p) => p.key)).toEqual([key('F'), key('P')]);
		expect([...presence.seenKeys].sort()).toEqual([key('D'), key('F'), key('P')]);
		// Gone (asleep, or closed): still among the keys a move wraps to.
		removeAwarenessStates(
			here,
			others.map((a) => a.clientID),
			'remote'
		);
		expect(presence.present.map((p) => p.key)).toEqual([key('F')]);
		expect(presence.seenKeys.size).toBe(3);
		presence.destroy();
		here.destroy();
	});
});
