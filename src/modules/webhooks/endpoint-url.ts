import ipaddr from 'ipaddr.js';
import type { Config } from '../../app/config.js';
import { invalidField } from '../../app/errors.js';
import { allowsAddress, allowsName, parseAllowlist } from '../../app/net/outbound-allowlist.js';
import type { ResolveHost } from '../../app/net/outbound-guard.js';
import type { Db } from '../../db/database.js';
import { checkOutboundHost, outboundPolicy } from '../security-settings/index.js';

/**
 * An endpoint's URL as saved: https, or plain http only to a host the outbound allowlist names (by
 * name, or as an address in an allowed range: an on-premise receiver), no credentials in it, and a
 * host the outbound guard accepts now (every send checks it again). A 400 at `url` otherwise.
 */
export async function checkEndpointUrl(db: Db, config: Pick<Config, 'OPENCSM_OUTBOUND_ALLOW'>, value: string, resolve?: ResolveHost): Promise<string> {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw invalidField('url', 'webhook.url_invalid');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalidField('url', 'webhook.url_invalid');
  if (url.username || url.password) throw invalidField('url', 'webhook.url_credentials');
  url.hash = '';
  if (url.protocol === 'http:') {
    const allowlist = parseAllowlist((await outboundPolicy(db, config)).allow);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const allowed = allowsName(allowlist, host) || (ipaddr.isValid(host) && allowsAddress(allowlist, ipaddr.parse(host)));
    if (!allowed) throw invalidField('url', 'webhook.url_http_not_allowed', { host });
  }
  await checkOutboundHost(db, config, url.hostname, 'url', resolve);
  return url.toString();
}
