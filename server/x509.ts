/**
 * `@peculiar/x509`, loaded after the small part of the Reflect metadata API its dependency
 * tsyringe insists on at import time. The library never uses decorator metadata itself (it is
 * built without it), so three functions over a WeakMap are all tsyringe needs; this spares the
 * server a polyfill package. Import x509 from here, never directly.
 */
type Target = object;
interface MetadataApi {
	defineMetadata?: (key: unknown, value: unknown, target: Target) => void;
	getOwnMetadata?: (key: unknown, target: Target) => unknown;
	getMetadata?: (key: unknown, target: Target) => unknown;
}

const api = Reflect as unknown as MetadataApi;
if (!api.getMetadata) {
	const store = new WeakMap<Target, Map<unknown, unknown>>();
	api.defineMetadata = (key, value, target) => {
		let own = store.get(target);
		if (!own) store.set(target, (own = new Map()));
		own.set(key, value);
	};
	api.getOwnMetadata = (key, target) => store.get(target)?.get(key);
	api.getMetadata = (key, target) => {
		for (let t: Target | null = target; t; t = Object.getPrototypeOf(t) as Target | null) {
			const own = store.get(t);
			if (own?.has(key)) return own.get(key);
		}
		return undefined;
	};
}

export const x509 = await import('@peculiar/x509');
