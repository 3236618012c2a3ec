/**
 * Injected into the app's pages by bench/latency.ts: writes a note through the note dialog on the
 * writing device and records when its text appears in the reading device's DOM, both on the
 * shared wall clock (`performance.timeOrigin + now`: both pages run on the same machine).
 */
interface NoteTiming {
	/** Reader: start watching the DOM for `text`; `arrival` resolves with when it appeared. */
	expect(text: string): void;
	arrival(timeoutMs: number): Promise<number | null>;
	/** Writer: opens the note dialog, types `text`, returns the centre of the Save button. */
	prepare(text: string): Promise<{ x: number; y: number } | null>;
	/** Writer: when the last Save click happened (its input event) and when the form was submitted
	 * (the note command runs inside that submit handler). */
	saved(): { click: number; command: number };
	/** Marks a command made outside the note dialog (the baseline's write) and returns its time. */
	begin(): number;
	/** When this page last sent and last received a message on a data channel or WebSocket. */
	wire(): { sent: number; received: number };
}

const clock = () => performance.timeOrigin + performance.now();
const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

let pending: string | null = null;
let arrived: number | null = null;
let wake: (() => void) | null = null;
let observer: MutationObserver | null = null;

function check() {
	if (pending !== null && arrived === null && document.body.textContent?.includes(pending)) {
		arrived = clock();
		wake?.();
	}
}

// Where the time goes: the first message this page sends after a note command, and the last one
// it received. Listeners are added as each socket or channel is made, before the app's own, so a
// receive is marked before the app handles it.
let sent = 0;
let received = 0;
const onReceive = () => (received = clock());
const onSend = () => {
	if (!sent) sent = clock();
};
const RealSocket = globalThis.WebSocket;
globalThis.WebSocket = class extends RealSocket {
	constructor(url: string | URL, protocols?: string | string[]) {
		super(url, protocols);
		this.addEventListener('message', onReceive);
	}
	send(data: Parameters<WebSocket['send']>[0]) {
		onSend();
		super.send(data);
	}
};
const RealPeerConnection = globalThis.RTCPeerConnection as typeof RTCPeerConnection | undefined;
if (typeof RealPeerConnection === 'function') {
	const realSend = RTCDataChannel.prototype.send;
	RTCDataChannel.prototype.send = function (this: RTCDataChannel, ...args: Parameters<RTCDataChannel['send']>) {
		onSend();
		return realSend.apply(this, args);
	} as RTCDataChannel['send'];
	globalThis.RTCPeerConnection = class extends RealPeerConnection {
		constructor(config?: RTCConfiguration) {
			super(config);
			this.addEventListener('datachannel', (event) => event.channel.addEventListener('message', onReceive));
		}
		createDataChannel(label: string, init?: RTCDataChannelInit) {
			const channel = super.createDataChannel(label, init);
			channel.addEventListener('message', onReceive);
			return channel;
		}
	};
}

let click = 0;
let command = 0;
addEventListener(
	'click',
	(event) => {
		if (event.target instanceof HTMLButtonElement && event.target.type === 'submit')
			click = performance.timeOrigin + event.timeStamp;
	},
	true
);
const begin = () => {
	command = clock();
	sent = 0;
	return command;
};
addEventListener('submit', begin, true);

const timing: NoteTiming = {
	expect(text) {
		pending = text;
		arrived = null;
		if (!observer) {
			observer = new MutationObserver(check);
			observer.observe(document.body, { childList: true, subtree: true, characterData: true });
		}
		check();
	},
	async arrival(timeoutMs) {
		if (arrived === null)
			await new Promise<void>((resolve) => {
				wake = resolve;
				setTimeout(resolve, timeoutMs);
			});
		wake = null;
		return arrived;
	},
	async prepare(text) {
		const add = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === '+ Add note');
		if (!add) return null;
		add.click();
		let dialog: HTMLDialogElement | null = null;
		for (let i = 0; i < 50 && !dialog; i++) {
			await frame();
			dialog = document.querySelector('dialog[open]');
		}
		const field = dialog?.querySelector('textarea');
		const save = dialog?.querySelector<HTMLButtonElement>('button[type="submit"]');
		if (!field || !save) return null;
		field.value = text;
		field.dispatchEvent(new Event('input', { bubbles: true }));
		for (let i = 0; i < 50 && save.disabled; i++) await frame();
		await frame();
		const box = save.getBoundingClientRect();
		return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
	},
	saved: () => ({ click, command }),
	begin,
	wire: () => ({ sent, received })
};

(globalThis as unknown as { kohtaamoNoteTiming: NoteTiming }).kohtaamoNoteTiming = timing;
