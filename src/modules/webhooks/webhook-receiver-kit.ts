import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a test receiver got. */
export type ReceivedWebhook = { headers: IncomingHttpHeaders; body: string; path: string };

/**
 * A real HTTP receiver on loopback for the webhook tests: it records every request and answers
 * each with the next status of `answers` (then 200). Tests verify signatures with the
 * `standardwebhooks` package, an implementation independent of ours.
 */
export type WebhookReceiver = {
  url: string;
  received: ReceivedWebhook[];
  /** Statuses for the next requests, in order (0: hold the request unanswered). */
  answer(...statuses: number[]): void;
  /** Forget what was received and the statuses not used yet. */
  reset(): void;
  close(): Promise<void>;
};

export async function startWebhookReceiver(host = '127.0.0.1'): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const queue: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), path: req.url ?? '' });
      const status = queue.shift() ?? 200;
      // 0: never answer (a hung receiver); a redirect points elsewhere on this server, to show it is not followed.
      if (status === 0) return;
      res.writeHead(status, { 'content-type': 'text/plain', ...(status >= 300 && status < 400 && { location: '/elsewhere' }) }).end(status < 300 ? 'ok' : `failed with ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/hooks`,
    received,
    answer: (...statuses) => queue.push(...statuses),
    reset: () => {
      received.length = 0;
      queue.length = 0;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
