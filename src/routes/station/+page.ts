import type { PageLoad } from './$types';

// Plain data only: the question and the session come from the run view's link.
export const load: PageLoad = ({ url }) => ({
	question: url.searchParams.get('question') ?? '',
	sessionId: url.searchParams.get('session') ?? undefined,
	activityId: url.searchParams.get('activity') ?? undefined
});
