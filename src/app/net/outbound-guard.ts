import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { allowsAddress, allowsName, parseAllowlist } from './outbound-allowlist.js';

/**
 * The one gate for outbound connections to hosts that users type in (mailbox SMTP/IMAP now,
 * webhooks later). It resolves the name, refuses every address that is not plain public unicast
 * (loopback, private, CGNAT, link-local incl. cloud metadata 169.254.169.254, 0.0.0.0/8,
 * multicast, reserved, unique-local and link-local IPv6, and IPv4 hidden inside IPv6 forms) unless
 * an admin allowlisted it, and returns the address to connect to. Callers connect to that address
 * and keep the name only for TLS (SNI, certificate check), so a DNS answer that changes between
 * check and connect (rebinding) cannot redirect the connection.
 */
export type ResolveHost = (host: string) => Promise<Array<{ address: string; family: number }>>;

export type OutboundPolicy = {
  /** Config entries plus the admin's setting, read on use. */
  allow: readonly string[];
  /** Injectable for tests (a name that resolves to 127.0.0.1); the system resolver (getaddrinfo, /etc/hosts) otherwise. */
  resolve?: ResolveHost;
};

export type PinnedHost = { host: string; address: string; family: 4 | 6 };

export class OutboundRefused extends Error {
  constructor(
    readonly code: 'outbound.address_refused' | 'outbound.unresolvable',
    readonly host: string,
    readonly address: string | null,
  ) {
    super(address ? `${host} resolves to ${address}, an internal address; an admin may allowlist it` : `cannot resolve ${host}`);
    this.name = 'OutboundRefused';
  }
}

const systemResolve: ResolveHost = (host) => lookup(host, { all: true, verbatim: true });

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** The IPv4 address an IPv6 form carries, when the connection would in effect go there. */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const range = address.range();
  const bytes = address.toByteArray();
  const last32 = () => ipaddr.fromByteArray(bytes.slice(12)) as ipaddr.IPv4;
  if (range === 'ipv4Mapped') return address.toIPv4Address();
  // NAT64 well-known prefix 64:ff9b::/96 and the translated form ::ffff:0:a.b.c.d.
  if ((range === 'rfc6052' && address.match(ipaddr.parseCIDR('64:ff9b::/96'))) || range === 'rfc6145') return last32();
  // Deprecated IPv4-compatible ::a.b.c.d (not :: or ::1, classified on their own).
  if (address.match(ipaddr.parseCIDR('::/96')) && range === 'unicast') return last32();
  return null;
}

/** Plain public unicast only; anything transitional whose target is unclear counts as internal. */
export function isPublicAddress(address: Address): boolean {
  if (address.kind() === 'ipv4') return address.range() === 'unicast';
  const v6 = address as ipaddr.IPv6;
  const inner = embeddedIPv4(v6);
  if (inner) return inner.range() === 'unicast';
  return v6.range() === 'unicast';
}

/** Resolve `host` and pick the first address the policy lets us reach; refuse if any answer is internal and not allowed. */
export async function pinOutboundHost(host: string, policy: OutboundPolicy): Promise<PinnedHost> {
  const name = host.trim().replace(/^\[|\]$/g, '');
  const allowlist = parseAllowlist(policy.allow);
  let answers: Array<{ address: string; family: number }>;
  if (ipaddr.isValid(name)) answers = [{ address: name, family: ipaddr.parse(name).kind() === 'ipv4' ? 4 : 6 }];
  else {
    try {
      answers = await (policy.resolve ?? systemResolve)(name);
    } catch {
      throw new OutboundRefused('outbound.unresolvable', name, null);
    }
  }
  if (answers.length === 0) throw new OutboundRefused('outbound.unresolvable', name, null);
  const nameAllowed = allowsName(allowlist, name);
  // Every answer must pass: a name that mixes a public and an internal address is refused, not
  // half-trusted, as the resolver's order (and an attacker's DNS) decides which one a client uses.
  for (const answer of answers) {
    if (!ipaddr.isValid(answer.address)) throw new OutboundRefused('outbound.unresolvable', name, null);
    const address = ipaddr.parse(answer.address);
    if (!nameAllowed && !isPublicAddress(address) && !allowsAddress(allowlist, address)) {
      throw new OutboundRefused('outbound.address_refused', name, answer.address);
    }
  }
  const chosen = answers[0]!;
  return { host: name, address: chosen.address, family: chosen.family === 6 ? 6 : 4 };
}
