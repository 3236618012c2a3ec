import { countSessions } from '$lib/storage/device-data';
import { readSetting } from '$lib/storage/settings';
import type { PageLoad } from './$types';

export const load: PageLoad = async () => {
	const [retentionDays, signalingUrl, iceServers, sessionCount, statementContact] = await Promise.all([
		readSetting('retentionDays'),
		readSetting('signalingUrl'),
		readSetting('iceServers'),
		countSessions(),
		readSetting('statementContact')
	]);
	return { retentionDays, signalingUrl, iceServers, sessionCount, statementContact };
};
