import { getStation } from '$lib/storage/stations';
import type { PageLoad } from './$types';

// Plain data only: the station's row as this device stored it (null where it has none). The page
// owns what lives while it shows (the kiosk, the screen kept on).
export const load: PageLoad = async ({ params }) => ({ station: (await getStation(params.id)) ?? null });
