import { readSetting } from '$lib/storage/settings';
import type { PageLoad } from './$types';

export const load: PageLoad = async () => ({ contact: await readSetting('statementContact') });
