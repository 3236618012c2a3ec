import type { PageLoad } from './$types';

// Plain data only: `load` also runs when a link to this page is hovered. The page opens the live
// session itself when it mounts (`PageSession`).
export const load: PageLoad = ({ params }) => ({ id: params.id });
