import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Config } from '../../app/config.js';
import type { Db } from '../../db/database.js';
import { pinOutbound } from '../security-settings/index.js';
import type { PinnedHost } from '../../app/net/outbound-guard.js';

export type VendorResponse = { status: number; contentType: string; headers: http.IncomingHttpHeaders; body: Buffer };
export type VendorRequest = { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: Buffer | string };

/** Vendors' media can be large (video up to 10 MB on WeChat); more than this is refused, not buffered. */
const maxResponseBytes = 25 * 1024 * 1024;
const timeoutMs = 15_000;

/**
 * An HTTP(S) call to a channel vendor's API through the outbound guard: the account's base URL
 * (https://api.weixin.qq.com, or a fake server on loopback that a test allowlisted) is resolved
 * and checked once, and the connection goes to that address while TLS still checks the name, so a
 * DNS answer that changes in between (rebinding) cannot turn a vendor URL into an internal one.
 */
export async function vendorRequest(db: Db, config: Pick<Config, 'OPENCSM_OUTBOUND_ALLOW'>, url: URL, request: VendorRequest): Promise<VendorResponse> {
  return pinnedVendorRequest(await pinOutbound(db, config, url.hostname), url, request);
}

/** The host checked by the outbound guard already (vendorPin): for calls made inside a transaction. */
export async function vendorPin(db: Db, config: Pick<Config, 'OPENCSM_OUTBOUND_ALLOW'>, url: URL): Promise<PinnedHost> {
  return pinOutbound(db, config, url.hostname);
}

export async function pinnedVendorRequest(pinned: PinnedHost, url: URL, request: VendorRequest): Promise<VendorResponse> {
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if (options.all) (callback as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<VendorResponse>((resolve, reject) => {
    const req = client.request(url, { method: request.method, headers: request.headers, lookup, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxResponseBytes) req.destroy(new Error(`vendor response over ${maxResponseBytes} bytes`));
        else chunks.push(chunk);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`vendor did not answer within ${timeoutMs / 1000} s`)));
    req.on('error', reject);
    req.end(request.body);
  });
}
