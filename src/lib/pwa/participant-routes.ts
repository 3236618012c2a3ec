/**
 * The routes a participant's phone uses. Everything else (home, planner, run view, methods,
 * settings) is the facilitator's: a page there asks the service worker to keep the whole app, while
 * a phone that only ever opened a join link keeps just what these routes need.
 */
// The accessibility statement too: every page links to it, and a phone that opens it is still a
// participant's.
export const PARTICIPANT_ROUTES = ['/join', '/participate/[id]', '/accessibility'] as const;

/** Whether a SvelteKit route id (`page.route.id`) belongs to a participant. An unknown route (a
 * 404) counts as neither: it asks for nothing. */
export function isParticipantRoute(routeId: string | null | undefined): boolean {
	return PARTICIPANT_ROUTES.some((route) => routeId === route);
}

/** The build writes the participant's file list here (relative to the app's base path); the
 * service worker reads it when it installs. */
export const PARTICIPANT_FILES = '_app/participant-files.json';

/** What that file holds: the app version it belongs to, and paths relative to the base path. */
export interface ParticipantFiles {
	version: string;
	files: string[];
}
