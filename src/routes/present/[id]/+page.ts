import type { PageLoad } from './$types';

// Plain data only: the page joins the room itself when it mounts (`PresenterSession`).
export const load: PageLoad = ({ params }) => ({ id: params.id });
