/** Message keys for the library's enumerations, in one place for every component. */
import type { MessageKey } from '$lib/i18n/catalog';
import type { Audience, BoardTemplate, Phase } from '$lib/methods/types';

export const phaseLabel = (phase: Phase): MessageKey => `methods.phase.${phase}`;
export const audienceLabel = (audience: Audience): MessageKey => `methods.audience.${audience}`;
export const templateLabel = (template: BoardTemplate): MessageKey => `methods.template.${template}`;
