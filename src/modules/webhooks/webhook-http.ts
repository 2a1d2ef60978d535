import http from 'node:http';
import https from 'node:https';
import type { PinnedHost } from '../../app/net/outbound-guard.js';

/** What an endpoint answered; the body cut at 2 KB (the delivery log keeps no more). */
export type WebhookResponse = { status: number; bodyExcerpt: string };

export const responseExcerptBytes = 2048;
export const requestTimeoutMs = 5000;

/**
 * POST one delivery to the address the outbound guard pinned (the name only in Host and, for TLS,
 * in SNI and the certificate check, so DNS rebinding cannot redirect it). Redirects are not
 * followed (a 3xx is an answer like any other, and not a success); the whole exchange, connection
 * included, has 5 seconds. Rejects with an Error on a network failure or the timeout.
 */
export function postWebhook(pinned: PinnedHost, url: URL, headers: Record<string, string>, body: string, timeoutMs = requestTimeoutMs): Promise<WebhookResponse> {
  const secure = url.protocol === 'https:';
  const client = secure ? https : http;
  const options: https.RequestOptions = {
    host: pinned.address,
    family: pinned.family,
    port: url.port || (secure ? 443 : 80),
    path: `${url.pathname}${url.search}`,
    method: 'POST',
    headers: { ...headers, host: url.host, 'content-length': String(Buffer.byteLength(body)) },
    ...(secure && { servername: url.hostname }),
  };
  return new Promise<WebhookResponse>((resolve, reject) => {
    const req = client.request(options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, bodyExcerpt: Buffer.concat(chunks).subarray(0, responseExcerptBytes).toString('utf8') });
      };
      res.on('data', (chunk: Buffer) => {
        if (size >= responseExcerptBytes) return;
        chunks.push(chunk);
        size += chunk.length;
        // Enough for the log: stop reading a large answer rather than buffer it.
        if (size >= responseExcerptBytes) {
          finish();
          res.destroy();
        }
      });
      res.on('end', finish);
      res.on('error', (error) => (size >= responseExcerptBytes ? undefined : reject(error)));
    });
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(body);
  });
}
