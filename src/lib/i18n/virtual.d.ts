declare module 'virtual:kohtaamo-messages/*' {
	import type { Message } from './define';
	/** Every message of one language, by key (see messages-plugin.node.ts). */
	const messages: Readonly<Record<string, Message>>;
	export default messages;
}
