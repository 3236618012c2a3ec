import type { Method } from '../methods/types';

/** A facilitator's own method, kept on this device. `basedOn` names the built-in it was copied from. */
export interface StoredMethod {
	id: string;
	method: Method;
	basedOn?: string;
	createdAt: number;
	updatedAt: number;
}
