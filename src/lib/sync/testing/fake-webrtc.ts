/**
 * An in-memory stand-in for RTCPeerConnection, so the direct path can be exercised in Node.
 *
 * Why it is strict: it is only worth having if it fails where browsers fail. Like Chromium it refuses
 * data-channel messages over 256 KiB, rejects `addIceCandidate` before the remote description is set,
 * rejects an answer without a pending offer, throws on `send` before the channel is open, and drains
 * its send buffer over time (firing `bufferedamountlow`), so flow control is real. The `FakeNetwork`
 * can block connections (client-isolating Wi-Fi) or cut established ones silently.
 */
import type { DataChannelLike, PeerConnectionConstructor, PeerConnectionLike } from '../types.ts';

export class FakeNetwork {
	/** New connections never complete ICE while blocked. */
	blocked = false;
	/** The constructor throws, as browsers do for a malformed ICE server. */
	refuseNew = false;
	/** Established channels stop delivering (no close event) while cut. */
	cut = false;
	maxMessageBytes = 256 * 1024;
	/** Bytes a channel delivers per macrotask. */
	bytesPerTurn = 256 * 1024;
	/** Largest message and largest send buffer seen, for assertions. */
	largestMessage = 0;
	largestBuffered = 0;
	connectionsCreated = 0;
	readonly #byId = new Map<number, FakePeerConnection>();

	readonly #blockedPairs = new Set<string>();

	/** A constructor bound to this network, for the device called `device`, to pass as `RTCPeerConnection`. */
	for(device: string): PeerConnectionConstructor {
		// eslint-disable-next-line @typescript-eslint/no-this-alias -- the class below closes over its network
		const network = this;
		return class extends FakePeerConnection {
			constructor(config: RTCConfiguration) {
				super(network, config, device);
			}
		};
	}

	/** Direct connections between these two devices never complete (e.g. they are on different subnets). */
	block(deviceA: string, deviceB: string): void {
		this.#blockedPairs.add([deviceA, deviceB].sort().join('|'));
	}

	canConnect(deviceA: string, deviceB: string): boolean {
		return !this.blocked && !this.#blockedPairs.has([deviceA, deviceB].sort().join('|'));
	}

	register(pc: FakePeerConnection): number {
		const id = ++this.connectionsCreated;
		this.#byId.set(id, pc);
		return id;
	}

	find(id: number): FakePeerConnection | undefined {
		return this.#byId.get(id);
	}
}

type Event = Record<string, never>;
const later = (fn: () => void, ms = 0) => setTimeout(fn, ms);

export class FakeDataChannel implements DataChannelLike {
	readonly label: string;
	readyState: RTCDataChannelState = 'connecting';
	bufferedAmount = 0;
	bufferedAmountLowThreshold = 0;
	binaryType = 'blob';
	onopen: ((event: Event) => void) | null = null;
	onclose: ((event: Event) => void) | null = null;
	onerror: ((event: Event) => void) | null = null;
	onmessage: ((event: { data: unknown }) => void) | null = null;
	onbufferedamountlow: ((event: Event) => void) | null = null;
	remote: FakeDataChannel | null = null;
	readonly #network: FakeNetwork;
	readonly #outbox: ArrayBuffer[] = [];
	#pumping = false;

	constructor(network: FakeNetwork, label: string) {
		this.#network = network;
		this.label = label;
	}

	send(data: Uint8Array<ArrayBuffer>): void {
		if (this.readyState !== 'open') throw new DOMException('channel not open', 'InvalidStateError');
		if (data.byteLength > this.#network.maxMessageBytes) throw new TypeError('message too large');
		this.#network.largestMessage = Math.max(this.#network.largestMessage, data.byteLength);
		this.#outbox.push(data.slice().buffer);
		this.bufferedAmount += data.byteLength;
		this.#network.largestBuffered = Math.max(this.#network.largestBuffered, this.bufferedAmount);
		this.#schedule();
	}

	close(): void {
		if (this.readyState === 'closed') return;
		this.readyState = 'closed';
		later(() => this.onclose?.({}));
		const remote = this.remote;
		if (remote && remote.readyState !== 'closed') {
			remote.readyState = 'closed';
			later(() => remote.onclose?.({}));
		}
	}

	open(): void {
		if (this.readyState !== 'connecting') return;
		this.readyState = 'open';
		later(() => this.onopen?.({}));
	}

	#schedule(): void {
		if (this.#pumping) return;
		this.#pumping = true;
		later(() => this.#deliver());
	}

	#deliver(): void {
		this.#pumping = false;
		if (this.readyState !== 'open' || this.#network.cut) {
			if (this.readyState === 'open' && this.#outbox.length > 0) later(() => this.#schedule(), 20);
			return;
		}
		let budget = this.#network.bytesPerTurn;
		while (this.#outbox.length > 0 && budget > 0) {
			const message = this.#outbox.shift() as ArrayBuffer;
			budget -= message.byteLength;
			const before = this.bufferedAmount;
			this.bufferedAmount -= message.byteLength;
			const remote = this.remote;
			if (remote && remote.readyState === 'open') remote.onmessage?.({ data: message });
			if (before > this.bufferedAmountLowThreshold && this.bufferedAmount <= this.bufferedAmountLowThreshold) {
				this.onbufferedamountlow?.({});
			}
		}
		if (this.#outbox.length > 0) this.#schedule();
	}
}

export class FakePeerConnection implements PeerConnectionLike {
	connectionState: RTCPeerConnectionState = 'new';
	onicecandidate: ((event: { candidate: RTCIceCandidateInit | null }) => void) | null = null;
	ondatachannel: ((event: { channel: DataChannelLike }) => void) | null = null;
	onconnectionstatechange: ((event: Event) => void) | null = null;
	readonly id: number;
	readonly #network: FakeNetwork;
	#local: RTCSessionDescriptionInit | null = null;
	#remote: RTCSessionDescriptionInit | null = null;
	#remoteCandidateSeen = false;
	#channels: FakeDataChannel[] = [];

	readonly device: string;

	constructor(network: FakeNetwork, _config: RTCConfiguration, device: string) {
		if (network.refuseNew) throw new DOMException('bad ICE server URL', 'SyntaxError');
		this.#network = network;
		this.device = device;
		this.id = network.register(this);
	}

	createDataChannel(label: string): DataChannelLike {
		const channel = new FakeDataChannel(this.#network, label);
		this.#channels.push(channel);
		return channel;
	}

	async createOffer(): Promise<RTCSessionDescriptionInit> {
		return { type: 'offer', sdp: `fake ${this.id}` };
	}

	async createAnswer(): Promise<RTCSessionDescriptionInit> {
		if (this.#remote?.type !== 'offer') throw new DOMException('no remote offer', 'InvalidStateError');
		return { type: 'answer', sdp: `fake ${this.id}` };
	}

	async setLocalDescription(description: RTCSessionDescriptionInit): Promise<void> {
		this.#assertOpen();
		this.#local = description;
		this.connectionState = 'connecting';
		later(() => {
			if (this.connectionState === 'closed') return;
			this.onicecandidate?.({ candidate: { candidate: `candidate:${this.id}`, sdpMid: '0', sdpMLineIndex: 0 } });
			this.onicecandidate?.({ candidate: null });
		});
	}

	async setRemoteDescription(description: RTCSessionDescriptionInit): Promise<void> {
		this.#assertOpen();
		if (description.type === 'answer' && this.#local?.type !== 'offer') {
			throw new DOMException('answer without a local offer', 'InvalidStateError');
		}
		this.#remote = description;
		this.#tryConnect();
	}

	async addIceCandidate(candidate: RTCIceCandidateInit): Promise<void> {
		this.#assertOpen();
		if (!this.#remote) throw new DOMException('The remote description was null', 'InvalidStateError');
		if (candidate.candidate === `candidate:${this.#remoteId()}`) this.#remoteCandidateSeen = true;
		this.#tryConnect();
	}

	close(): void {
		if (this.connectionState === 'closed') return;
		this.connectionState = 'closed';
		for (const channel of this.#channels) channel.close();
	}

	get remoteCandidateSeen(): boolean {
		return this.#remoteCandidateSeen;
	}

	get ready(): boolean {
		return this.#local !== null && this.#remote !== null && this.#remoteCandidateSeen;
	}

	#remoteId(): number {
		return Number((this.#remote?.sdp ?? '').replace('fake ', ''));
	}

	#tryConnect(): void {
		const remote = this.#network.find(this.#remoteId());
		if (!remote || !this.ready || !remote.ready || !this.#network.canConnect(this.device, remote.device)) return;
		if (this.connectionState === 'connected' || this.connectionState === 'closed') return;
		if (remote.connectionState === 'closed') return;
		later(() => {
			if (this.connectionState === 'closed' || remote.connectionState === 'closed') return;
			const offerer = this.#local?.type === 'offer' ? this : remote;
			const answerer = offerer === this ? remote : this;
			offerer.#setConnected();
			answerer.#setConnected();
			for (const channel of offerer.#channels) {
				const twin = new FakeDataChannel(this.#network, channel.label);
				twin.remote = channel;
				channel.remote = twin;
				answerer.#channels.push(twin);
				answerer.ondatachannel?.({ channel: twin });
				channel.open();
				twin.open();
			}
		}, 5);
	}

	#setConnected(): void {
		this.connectionState = 'connected';
		this.onconnectionstatechange?.({});
	}

	#assertOpen(): void {
		if (this.connectionState === 'closed') throw new DOMException('connection closed', 'InvalidStateError');
	}
}
