/**
 * One attempt at a direct WebRTC connection to one peer: an RTCPeerConnection with a single
 * reliable, ordered data channel that carries chunked peer messages.
 *
 * Why plain, standards-only WebRTC: it is the part that can only be tested in real browsers, so it
 * does exactly what every browser supports — `createDataChannel` on the initiating side, trickled ICE
 * candidates through `onicecandidate`, candidates that arrive before the remote description queued
 * until it is set. The peer with the smaller id initiates (no glare). Each attempt is numbered by the
 * initiator; signals for another attempt are ignored by the owner. Failures are reported once through
 * `onFail`; the owner falls back to the relay and decides when to try again.
 */
import { ChannelSender } from './channel-sender.ts';
import { Reassembler, type ChunkDropReason } from './chunking.ts';
import type { SyncTuning } from './limits.ts';
import type { DirectSignal } from './room-messages.ts';
import type { DataChannelLike, PeerConnectionConstructor, PeerConnectionLike, SyncLog } from './types.ts';

export const CHANNEL_LABEL = 'kohtaamo-sync';
/** ICE candidates held while the remote description is not set yet. */
const MAX_PENDING_CANDIDATES = 64;
const MAX_CHUNKS = 65_536;

export interface DirectLinkOptions {
	RTCPeerConnection: PeerConnectionConstructor;
	iceServers: RTCIceServer[];
	initiator: boolean;
	attempt: number;
	peerId: string;
	tuning: SyncTuning;
	log: SyncLog;
	sendSignal(signal: DirectSignal): void;
	onOpen(): void;
	onPayload(payload: Uint8Array<ArrayBuffer>): void;
	/** A chunk of a message arrived; the message is not complete yet. */
	onProgress(): void;
	onFail(reason: string): void;
}

export class DirectLink {
	readonly attempt: number;
	readonly initiator: boolean;
	readonly startedAt = Date.now();
	lastReceivedAt = 0;
	lastSentAt = 0;
	readonly #o: DirectLinkOptions;
	readonly #pc: PeerConnectionLike;
	readonly #inbox: Reassembler;
	#channel: DataChannelLike | null = null;
	#sender: ChannelSender | null = null;
	/** An offer/answer arrived (refuse a second); `#remoteApplied` once it is set on the connection. */
	#remoteSet = false;
	#remoteApplied = false;
	#pendingCandidates: RTCIceCandidateInit[] = [];
	#state: 'connecting' | 'open' | 'closed' = 'connecting';

	constructor(options: DirectLinkOptions) {
		this.#o = options;
		this.attempt = options.attempt;
		this.initiator = options.initiator;
		const t = options.tuning;
		this.#inbox = new Reassembler(
			{
				maxMessageBytes: t.maxMessageBytes,
				maxChunks: MAX_CHUNKS,
				maxPartials: t.maxPartialMessages,
				maxPendingBytes: t.maxMessageBytes,
				staleMs: t.partialStaleMs
			},
			(reason) => this.#drop(reason)
		);
		const pc = new options.RTCPeerConnection({ iceServers: options.iceServers });
		this.#pc = pc;
		pc.onicecandidate = (event) =>
			this.#guard(() => {
				const c = event.candidate;
				if (!c || !c.candidate || this.#state === 'closed') return;
				const candidate: RTCIceCandidateInit = {
					candidate: c.candidate,
					sdpMid: c.sdpMid ?? null,
					sdpMLineIndex: c.sdpMLineIndex ?? null,
					usernameFragment: c.usernameFragment ?? null
				};
				options.sendSignal({ attempt: this.attempt, candidate });
			});
		pc.onconnectionstatechange = () =>
			this.#guard(() => {
				if (pc.connectionState === 'failed' || pc.connectionState === 'closed') {
					this.#fail(`connection ${pc.connectionState}`);
				}
			});
		pc.ondatachannel = (event) =>
			this.#guard(() => {
				if (this.initiator || this.#channel || event.channel.label !== CHANNEL_LABEL) {
					event.channel.close();
					return;
				}
				this.#attach(event.channel);
			});
	}

	get isOpen(): boolean {
		return this.#state === 'open';
	}

	get isClosed(): boolean {
		return this.#state === 'closed';
	}

	/** Bytes queued but not yet handed to the data channel. */
	get queuedBytes(): number {
		return this.#sender?.queuedBytes ?? 0;
	}

	/** Initiator only: opens the data channel and sends the offer. */
	start(): void {
		if (!this.initiator) return;
		this.#attach(this.#pc.createDataChannel(CHANNEL_LABEL, { ordered: true }));
		this.#run('offer', async () => {
			const offer = await this.#pc.createOffer();
			await this.#pc.setLocalDescription(offer);
			if (this.#state === 'closed' || offer.sdp === undefined) return;
			this.#o.sendSignal({ attempt: this.attempt, description: { type: 'offer', sdp: offer.sdp } });
		});
	}

	/** Applies an offer, answer or candidate for this attempt from the remote peer. */
	handleSignal(signal: DirectSignal): void {
		if (this.#state === 'closed') return;
		const description = signal.description;
		if (description) {
			const expected = this.initiator ? 'answer' : 'offer';
			if (description.type !== expected || this.#remoteSet) {
				this.#o.log({ type: 'dropped', reason: 'bad-signal', source: 'signaling', peerId: this.#o.peerId });
				return;
			}
			this.#remoteSet = true;
			this.#run(description.type, async () => {
				await this.#pc.setRemoteDescription(description);
				this.#remoteApplied = true;
				await this.#flushCandidates();
				if (this.initiator) return;
				const answer = await this.#pc.createAnswer();
				await this.#pc.setLocalDescription(answer);
				if (this.#state === 'closed' || answer.sdp === undefined) return;
				this.#o.sendSignal({ attempt: this.attempt, description: { type: 'answer', sdp: answer.sdp } });
			});
		}
		if (signal.candidate) {
			if (this.#remoteApplied) void this.#addCandidate(signal.candidate);
			else if (this.#pendingCandidates.length < MAX_PENDING_CANDIDATES) this.#pendingCandidates.push(signal.candidate);
		}
	}

	/** Queues a whole peer message; false when the link is not open or its queue is full. */
	send(payload: Uint8Array): boolean {
		if (this.#state !== 'open' || !this.#sender) return false;
		this.lastSentAt = Date.now();
		return this.#sender.send(payload);
	}

	/** Periodic care: resumes a stalled sender, drops partial messages that stopped arriving. */
	tick(now: number): void {
		this.#sender?.pump();
		this.#inbox.sweep(now);
	}

	/**
	 * Closes the connection. With `farewell`, that message is sent first and the connection closed a
	 * moment later, so it can still leave the send buffer (used when leaving the room).
	 */
	close(farewell?: Uint8Array): void {
		if (this.#state === 'closed') return;
		const wasOpen = this.#state === 'open';
		this.#state = 'closed';
		const pc = this.#pc;
		const channel = this.#channel;
		pc.onicecandidate = pc.onconnectionstatechange = pc.ondatachannel = null;
		if (channel) channel.onopen = channel.onmessage = channel.onclose = channel.onbufferedamountlow = null;
		this.#inbox.clear();
		// The farewell goes as a chunk like every other message: sent raw, the peer's reassembler
		// refused it as malformed and only noticed the departure when the channel closed.
		if (farewell && wasOpen && channel && this.#sender?.sendLast(farewell)) {
			setTimeout(() => shut(pc, channel), 250);
			return;
		}
		this.#sender?.clear();
		shut(pc, channel);
	}

	#attach(channel: DataChannelLike): void {
		this.#channel = channel;
		channel.binaryType = 'arraybuffer';
		const t = this.#o.tuning;
		this.#sender = new ChannelSender(
			channel,
			{
				chunkBytes: t.channelChunkBytes,
				highWaterBytes: t.channelHighWaterBytes,
				lowWaterBytes: t.channelLowWaterBytes,
				maxQueuedBytes: t.maxMessageBytes
			},
			(error) => this.#fail(`send failed: ${String(error)}`)
		);
		channel.onopen = () => this.#guard(() => this.#opened());
		channel.onclose = () => this.#guard(() => this.#fail('channel closed'));
		channel.onerror = () => {
			// Always followed by close (or a failed connection), which is where we act.
		};
		channel.onbufferedamountlow = () => this.#guard(() => this.#sender?.pump());
		channel.onmessage = (event) => this.#guard(() => this.#receive(event.data));
		if (channel.readyState === 'open') queueMicrotask(() => this.#guard(() => this.#opened()));
	}

	#opened(): void {
		if (this.#state !== 'connecting') return;
		this.#state = 'open';
		this.lastReceivedAt = Date.now();
		this.#o.onOpen();
	}

	#receive(data: unknown): void {
		if (this.#state !== 'open') return;
		this.lastReceivedAt = Date.now();
		let bytes: Uint8Array<ArrayBuffer>;
		if (data instanceof ArrayBuffer) bytes = new Uint8Array(data);
		else if (data instanceof Uint8Array && data.buffer instanceof ArrayBuffer) bytes = new Uint8Array(data);
		else return this.#drop('chunk-malformed');
		const result = this.#inbox.push(bytes);
		if (result.status === 'dropped') this.#drop(result.reason);
		else if (result.status === 'partial') this.#o.onProgress();
		else this.#o.onPayload(result.message);
	}

	async #flushCandidates(): Promise<void> {
		const pending = this.#pendingCandidates;
		this.#pendingCandidates = [];
		for (const candidate of pending) await this.#addCandidate(candidate);
	}

	async #addCandidate(candidate: RTCIceCandidateInit): Promise<void> {
		try {
			await this.#pc.addIceCandidate(candidate);
		} catch (error) {
			// One unusable candidate (an unresolvable mDNS name, say) is not a failed connection.
			this.#o.log({
				type: 'dropped',
				reason: 'bad-signal',
				source: 'signaling',
				peerId: this.#o.peerId,
				detail: String(error)
			});
		}
	}

	#run(step: string, task: () => Promise<void>): void {
		task().catch((error: unknown) => this.#fail(`${step} failed: ${String(error)}`));
	}

	#fail(reason: string): void {
		if (this.#state === 'closed') return;
		this.close();
		this.#o.onFail(reason);
	}

	#drop(reason: ChunkDropReason): void {
		this.#o.log({ type: 'dropped', reason, source: 'direct', peerId: this.#o.peerId });
	}

	#guard(fn: () => void): void {
		try {
			fn();
		} catch (error) {
			this.#o.log({ type: 'error', where: 'direct-link', detail: String(error) });
		}
	}
}

function shut(pc: PeerConnectionLike, channel: DataChannelLike | null): void {
	try {
		channel?.close();
	} catch {
		// Closing twice is harmless; some browsers throw anyway.
	}
	try {
		pc.close();
	} catch {
		// As above.
	}
}
