import type { WorkshopTemplate } from '../methods/templates';

/** A facilitator's own workshop template, kept on this device. */
export interface StoredTemplate {
	id: string;
	template: WorkshopTemplate;
	createdAt: number;
	updatedAt: number;
}
