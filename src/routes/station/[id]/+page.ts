import type { PageLoad } from './$types';

// Plain data only: the page reads the station from this device's storage when it mounts.
export const load: PageLoad = ({ params }) => ({ id: params.id });
