import { isIPv4, isIPv6 } from 'node:net';

/**
 * The address a per-IP sign-in limit counts under. IPv4 as is (an IPv4-mapped IPv6 address as its
 * IPv4 form); IPv6 by its /64 network, because one customer line gets a whole /64 and could
 * otherwise take a fresh address for every guess.
 */
export function signInAddressKey(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  return `${expandIPv6(ip).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, without leading zeros ("2001:db8::1" → 2001, db8, 0, …, 1). */
function expandIPv6(ip: string): string[] {
  const withoutZone = ip.split('%')[0]!.toLowerCase();
  const [head = '', tail] = withoutZone.split('::');
  const groups = (part: string) => (part ? part.split(':') : []);
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  // An IPv4 tail (e.g. 64:ff9b::192.0.2.1) is two groups.
  const last = right.length ? right : left;
  const dotted = last.at(-1);
  if (dotted?.includes('.')) {
    const [a, b, c, d] = dotted.split('.').map(Number) as [number, number, number, number];
    last.splice(-1, 1, ((a << 8) | b).toString(16), ((c << 8) | d).toString(16));
  }
  const zeros = Array.from({ length: 8 - left.length - right.length }, () => '0');
  return [...left, ...(tail === undefined ? [] : zeros), ...right].map((g) => Number.parseInt(g, 16).toString(16));
}
