import { listSessions } from '$lib/storage/sessions';
import type { PageLoad } from './$types';

export const load: PageLoad = async () => ({ sessions: await listSessions() });
