import { countSessions } from '$lib/storage/device-data';
import { readSetting } from '$lib/storage/settings';
import type { PageLoad } from './$types';

export const load: PageLoad = async () => {
	const [retentionDays, signalingUrl, iceServers, sessionCount] = await Promise.all([
		readSetting('retentionDays'),
		readSetting('signalingUrl'),
		readSetting('iceServers'),
		countSessions()
	]);
	return { retentionDays, signalingUrl, iceServers, sessionCount };
};
