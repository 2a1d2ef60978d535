import http from 'node:http';
import https from 'node:https';
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
  const secure = url.protocol === 'https:';
  const client = secure ? https : http;
  // Connect to the checked address; the name goes in Host and, for TLS, in SNI and the certificate check.
  const options: https.RequestOptions = {
    host: pinned.address,
    family: pinned.family,
    port: url.port || (secure ? 443 : 80),
    path: `${url.pathname}${url.search}`,
    method: request.method,
    headers: { ...request.headers, host: url.host },
    timeout: timeoutMs,
    ...(secure && { servername: url.hostname }),
  };
  return new Promise<VendorResponse>((resolve, reject) => {
    const req = client.request(options, (res) => {
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
