import type { MessageKey } from '$lib/i18n/catalog';
import type { NoteColor } from '$lib/board/types';

export const colorLabel = (color: NoteColor): MessageKey => `note.color.${color}`;
