import ipaddr from 'ipaddr.js';

/**
 * The admin's exceptions to the outbound guard: IP addresses, CIDR ranges and host names (an
 * on-premise mail server on 10.x is common). A host name entry allows that name whatever it
 * resolves to; an address or range allows what falls in it, whatever name led there.
 */
const hostName = /^(?=.{1,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?)(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?)*\.?$/i;

export function isOutboundAllowEntry(entry: string): boolean {
  const value = entry.trim();
  if (value.includes('/')) return ipaddr.isValidCIDR(value);
  return ipaddr.isValid(value) || hostName.test(value);
}

export type OutboundAllowlist = { names: ReadonlySet<string>; ranges: ReadonlyArray<[ipaddr.IPv4 | ipaddr.IPv6, number]> };

export function parseAllowlist(entries: readonly string[]): OutboundAllowlist {
  const names = new Set<string>();
  const ranges: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]> = [];
  for (const raw of entries) {
    const value = raw.trim().toLowerCase();
    if (!value) continue;
    if (value.includes('/')) ranges.push(ipaddr.parseCIDR(value));
    else if (ipaddr.isValid(value)) {
      const address = ipaddr.parse(value);
      ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else names.add(value.replace(/\.$/, ''));
  }
  return { names, ranges };
}

export function allowsName(list: OutboundAllowlist, host: string): boolean {
  return list.names.has(host.trim().toLowerCase().replace(/\.$/, ''));
}

/** IPv4-mapped forms (::ffff:10.0.0.5) match IPv4 entries, as the connection goes to the IPv4 address. */
export function allowsAddress(list: OutboundAllowlist, address: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  const plain = address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() ? (address as ipaddr.IPv6).toIPv4Address() : address;
  return list.ranges.some(([base, bits]) => base.kind() === plain.kind() && plain.match(base, bits));
}
