/** A short code for a device's signing key, shown on that device and in the facilitator's list of
 * devices, so the facilitator picks the right one even in an anonymous session. The key's start is
 * the same for every key (its format byte), so the code comes from its end. */
export const deviceCode = (publicKey: string): string => publicKey.slice(-6);
