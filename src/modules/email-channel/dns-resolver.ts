import { Resolver } from 'node:dns/promises';
import type { Config } from '../../app/config.js';

/** mailauth's resolver shape: records of a name and type (TXT answers come as string chunks). */
export type DnsResolver = (name: string, rrtype: string) => Promise<string[][] | string[]>;

const notFound = (name: string) => Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' });

/**
 * The DNS used for sender authentication, from EMAIL_DNS_SERVERS: the system's when unset, the
 * given servers (a local validating resolver, or the tests' DNS server), or none at all (`none`:
 * air-gapped installs, where every lookup answers "not found" at once instead of timing out).
 */
export function senderAuthResolver(config: Pick<Config, 'EMAIL_DNS_SERVERS'>): DnsResolver {
  const setting = config.EMAIL_DNS_SERVERS?.trim();
  if (setting === 'none') return async (name) => Promise.reject(notFound(name));
  // A short timeout and few tries: a slow DNS delays one processing job, never the SMTP 250.
  const resolver = new Resolver({ timeout: 3000, tries: 2 });
  if (setting) resolver.setServers(setting.split(',').map((s) => s.trim()));
  return (name, rrtype) => resolver.resolve(name, rrtype) as Promise<string[][] | string[]>;
}
