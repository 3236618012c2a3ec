/**
 * The name constraints that make the server's own authority safe to install on a museum tablet:
 * a certificate it signs is only accepted for local names and private addresses, so a stolen laptop
 * key cannot vouch for a bank or a search engine. The same list writes the extension (tls.ts) and
 * checks it (here, for tests and for spotting an old authority without it).
 *
 * RFC 5280 §4.2.1.10: a dNSName constraint "local" permits "local" and every name that adds labels
 * to its left ("laptop.local"); an iPAddress constraint is an address and a mask. A name type with
 * no permitted subtree stays unconstrained, which is why a DNS subtree must be present.
 */
import { BlockList, isIP } from 'node:net';
import { AsnConvert } from '@peculiar/asn1-schema';
import { GeneralName, GeneralSubtree, GeneralSubtrees, NameConstraints } from '@peculiar/asn1-x509';

export const NAME_CONSTRAINTS_OID = '2.5.29.30';

export interface PermittedNames {
	dns: string[];
	/** CIDR blocks, for example `10.0.0.0/8` or `fc00::/7`. */
	ip: string[];
}

export const LOCAL_NAMES: PermittedNames = {
	dns: ['localhost', 'local'],
	ip: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '127.0.0.0/8', '169.254.0.0/16', 'fc00::/7', 'fe80::/10']
};

/** DER of the NameConstraints value (the extension's payload, without the OID and criticality). */
export function encodeNameConstraints(names: PermittedNames): ArrayBuffer {
	const subtrees = [
		...names.dns.map((dNSName) => new GeneralSubtree({ base: new GeneralName({ dNSName }) })),
		...names.ip.map((iPAddress) => new GeneralSubtree({ base: new GeneralName({ iPAddress }) }))
	];
	return AsnConvert.serialize(new NameConstraints({ permittedSubtrees: new GeneralSubtrees(subtrees) }));
}

/** Reads the permitted subtrees back; excluded subtrees are reported so that a caller can refuse them. */
export function decodeNameConstraints(der: BufferSource): PermittedNames & { excluded: number } {
	const parsed = AsnConvert.parse(der, NameConstraints);
	const permitted: PermittedNames = { dns: [], ip: [] };
	for (const subtree of parsed.permittedSubtrees ?? []) {
		if (subtree.base.dNSName !== undefined) permitted.dns.push(subtree.base.dNSName);
		else if (subtree.base.iPAddress !== undefined) permitted.ip.push(subtree.base.iPAddress);
	}
	return { ...permitted, excluded: parsed.excludedSubtrees?.length ?? 0 };
}

function dnsPermitted(name: string, bases: string[]): boolean {
	const lower = name.toLowerCase().replace(/\.$/, '');
	return bases.some((base) => {
		const b = base.toLowerCase().replace(/^\./, '');
		return lower === b || lower.endsWith(`.${b}`);
	});
}

function ipPermitted(address: string, blocks: string[]): boolean {
	const list = new BlockList();
	for (const block of blocks) {
		const [network, prefix] = block.split('/');
		const type = isIP(network) === 6 ? 'ipv6' : 'ipv4';
		list.addSubnet(network, Number(prefix), type);
	}
	return list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/** Whether a certificate for `name` (a DNS name or an IP address) falls inside the constraints. */
export function isPermitted(name: string, permitted: PermittedNames): boolean {
	// As in OpenSSL and Go, IPv4 and IPv6 blocks are one name type: any IP block constrains both.
	if (isIP(name)) return permitted.ip.length === 0 || ipPermitted(name, permitted.ip);
	return permitted.dns.length === 0 || dnsPermitted(name, permitted.dns);
}
