import type { Present } from '$lib/ui/session/presence';

/** A short code for a device's signing key, shown on that device and in the facilitator's list of
 * devices, so the facilitator picks the right one even in an anonymous session. The key's start is
 * the same for every key (its format byte), so the code comes from its end. */
export const deviceCode = (publicKey: string): string => publicKey.slice(-6);

/** The other devices here that the facilitator can act on (those with a signing key), each with the
 * label the side panel shows: the name and the code, or the code alone in `unnamed` where there is
 * no name. */
export function otherDevices(
	present: readonly Present[],
	unnamed: (code: string) => string
): { key: string; label: string }[] {
	return present
		.filter((p): p is Present & { key: string } => !p.self && !!p.key)
		.map((p) => {
			const code = deviceCode(p.key);
			return { key: p.key, label: p.name ? `${p.name} (${code})` : unnamed(code) };
		});
}
